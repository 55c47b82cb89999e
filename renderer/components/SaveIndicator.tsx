// The one place that says whether everything typed is stored. A value refused by a rule is told by the
// rule's message (what is wrong with it), not as a failed save: what was stored before is kept.
import { useSaveStatus } from '../context.tsx';

export function SaveIndicator() {
  const status = useSaveStatus();
  const text =
    status.state === 'saving'
      ? 'Đang lưu…'
      : status.state === 'saved'
        ? 'Đã lưu'
        : status.state === 'error'
          ? `Lỗi khi lưu: ${status.message}`
          : status.state === 'refused'
            ? `${status.message} Dữ liệu đã lưu không thay đổi.`
            : 'Chưa có thay đổi';
  return (
    <p className={`save-indicator save-${status.state}`} role="status" aria-live="polite" aria-label="Trạng thái lưu" title={text}>
      {text}
    </p>
  );
}
