// Sao lưu và khôi phục: a backup to a chosen folder, the automatic backups, their meetings, and restore.
import { FieldError } from '../components/fields.tsx';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/backups.ts';
import type { MeetingSummary } from '../../shared/model/meeting.ts';
import { errorMessage } from '../api.ts';
import { ConfirmDialog } from '../components/Dialog.tsx';
import { useClient, useToast } from '../context.tsx';
import { useBackupStatus } from '../hooks/useBackupStatus.ts';
import { formatDate, formatWhen } from '../lib/format.ts';
import { useFilePassphrase } from './MeetingFileDialogs.tsx';

const REASONS: Record<BackupInfo['reason'], string> = {
  start: 'khi mở ứng dụng',
  periodic: 'trong khi làm việc',
  'before-restore': 'trước khi khôi phục',
  manual: 'thủ công',
  imported: 'mở từ tệp',
};

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`
    : `${(bytes / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** The secretary's choice of carrying the recordings in backups (off by default: they are large). */
function AudioInBackups() {
  const client = useClient();
  const toast = useToast();
  const [include, setInclude] = useState<boolean | null>(null);
  useEffect(() => {
    client.audioInBackups({}).then(setInclude, () => setInclude(null));
  }, [client]);
  if (include === null) return null;
  const choose = (next: boolean) => {
    client.setAudioInBackups({ include: next }).then(setInclude, (err: unknown) => toast({ text: errorMessage(err), tone: 'error' }));
  };
  return (
    <p>
      <label>
        <input type="checkbox" checked={include} onChange={(event) => choose(event.target.checked)} /> Kèm bản ghi âm trong các bản sao lưu
      </label>
      <span className="field-hint"> Bản sao lưu sẽ lớn hơn nhiều (khoảng 15 MB cho mỗi giờ ghi âm); bản ghi âm của hội nghị mật vẫn được mã hóa.</span>
    </p>
  );
}

type Pending = { backup: BackupInfo; meeting: MeetingSummary | null };

export function BackupSection() {
  const client = useClient();
  const filePassphrase = useFilePassphrase<BackupInfo>();
  const toast = useToast();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<{ name: string; meetings: MeetingSummary[] } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useBackupStatus();

  const refresh = useCallback(() => {
    client.listBackups({}).then(
      (list) => {
        setBackups(list);
        setError(null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [client]);
  useEffect(refresh, [refresh]);

  const backupNow = async () => {
    setBusy(true);
    try {
      const result = await client.backupNow({});
      if (result) toast({ text: `Đã sao lưu vào ${result.path}` });
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const addFromFile = async () => {
    setBusy(true);
    try {
      const added = await filePassphrase.ask(await client.addBackupFile({}), (token, passphrase) => client.addBackupFile({ token, passphrase }));
      if (!added) return;
      refresh();
      setOpen({ name: added.name, meetings: await client.backupContents({ name: added.name }) });
      toast({ text: `Đã mở bản sao lưu có ${added.meetings ?? 0} hội nghị; chọn hội nghị để khôi phục.` });
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const show = async (name: string) => {
    if (open?.name === name) {
      setOpen(null);
      return;
    }
    try {
      setOpen({ name, meetings: await client.backupContents({ name }) });
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    }
  };

  const restore = async ({ backup, meeting }: Pending) => {
    setPending(null);
    setBusy(true);
    try {
      const result = await client.restoreBackup(meeting ? { name: backup.name, meetingId: meeting.id } : { name: backup.name });
      toast({
        text: meeting
          ? `Đã khôi phục hội nghị “${meeting.title}” thành một hội nghị mới.`
          : `Đã khôi phục ${result.meetingIds.length} hội nghị từ bản sao lưu.`,
      });
      refresh();
    } catch (err) {
      toast({ text: errorMessage(err), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="group backups">
      <legend>Sao lưu và khôi phục</legend>
      {filePassphrase.dialog}
      <p className="muted">Ứng dụng tự sao lưu khi mở và mười phút một lần trong khi làm việc. Nên sao lưu thêm ra USB sau mỗi hội nghị quan trọng.</p>
      {status ? (
        <p className={status.failure ? 'field-error' : undefined}>
          Lần sao lưu tự động thành công gần nhất: {status.lastGood ? formatWhen(status.lastGood) : 'chưa có'}.
          {status.failure ? ` Sao lưu tự động đang bị lỗi: ${status.failure.message}` : ''}
        </p>
      ) : null}
      <p>
        <button type="button" onClick={() => void backupNow()} disabled={busy}>
          Sao lưu ngay ra thư mục…
        </button>{' '}
        <button type="button" onClick={() => void addFromFile()} disabled={busy}>
          Mở bản sao lưu từ tệp (USB)…
        </button>
      </p>
      <AudioInBackups />
      <FieldError error={error} />
      {backups === null ? (
        error ? null : (
          <p>Đang tải…</p>
        )
      ) : backups.length === 0 ? (
        <p>Chưa có bản sao lưu nào.</p>
      ) : (
        <table className="backup-list">
          <caption>Các bản sao lưu</caption>
          <thead>
            <tr>
              <th scope="col">Thời điểm</th>
              <th scope="col">Dung lượng</th>
              <th scope="col">Số hội nghị</th>
              <th scope="col">
                <span className="visually-hidden">Thao tác</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  {formatWhen(backup.createdAt)} <span className="muted">({REASONS[backup.reason]})</span>
                </td>
                <td>{formatSize(backup.size)}</td>
                <td>{backup.meetings === null ? 'Bị hỏng' : backup.meetings}</td>
                <td>
                  {backup.meetings === null ? null : (
                    <>
                      <button type="button" onClick={() => void show(backup.name)} aria-expanded={open?.name === backup.name}>
                        Xem các hội nghị trong bản sao lưu
                      </button>{' '}
                      <button type="button" onClick={() => setPending({ backup, meeting: null })} disabled={busy}>
                        Khôi phục tất cả
                      </button>
                    </>
                  )}
                  {open?.name === backup.name ? (
                    open.meetings.length === 0 ? (
                      <p>Bản sao lưu không có hội nghị nào.</p>
                    ) : (
                      <ul className="backup-meetings">
                        {open.meetings.map((meeting) => (
                          <li key={meeting.id}>
                            {meeting.title || 'Hội nghị chưa có tên'}
                            {meeting.date ? `, ${formatDate(meeting.date)}` : ''}{' '}
                            <button
                              type="button"
                              onClick={() => setPending({ backup, meeting })}
                              disabled={busy}
                              aria-label={`Khôi phục hội nghị này: ${meeting.title}`}
                            >
                              Khôi phục hội nghị này
                            </button>
                          </li>
                        ))}
                      </ul>
                    )
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending ? (
        <ConfirmDialog
          title={pending.meeting ? 'Khôi phục hội nghị' : 'Khôi phục tất cả'}
          message={
            <p>
              {pending.meeting
                ? `Hội nghị “${pending.meeting.title}” trong bản sao lưu lúc ${formatWhen(pending.backup.createdAt)} sẽ được thêm thành một hội nghị mới; hội nghị hiện có không bị thay đổi.`
                : `Toàn bộ hội nghị và thông tin cơ quan hiện tại sẽ được thay bằng nội dung của bản sao lưu lúc ${formatWhen(pending.backup.createdAt)} (${pending.backup.meetings ?? 0} hội nghị).`}{' '}
              Dữ liệu hiện tại được sao lưu trước khi khôi phục, nên có thể lấy lại.
            </p>
          }
          confirmLabel="Khôi phục"
          danger={!pending.meeting}
          onConfirm={() => void restore(pending)}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </fieldset>
  );
}
