// Cài đặt › Bảo mật dữ liệu: encrypt the store with a passphrase, change it, show the recovery key again,
// decrypt; whether this machine keeps the key; the plain copy kept from before encrypting.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SecurityStatus } from '../../shared/security.ts';
import { errorMessage } from '../api.ts';
import { useClient, useToast } from '../context.tsx';
import { CurrentPassphraseDialog, MoveProgress, NewPassphraseDialog, NO_RECOVERY, RecoveryKeyDialog } from './SecurityDialogs.tsx';

type Open = null | 'encrypt' | 'change' | 'decrypt' | 'show' | { recoveryKey: string; plainCopy: string | null };

export function SecuritySection() {
  const client = useClient();
  const toast = useToast();
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [move, setMove] = useState<SecurityStatus['move']>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);

  const refresh = useCallback(() => client.securityStatus({}).then(setStatus, (err: unknown) => toast({ text: errorMessage(err), tone: 'error' })), [client, toast]);
  useEffect(() => {
    void refresh();
    return () => {
      if (polling.current) clearInterval(polling.current);
    };
  }, [refresh]);

  /** Runs a move, showing its progress from the status until it answers. */
  const moving = async <T,>(work: Promise<T>): Promise<T> => {
    polling.current = setInterval(() => void client.securityStatus({}).then((s) => setMove(s.move), () => {}), 250);
    try {
      return await work;
    } finally {
      if (polling.current) clearInterval(polling.current);
      polling.current = null;
      setMove(null);
      void refresh();
    }
  };

  if (!status) return null;
  return (
    <fieldset className="group security">
      <legend>Bảo mật dữ liệu</legend>
      {status.encrypted ? (
        <>
          <p><strong>Cơ sở dữ liệu và các bản sao lưu tự động đang được mã hoá.</strong> Mất máy hay mất USB, người khác cũng không đọc được nếu không có cụm mật khẩu.</p>
          <p className="muted">{status.remembered ? 'Máy này giữ khoá trong kho khoá của hệ điều hành, nên khi mở ứng dụng không phải gõ cụm mật khẩu.' : status.storageNote ?? 'Cụm mật khẩu được hỏi mỗi lần mở ứng dụng.'}</p>
          {status.storageNote === null ? (
            <label className="field-check">
              <input type="checkbox" checked={status.remembered} onChange={(event) => void client.rememberKey({ remember: event.target.checked }).then(setStatus, (err: unknown) => toast({ text: errorMessage(err), tone: 'error' }))} />
              Ghi nhớ khoá trên máy này
            </label>
          ) : null}
          <p className="row">
            <button type="button" onClick={() => setOpen('change')}>Đổi cụm mật khẩu…</button>
            <button type="button" onClick={() => setOpen('show')}>Xem khoá khôi phục…</button>
            <button type="button" className="danger" onClick={() => setOpen('decrypt')}>Bỏ mã hoá…</button>
          </p>
        </>
      ) : (
        <>
          <p>Cơ sở dữ liệu <strong>chưa được mã hoá</strong>: ai cầm máy tính, ổ đĩa hay USB chứa bản sao lưu đều đọc được mọi biên bản. Nên mã hoá nếu có hội nghị MẬT.</p>
          <p><button type="button" className="primary" onClick={() => setOpen('encrypt')}>Mã hoá cơ sở dữ liệu…</button></p>
        </>
      )}
      <p className="muted">{NO_RECOVERY} Xem thêm: docs/security.md.</p>
      {status.plainCopies.length > 0 ? (
        <div className="warning">
          <p>Còn {status.plainCopies.length} bản sao chưa mã hoá từ trước khi mã hoá: {status.plainCopies.join(', ')}.</p>
          <button type="button" onClick={() => void client.deletePlainCopies({}).then((s) => { setStatus(s); toast({ text: 'Đã xoá bản sao chưa mã hoá.' }); }, (err: unknown) => toast({ text: errorMessage(err), tone: 'error' }))}>Xoá bản sao chưa mã hoá</button>
        </div>
      ) : null}
      {status.backupsLeft.length > 0 ? <p className="warning">{status.backupsLeft.length} bản sao lưu tự động chưa chuyển được sang dạng mới và vẫn mở bằng cụm mật khẩu cũ.</p> : null}
      <MoveProgress move={move} />
      {open === 'encrypt' ? (
        <NewPassphraseDialog
          title="Mã hoá cơ sở dữ liệu" confirmLabel="Mã hoá"
          intro="Toàn bộ dữ liệu và các bản sao lưu tự động sẽ được mã hoá bằng cụm mật khẩu này. Trước khi mã hoá, một bản sao chưa mã hoá được giữ bên cạnh để phòng sự cố; bạn xoá nó khi đã yên tâm."
          onCancel={() => setOpen(null)}
          onSubmit={async (passphrase) => {
            const result = await moving(client.encryptStore({ passphrase }));
            setOpen(result);
          }}
        />
      ) : open === 'change' ? (
        <NewPassphraseDialog
          title="Đổi cụm mật khẩu" confirmLabel="Đổi cụm mật khẩu" withCurrent
          intro="Dữ liệu sẽ được mã hoá lại bằng cụm mật khẩu mới, và có khoá khôi phục mới (khoá cũ không còn dùng được cho dữ liệu này)."
          onCancel={() => setOpen(null)}
          onSubmit={async (next, current) => {
            const result = await moving(client.changePassphrase({ current, next }));
            setOpen({ recoveryKey: result.recoveryKey, plainCopy: null });
          }}
        />
      ) : open === 'decrypt' ? (
        <CurrentPassphraseDialog
          title="Bỏ mã hoá?" confirmLabel="Bỏ mã hoá" danger
          intro="Cơ sở dữ liệu và các bản sao lưu tự động sẽ được ghi lại ở dạng không mã hoá: ai cầm máy hay USB cũng đọc được."
          onCancel={() => setOpen(null)}
          onSubmit={async (current) => {
            await moving(client.decryptStore({ current }));
            setOpen(null);
            toast({ text: 'Đã bỏ mã hoá cơ sở dữ liệu.' });
          }}
        />
      ) : open === 'show' ? (
        <CurrentPassphraseDialog
          title="Xem khoá khôi phục" confirmLabel="Xem khoá"
          intro="Nhập cụm mật khẩu để xem lại khoá khôi phục."
          onCancel={() => setOpen(null)}
          onSubmit={async (current) => setOpen({ ...(await client.showRecoveryKey({ current })), plainCopy: null })}
        />
      ) : open ? (
        <RecoveryKeyDialog recoveryKey={open.recoveryKey} plainCopy={open.plainCopy} onClose={() => setOpen(null)} />
      ) : null}
    </fieldset>
  );
}
