// Shown at the top of every screen while automatic backups fail: why, since when, and the last good one.
import { formatWhen } from '../lib/format.ts';
import { useBackupStatus } from '../hooks/useBackupStatus.ts';

/** moment: asked again whenever it changes (the screen shown). */
export function BackupBanner({ moment }: { moment?: unknown }) {
  const status = useBackupStatus(moment);
  if (!status?.failure) return null;
  const { failure, lastGood } = status;
  return (
    <div className="banner banner-error" role="alert">
      <strong>Sao lưu tự động đang bị lỗi</strong> (từ {formatWhen(failure.since)}, đã thử {failure.attempts} lần): {failure.message} Ứng dụng vẫn tiếp tục thử
      lại. {lastGood ? `Bản sao lưu tốt gần nhất: ${formatWhen(lastGood)}.` : 'Chưa có bản sao lưu tự động nào.'} Dữ liệu bạn nhập vẫn được lưu; hãy giải phóng
      chỗ trên ổ đĩa hoặc sao lưu ra USB trong Cài đặt.
    </div>
  );
}
