// Cài đặt › Bảo mật dữ liệu: encrypt the store with a passphrase, change it, show the recovery key again,
// decrypt; whether this machine keeps the key; the plain copy kept from before encrypting.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SecurityStatus } from '../../shared/security.ts';
import { errorMessage } from '../api.ts';
import { useClient, useToast } from '../context.tsx';
import { CurrentPassphraseDialog, MoveProgress, NewPassphraseDialog, NO_RECOVERY, RecoveryKeyDialog } from './SecurityDialogs.tsx';

type Open = null | 'encrypt' | 'change' | 'decrypt' | 'show' | 'rekey' | { recoveryKey: string; plainCopy: string | null };

export function SecuritySection() {
  const client = useClient();
  const toast = useToast();
  const [status, setStatus] = useState<SecurityStatus | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [move, setMove] = useState<SecurityStatus['move']>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);

  const refresh = useCallback(
    () => client.securityStatus({}).then(setStatus, (err: unknown) => toast({ text: errorMessage(err), tone: 'error' })),
    [client, toast],
  );
  useEffect(() => {
    void refresh();
    return () => {
      if (polling.current) clearInterval(polling.current);
    };
  }, [refresh]);

  /** Runs a move, showing its progress from the status until it answers. */
  const moving = async <T,>(work: Promise<T>): Promise<T> => {
    polling.current = setInterval(
      () =>
        void client.securityStatus({}).then(
          (s) => setMove(s.move),
          () => {},
        ),
      250,
    );
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
          <p>
            <strong>Cơ sở dữ liệu và các bản sao lưu tự động đang được mã hóa.</strong> Mất máy hay mất USB, người khác cũng không đọc được nếu không có cụm mật
            khẩu.
          </p>
          <p className="muted">
            {status.remembered
              ? 'Máy này giữ khóa trong kho khóa của hệ điều hành, nên khi mở ứng dụng không phải gõ cụm mật khẩu.'
              : (status.storageNote ?? 'Cụm mật khẩu được hỏi mỗi lần mở ứng dụng.')}
          </p>
          {status.storageNote === null ? (
            <label className="field-check">
              <input
                type="checkbox"
                checked={status.remembered}
                onChange={(event) =>
                  void client
                    .rememberKey({ remember: event.target.checked })
                    .then(setStatus, (err: unknown) => toast({ text: errorMessage(err), tone: 'error' }))
                }
              />
              Ghi nhớ khóa trên máy này
            </label>
          ) : null}
          <p className="row">
            <button type="button" onClick={() => setOpen('change')}>
              Đổi cụm mật khẩu…
            </button>
            <button type="button" onClick={() => setOpen('show')}>
              Xem khóa khôi phục…
            </button>
            <button type="button" className="danger" onClick={() => setOpen('decrypt')}>
              Bỏ mã hóa…
            </button>
          </p>
        </>
      ) : (
        <>
          <p>
            Cơ sở dữ liệu <strong>chưa được mã hóa</strong>: ai cầm máy tính, ổ đĩa hay USB chứa bản sao lưu đều đọc được mọi biên bản. Nên mã hóa nếu có hội
            nghị MẬT.
          </p>
          <p>
            <button type="button" className="primary" onClick={() => setOpen('encrypt')}>
              Mã hóa cơ sở dữ liệu…
            </button>
          </p>
        </>
      )}
      <p className="muted">{NO_RECOVERY} Xem thêm: docs/security.md.</p>
      {status.plainCopies.length > 0 ? (
        <div className="warning">
          <p>
            Còn {status.plainCopies.length} bản sao chưa mã hóa từ trước khi mã hóa: {status.plainCopies.join(', ')}.
          </p>
          <button
            type="button"
            onClick={() =>
              void client.deletePlainCopies({}).then(
                (s) => {
                  setStatus(s);
                  toast({ text: 'Đã xóa bản sao chưa mã hóa.' });
                },
                (err: unknown) => toast({ text: errorMessage(err), tone: 'error' }),
              )
            }
          >
            Xóa bản sao chưa mã hóa
          </button>
        </div>
      ) : null}
      {status.backupsLeft.length > 0 ? (
        <div className="warning">
          <p>{status.backupsLeft.length} bản sao lưu tự động chưa chuyển được sang dạng mới và vẫn mở bằng cụm mật khẩu cũ.</p>
          <button type="button" onClick={() => setOpen('rekey')}>
            Chuyển các bản sao lưu này…
          </button>
        </div>
      ) : null}
      <MoveProgress move={move} />
      {open === 'encrypt' ? (
        <NewPassphraseDialog
          title="Mã hóa cơ sở dữ liệu"
          confirmLabel="Mã hóa"
          intro="Toàn bộ dữ liệu và các bản sao lưu tự động sẽ được mã hóa bằng cụm mật khẩu này. Trước khi mã hóa, một bản sao chưa mã hóa được giữ bên cạnh để phòng sự cố; bạn xóa nó khi đã yên tâm."
          onCancel={() => setOpen(null)}
          onSubmit={async (passphrase) => {
            const result = await moving(client.encryptStore({ passphrase }));
            setOpen(result);
          }}
        />
      ) : open === 'change' ? (
        <NewPassphraseDialog
          title="Đổi cụm mật khẩu"
          confirmLabel="Đổi cụm mật khẩu"
          withCurrent
          intro="Dữ liệu sẽ được mã hóa lại bằng cụm mật khẩu mới, và có khóa khôi phục mới (khóa cũ không còn dùng được cho dữ liệu này)."
          onCancel={() => setOpen(null)}
          onSubmit={async (next, current) => {
            const result = await moving(client.changePassphrase({ current, next }));
            setOpen({ recoveryKey: result.recoveryKey, plainCopy: null });
          }}
        />
      ) : open === 'decrypt' ? (
        <CurrentPassphraseDialog
          title="Bỏ mã hóa?"
          confirmLabel="Bỏ mã hóa"
          danger
          intro="Cơ sở dữ liệu và các bản sao lưu tự động sẽ được ghi lại ở dạng không mã hóa: ai cầm máy hay USB cũng đọc được."
          onCancel={() => setOpen(null)}
          onSubmit={async (current) => {
            await moving(client.decryptStore({ current }));
            setOpen(null);
            toast({ text: 'Đã bỏ mã hóa cơ sở dữ liệu.' });
          }}
        />
      ) : open === 'rekey' ? (
        <CurrentPassphraseDialog
          title="Chuyển bản sao lưu sang khóa hiện tại"
          confirmLabel="Chuyển"
          intro={`Nhập cụm mật khẩu cũ (hoặc khóa khôi phục cũ) của ${status.backupsLeft.length} bản sao lưu này: chúng được ghi lại bằng khóa hiện tại của cơ sở dữ liệu.`}
          onCancel={() => setOpen(null)}
          onSubmit={async (old) => {
            const next = await client.rekeyBackups({ old });
            setStatus(next);
            setOpen(null);
            toast({
              text:
                next.backupsLeft.length === 0
                  ? 'Đã chuyển các bản sao lưu sang khóa hiện tại.'
                  : `Còn ${next.backupsLeft.length} bản sao lưu chưa chuyển được.`,
            });
          }}
        />
      ) : open === 'show' ? (
        <CurrentPassphraseDialog
          title="Xem khóa khôi phục"
          confirmLabel="Xem khóa"
          intro="Nhập cụm mật khẩu để xem lại khóa khôi phục."
          onCancel={() => setOpen(null)}
          onSubmit={async (current) => setOpen({ ...(await client.showRecoveryKey({ current })), plainCopy: null })}
        />
      ) : open ? (
        <RecoveryKeyDialog recoveryKey={open.recoveryKey} plainCopy={open.plainCopy} onClose={() => setOpen(null)} />
      ) : null}
    </fieldset>
  );
}
