// Deleting a meeting. An ordinary one goes to Hội nghị đã xóa (30 days, Hoàn tác at once). A confidential
// one (MẬT and above) is told plainly what stays: in the trash it is still a whole copy, and the automatic
// backups hold it; it can instead be deleted for good, also from those backups.
import { useEffect, useState } from 'react';
import type { Confidentiality, MeetingSummary } from '../../shared/model/meeting.ts';
import { CONFIDENTIALITY_LABELS } from '../../shared/model/labels.ts';
import { TRASH_DAYS } from '../../shared/trash.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useClient } from '../context.tsx';

const untitled = (title: string) => title || '(Chưa có tên)';

export function DeleteMeetingDialog({ meeting, onDelete, onCancel }: { meeting: MeetingSummary; onDelete(forGood: boolean): void; onCancel(): void }) {
  const client = useClient();
  const [impact, setImpact] = useState<{ confidentiality: Confidentiality; backups: number } | null>(null);
  useEffect(() => {
    client.deletionImpact({ id: meeting.id }).then(setImpact, () => setImpact({ confidentiality: 'none', backups: 0 }));
  }, [client, meeting.id]);
  const secret = impact && impact.confidentiality !== 'none';
  return (
    <Dialog title="Xóa hội nghị?" onClose={onCancel}>
      <div className="dialog-body">
        <p>Hội nghị “{untitled(meeting.title)}” sẽ bị xóa cùng các điểm cầu, đại biểu, diễn biến và kết luận.</p>
        {impact === null ? (
          <p className="muted">Đang kiểm tra…</p>
        ) : secret ? (
          <>
            <p className="warning">
              Đây là hội nghị {CONFIDENTIALITY_LABELS[impact.confidentiality]}. Nếu chỉ chuyển vào “Hội nghị đã xóa”, một bản sao đầy đủ vẫn được giữ{' '}
              {TRASH_DAYS} ngày
              {impact.backups > 0 ? `, và ${impact.backups} bản sao lưu tự động vẫn chứa hội nghị này` : ''}.
            </p>
            <p>
              “Xóa hẳn” xóa ngay, không giữ trong Hội nghị đã xóa{impact.backups > 0 ? ` và xóa khỏi ${impact.backups} bản sao lưu tự động` : ''}; không hoàn
              tác được. Bản sao lưu bạn đã chép ra USB hay thư mục khác thì ứng dụng không với tới được.
            </p>
          </>
        ) : (
          <p>Ngay sau khi xóa, bạn vẫn có thể hoàn tác; hội nghị được giữ {TRASH_DAYS} ngày trong “Hội nghị đã xóa”.</p>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onCancel} data-autofocus>
          Hủy
        </button>
        <button type="button" className={secret ? undefined : 'danger'} disabled={impact === null} onClick={() => onDelete(false)}>
          {secret ? 'Chuyển vào Hội nghị đã xóa' : 'Xóa hội nghị'}
        </button>
        {secret ? (
          <button type="button" className="danger" onClick={() => onDelete(true)}>
            Xóa hẳn
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
