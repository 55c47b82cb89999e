// A list of sites from a CSV or Excel file (e.g. the 3,321 commune sites of a national conference): the file is
// read, its totals by level and its first rows shown, and nothing is added until the secretary says so. Text in
// TCVN3 or VNI is offered converted, never converted silently. Added through the store's bulk path.
import { useEffect, useRef, useState } from 'react';
import { SITE_LEVELS, type SiteLevel } from '../../../shared/model/meeting.ts';
import { SITE_LEVEL_LABELS } from '../../../shared/model/labels.ts';
import type { SiteFile, SiteRow } from '../../../shared/site-file.ts';
import { ENCODING_LABELS } from '../../../shared/vietnamese/legacy.ts';
import { errorMessage } from '../../api.ts';
import { useToast } from '../../context.tsx';
import { formatCount } from '../../lib/format.ts';
import { useEditor } from './meeting-state.tsx';
import { FieldError } from '../../components/fields.tsx';

const PREVIEW_ROWS = 5;

/** "3.321 cấp xã, 34 cấp tỉnh; 40.248 đại biểu; 2 điểm cầu có danh sách đại biểu" */
function summary(rows: readonly SiteRow[]): string {
  const byLevel = new Map<SiteLevel, number>();
  for (const row of rows) byLevel.set(row.level, (byLevel.get(row.level) ?? 0) + 1);
  const levels = SITE_LEVELS.filter((level) => byLevel.has(level)).map(
    (level) => `${formatCount(byLevel.get(level) ?? 0)} ${SITE_LEVEL_LABELS[level].toLowerCase()}`,
  );
  const people = rows.reduce((sum, row) => sum + (row.attendeeCount ?? 0), 0);
  const named = rows.filter((row) => row.attendeeCount === null).length;
  return `${levels.join(', ')}; ${formatCount(people)} đại biểu${named > 0 ? `; ${formatCount(named)} điểm cầu sẽ nhập danh sách đại biểu` : ''}`;
}

export function SiteFileImport({ onAdded }: { onAdded?(): void }) {
  const ops = useEditor();
  const toast = useToast();
  const [pending, setPending] = useState<SiteFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The file read, the choice is the next key: Enter adds, Tab goes to Hủy.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) first.current?.focus();
  }, [pending]);
  const add = async (rows: SiteRow[]) => {
    setPending(null);
    try {
      const { added, skipped } = await ops.importSites(rows.map((row) => ({ ...row })));
      setError(null);
      toast({ text: `Đã thêm ${formatCount(added)} điểm cầu từ tệp${skipped > 0 ? `; bỏ qua ${formatCount(skipped)} điểm cầu đã có` : ''}.` });
      onAdded?.();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const pick = async () => {
    try {
      const file = await ops.client.readSiteFile({ meetingId: ops.meetingId });
      setError(null);
      setPending(file);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const rows = pending ? (pending.legacy?.rows ?? pending.rows) : [];
  const fresh = pending ? pending.rows.length - pending.existing : 0;
  return (
    <div className="site-import">
      <button type="button" onClick={() => void pick()}>
        Nhập danh sách điểm cầu từ tệp (CSV, Excel)
      </button>
      <p className="field-hint">Các cột: tên điểm cầu, cấp, số đại biểu (để trống nếu nhập danh sách đại biểu), địa chỉ.</p>
      {pending ? (
        <div className="encoding-offer site-preview" role="group" aria-label={`Xem trước danh sách điểm cầu từ tệp ${pending.fileName}`}>
          <p>
            Tệp {pending.fileName} có {formatCount(pending.rows.length)} điểm cầu ({pending.encoding}): {summary(rows)}.
            {pending.heading ? ` Dòng tiêu đề “${pending.heading}” không được tính.` : ''}
            {pending.existing > 0 ? ` ${formatCount(pending.existing)} điểm cầu đã có trong hội nghị sẽ được bỏ qua.` : ''}
          </p>
          <table>
            <caption className="sr-only">Các dòng đầu của tệp {pending.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Tên điểm cầu</th>
                <th scope="col">Cấp</th>
                <th scope="col">Số đại biểu</th>
                <th scope="col">Địa chỉ</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{row.name}</td>
                  <td>{SITE_LEVEL_LABELS[row.level]}</td>
                  <td>{row.attendeeCount === null ? 'danh sách' : formatCount(row.attendeeCount)}</td>
                  <td>{row.location}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pending.legacy ? (
            <>
              <p>
                Tệp có vẻ được gõ bằng bảng mã {ENCODING_LABELS[pending.legacy.encoding]}
                {pending.legacy.confident ? '' : ' (chưa chắc chắn)'}; bảng trên là chữ đã chuyển sang Unicode, ví dụ “{pending.rows[0]?.name}” thành “
                {pending.legacy.rows[0]?.name}”.
              </p>
              <button type="button" className="primary" ref={first} onClick={() => void add(pending.legacy?.rows ?? pending.rows)}>
                Chuyển sang Unicode và thêm
              </button>
              <button type="button" onClick={() => void add(pending.rows)}>
                Giữ nguyên và thêm
              </button>
            </>
          ) : (
            <button type="button" className="primary" disabled={fresh === 0} ref={first} onClick={() => void add(pending.rows)}>
              Thêm {formatCount(fresh)} điểm cầu
            </button>
          )}
          <button type="button" onClick={() => setPending(null)}>
            Hủy
          </button>
        </div>
      ) : null}
      <FieldError error={error} />
    </div>
  );
}
