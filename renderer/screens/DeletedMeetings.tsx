// Hội nghị đã xóa: the meetings deleted in the last 30 days, each restorable.
import { useState } from 'react';
import type { DeletedMeeting } from '../../shared/trash.ts';
import { TRASH_DAYS } from '../../shared/trash.ts';
import { errorMessage } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useClient, useToast, useTracker } from '../context.tsx';
import { formatDate, formatWhen } from '../lib/format.ts';

export function DeletedMeetings({ onRestored }: { onRestored(): void }) {
  const client = useClient();
  const toast = useToast();
  const tracker = useTracker();
  const [deleted, setDeleted] = useState<DeletedMeeting[] | null>(null);
  const [open, setOpen] = useState(false);

  const show = async () => {
    setOpen(true);
    try {
      setDeleted(await client.listDeleted({}));
    } catch (error) {
      setOpen(false);
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };
  const restore = async (meeting: DeletedMeeting) => {
    try {
      await tracker.track(client.restoreDeleted({ id: meeting.id }));
      setDeleted((list) => list?.filter((m) => m.id !== meeting.id) ?? null);
      toast({ text: `Đã khôi phục hội nghị “${meeting.title || '(Chưa có tên)'}”.` });
      onRestored();
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };

  const erase = async (meeting: DeletedMeeting) => {
    try {
      const { purged } = await tracker.track(client.eraseDeleted({ id: meeting.id }));
      setDeleted((list) => list?.filter((m) => m.id !== meeting.id) ?? null);
      toast({ text: `Đã xóa hẳn hội nghị “${meeting.title || '(Chưa có tên)'}”${purged > 0 ? `, cả trong ${purged} bản sao lưu tự động` : ''}.` });
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };

  return (
    <>
      <button type="button" onClick={() => void show()}>
        Hội nghị đã xóa…
      </button>
      {open ? (
        <Dialog title="Hội nghị đã xóa" onClose={() => setOpen(false)}>
          <p className="muted">
            Hội nghị đã xóa được giữ {TRASH_DAYS} ngày rồi mới bị xóa hẳn. Hội nghị mật nằm ở đây vẫn là một bản sao đầy đủ: “Xóa hẳn” xóa nó ngay, cả trong các
            bản sao lưu tự động.
          </p>
          {deleted === null ? (
            <p>Đang tải…</p>
          ) : deleted.length === 0 ? (
            <p>Không có hội nghị nào đã xóa trong {TRASH_DAYS} ngày qua.</p>
          ) : (
            <ul className="deleted-meetings">
              {deleted.map((meeting) => (
                <li key={meeting.id}>
                  <span>
                    {meeting.title || '(Chưa có tên)'}
                    {meeting.date ? `, ${formatDate(meeting.date)}` : ''}
                    <span className="muted"> · xóa lúc {formatWhen(meeting.deletedAt)}</span>
                  </span>
                  <button type="button" onClick={() => void restore(meeting)} aria-label={`Khôi phục hội nghị ${meeting.title || '(Chưa có tên)'}`}>
                    Khôi phục
                  </button>
                  {meeting.confidentiality !== 'none' ? (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => void erase(meeting)}
                      aria-label={`Xóa hẳn hội nghị ${meeting.title || '(Chưa có tên)'}`}
                    >
                      Xóa hẳn
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p>
            <button type="button" onClick={() => setOpen(false)}>
              Đóng
            </button>
          </p>
        </Dialog>
      ) : null}
    </>
  );
}
