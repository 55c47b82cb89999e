// The dialogs of Cài đặt › Bảo mật: a new passphrase (to encrypt, or to change it), the current one (to
// decrypt or show the recovery key), the recovery key to print, and a move's progress.
import { FieldError } from '../components/fields.tsx';
import { useState, type FormEvent } from 'react';
import type { SecurityStatus } from '../../shared/security.ts';
import { Dialog } from '../components/Dialog.tsx';
import { newPassphraseProblem, PassphraseField } from '../components/PassphraseField.tsx';
import { usePassphraseSubmit } from '../hooks/usePassphraseSubmit.ts';

export const NO_RECOVERY = 'Nếu quên cả cụm mật khẩu lẫn khóa khôi phục thì dữ liệu không thể khôi phục được nữa, kể cả các bản sao lưu.';

/** Asks a new passphrase twice (with the current one first when changing); resolves through onSubmit. */
export function NewPassphraseDialog({
  title,
  intro,
  withCurrent,
  confirmLabel,
  onSubmit,
  onCancel,
}: {
  title: string;
  intro: string;
  withCurrent?: boolean;
  confirmLabel: string;
  onSubmit(next: string, current: string): Promise<void>;
  onCancel(): void;
}) {
  const [current, setCurrent] = useState('');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const { busy, error, run } = usePassphraseSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = newPassphraseProblem(first, second) ?? (withCurrent && !current ? 'Hãy nhập cụm mật khẩu hiện tại.' : null);
    void run(() => onSubmit(first, current), { problem });
  };
  return (
    <Dialog title={title} onClose={onCancel}>
      <form onSubmit={submit}>
        <div className="dialog-body">
          <p>{intro}</p>
          {withCurrent ? <PassphraseField label="Cụm mật khẩu hiện tại (hoặc khóa khôi phục)" value={current} onChange={setCurrent} autoFocus /> : null}
          <PassphraseField label={withCurrent ? 'Cụm mật khẩu mới' : 'Cụm mật khẩu'} value={first} onChange={setFirst} strength autoFocus={!withCurrent} />
          <PassphraseField label="Gõ lại cụm mật khẩu" value={second} onChange={setSecond} />
          <p className="warning">{NO_RECOVERY}</p>
          <FieldError error={error} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Đang thực hiện…' : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks the current passphrase (or recovery key) before a step that needs it. */
export function CurrentPassphraseDialog({
  title,
  intro,
  confirmLabel,
  danger,
  onSubmit,
  onCancel,
}: {
  title: string;
  intro: string;
  confirmLabel: string;
  danger?: boolean;
  onSubmit(current: string): Promise<void>;
  onCancel(): void;
}) {
  const [current, setCurrent] = useState('');
  const { busy, error, run } = usePassphraseSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (current) void run(() => onSubmit(current), { onRefused: () => setCurrent('') });
  };
  return (
    <Dialog title={title} onClose={onCancel}>
      <form onSubmit={submit}>
        <div className="dialog-body">
          <p>{intro}</p>
          <PassphraseField label="Cụm mật khẩu hoặc khóa khôi phục" value={current} onChange={setCurrent} autoFocus error={error} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy || !current}>
            {busy ? 'Đang thực hiện…' : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The recovery key, shown to be written down or printed. */
export function RecoveryKeyDialog({ recoveryKey, plainCopy, onClose }: { recoveryKey: string; plainCopy?: string | null; onClose(): void }) {
  return (
    <Dialog title="Khóa khôi phục" onClose={onClose}>
      <div className="dialog-body recovery">
        <p>Hãy in hoặc chép tay khóa này và cất nơi an toàn, tách khỏi máy tính. Khóa này mở được dữ liệu khi quên cụm mật khẩu; ai có nó cũng mở được.</p>
        <p className="recovery-key" aria-label="Khóa khôi phục">
          {recoveryKey}
        </p>
        <p className="warning">{NO_RECOVERY}</p>
        {plainCopy ? (
          <p>
            Bản sao <strong>chưa mã hóa</strong> của dữ liệu trước khi mã hóa được giữ tại {plainCopy}. Khi đã chắc mọi thứ đều ổn, hãy xóa nó trong Cài đặt ›
            Bảo mật dữ liệu.
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => window.print()}>
          In khóa khôi phục
        </button>
        <button type="button" className="primary" onClick={onClose} data-autofocus>
          Tôi đã cất khóa khôi phục
        </button>
      </div>
    </Dialog>
  );
}

export function MoveProgress({ move }: { move: SecurityStatus['move'] }) {
  if (!move) return null;
  const what = move.phase === 'store' ? 'Đang chuyển cơ sở dữ liệu' : 'Đang chuyển các bản sao lưu tự động';
  return (
    <div role="status" className="move-progress">
      <p>
        {what}: {move.done.toLocaleString('vi-VN')} / {move.total.toLocaleString('vi-VN')}
      </p>
      <progress max={Math.max(move.total, 1)} value={move.done} aria-label={what} />
    </div>
  );
}
