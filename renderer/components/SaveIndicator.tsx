// The one place that says whether everything typed is stored.
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
          : 'Chưa có thay đổi';
  return (
    <p className={`save-indicator save-${status.state}`} role="status" aria-live="polite" aria-label="Trạng thái lưu">
      {text}
    </p>
  );
}
