// The meeting file's passphrases: a confidential meeting (MẬT and above) is exported sealed with a
// passphrase typed for the file, or plain only after an explicit confirmation; a sealed file asks its
// passphrase on import (a wrong one says so and the dialog stays, nothing imported).
import { FieldError } from '../components/fields.tsx';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import type { PassphraseNeeded } from '../../shared/api.ts';
import { ApiError, errorMessage } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { newPassphraseProblem, PassphraseField } from '../components/PassphraseField.tsx';
import { useClient, useToast } from '../context.tsx';
import { usePassphraseSubmit } from '../hooks/usePassphraseSubmit.ts';

/** Export of a meeting file: plain at once, or, for a confidential meeting, the dialog first. */
export function useMeetingFileExport(): { exportFile(id: number): Promise<void>; dialog: ReactNode } {
  const client = useClient();
  const toast = useToast();
  const [asking, setAsking] = useState<{ id: number; reason: string } | null>(null);
  const done = useCallback(
    (file: { path: string } | null, sealed: boolean) => {
      if (file) toast({ text: `Đã xuất tệp hội nghị${sealed ? ' (đã mã hóa)' : ''}: ${file.path}` });
    },
    [toast],
  );
  const exportFile = useCallback(
    async (id: number) => {
      try {
        done(await client.exportMeetingFile({ id }), false);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFIRM_NEEDED') setAsking({ id, reason: error.message });
        else toast({ text: errorMessage(error), tone: 'error' });
      }
    },
    [client, done, toast],
  );
  const dialog = asking ? (
    <SealDialog
      reason={asking.reason}
      onCancel={() => setAsking(null)}
      onSeal={async (passphrase) => {
        const file = await client.exportMeetingFile({ id: asking.id, passphrase });
        setAsking(null);
        done(file, true);
      }}
      onPlain={async () => {
        const file = await client.exportMeetingFile({ id: asking.id, confirmPlain: true });
        setAsking(null);
        done(file, false);
      }}
    />
  ) : null;
  return { exportFile, dialog };
}

function SealDialog({
  reason,
  onSeal,
  onPlain,
  onCancel,
}: {
  reason: string;
  onSeal(passphrase: string): Promise<void>;
  onPlain(): Promise<void>;
  onCancel(): void;
}) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [plain, setPlain] = useState(false);
  const { busy, error, run } = usePassphraseSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => onSeal(first), { problem: newPassphraseProblem(first, second) });
  };
  return (
    <Dialog title="Xuất tệp hội nghị mật" onClose={onCancel}>
      <form onSubmit={submit}>
        <div className="dialog-body">
          <p>{reason}</p>
          <PassphraseField label="Cụm mật khẩu cho tệp" value={first} onChange={setFirst} strength autoFocus />
          <PassphraseField label="Gõ lại cụm mật khẩu cho tệp" value={second} onChange={setSecond} />
          <p className="muted">
            Người nhận cần cụm mật khẩu này để nhập tệp; hãy báo cho họ qua một đường khác (không gửi kèm tệp). Quên cụm mật khẩu thì không mở được tệp.
          </p>
          <FieldError error={error} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Xuất tệp mã hóa
          </button>
        </div>
        <div className="dialog-body">
          <label className="field-check">
            <input type="checkbox" checked={plain} onChange={(event) => setPlain(event.target.checked)} />
            Tôi hiểu tệp không mã hóa ai cầm cũng đọc được
          </label>
          <button type="button" className="danger" disabled={!plain || busy} onClick={() => void run(onPlain)}>
            Xuất không mã hóa
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Asks the passphrase of a sealed file; calls again with it until it fits or the user cancels. */
export function useFilePassphrase<T extends object>(): {
  ask(first: T | PassphraseNeeded | null, retry: (token: string, passphrase: string) => Promise<T | PassphraseNeeded | null>): Promise<T | null>;
  dialog: ReactNode;
} {
  const [waiting, setWaiting] = useState<{ name: string; submit(passphrase: string): Promise<void>; cancel(): void } | null>(null);
  const ask = useCallback((first: T | PassphraseNeeded | null, retry: (token: string, passphrase: string) => Promise<T | PassphraseNeeded | null>) => {
    if (!first || !('needsPassphrase' in first)) return Promise.resolve(first as T | null);
    return new Promise<T | null>((resolve) => {
      setWaiting({
        name: first.name,
        submit: async (passphrase) => {
          const answer = await retry(first.token, passphrase);
          if (answer && 'needsPassphrase' in answer) return;
          setWaiting(null);
          resolve(answer);
        },
        cancel: () => {
          setWaiting(null);
          resolve(null);
        },
      });
    });
  }, []);
  const dialog = waiting ? <FilePassphraseDialog name={waiting.name} onSubmit={waiting.submit} onCancel={waiting.cancel} /> : null;
  return { ask, dialog };
}

function FilePassphraseDialog({ name, onSubmit, onCancel }: { name: string; onSubmit(passphrase: string): Promise<void>; onCancel(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = usePassphraseSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase) void run(() => onSubmit(passphrase), { onRefused: () => setPassphrase('') });
  };
  return (
    <Dialog title="Tệp được mã hóa" onClose={onCancel}>
      <form onSubmit={submit}>
        <div className="dialog-body">
          <p>Tệp {name} được mã hóa. Hãy nhập cụm mật khẩu của tệp (người gửi tệp cho bạn biết).</p>
          <PassphraseField label="Cụm mật khẩu của tệp" value={passphrase} onChange={setPassphrase} autoFocus error={error} />
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={busy || !passphrase}>
            {busy ? 'Đang mở…' : 'Mở tệp'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
