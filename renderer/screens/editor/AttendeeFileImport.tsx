// A list from a CSV or Excel file: the first rows are shown (with how the file was read and any heading
// line left out) before anything is added; text in TCVN3 or VNI is offered converted, never converted silently.
import { useState } from 'react';
import type { AttendeeFile, AttendeeRow } from '../../../shared/attendee-file.ts';
import { ENCODING_LABELS } from '../../../shared/vietnamese/legacy.ts';
import { errorMessage } from '../../api.ts';
import { useToast } from '../../context.tsx';
import { formatCount } from '../../lib/format.ts';
import { useEditor } from './meeting-state.tsx';
import { FieldError } from '../../components/fields.tsx';

export const PREVIEW_ROWS = 5;

function Preview({ file, rows }: { file: AttendeeFile; rows: AttendeeRow[] }) {
  return (
    <table>
      <caption className="sr-only">Các dòng đầu của tệp {file.fileName}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Họ và tên</th>
          <th scope="col">Chức vụ</th>
          <th scope="col">Đơn vị</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, PREVIEW_ROWS).map((row, i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            <td>{row.fullName}</td>
            <td>{row.positions}</td>
            <td>{row.unit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttendeeFileImport({ siteId }: { siteId: number }) {
  const ops = useEditor();
  const toast = useToast();
  const [pending, setPending] = useState<AttendeeFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addRows = async (rows: AttendeeRow[]) => {
    setPending(null);
    try {
      const added = await ops.addMany(
        'attendees',
        rows.map((row) => ({ ...row, siteId })),
      );
      setError(null);
      toast({ text: `Đã thêm ${formatCount(added.length)} đại biểu từ tệp.` });
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const pick = async () => {
    try {
      const file = await ops.client.readAttendeeFile({});
      if (!file) return;
      setError(null);
      setPending(file);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const count = pending ? formatCount(pending.rows.length) : '';
  return (
    <>
      <button type="button" onClick={() => void pick()}>
        Nhập danh sách từ tệp (CSV, Excel)
      </button>
      {pending ? (
        <div className="encoding-offer attendee-preview" role="group" aria-label={`Xem trước danh sách từ tệp ${pending.fileName}`}>
          <p>
            Tệp {pending.fileName} có {count} người ({pending.encoding}).
            {pending.heading ? ` Dòng tiêu đề “${pending.heading}” không được tính là đại biểu.` : ''}
            {pending.rows.length > PREVIEW_ROWS ? ` ${PREVIEW_ROWS} dòng đầu:` : ' Các dòng:'}
          </p>
          <Preview file={pending} rows={pending.legacy?.rows ?? pending.rows} />
          {pending.legacy ? (
            <>
              <p>
                Tệp có vẻ được gõ bằng bảng mã {ENCODING_LABELS[pending.legacy.encoding]}
                {pending.legacy.confident ? '' : ' (chưa chắc chắn)'}; bảng trên là chữ đã chuyển sang Unicode, ví dụ “{pending.rows[0]?.fullName}” thành “
                {pending.legacy.rows[0]?.fullName}”.
              </p>
              <button type="button" className="primary" onClick={() => void addRows(pending.legacy?.rows ?? pending.rows)}>
                Chuyển sang Unicode
              </button>
              <button type="button" onClick={() => void addRows(pending.rows)}>
                Giữ nguyên
              </button>
            </>
          ) : (
            <button type="button" className="primary" onClick={() => void addRows(pending.rows)}>
              Thêm {count} đại biểu
            </button>
          )}
          <button type="button" onClick={() => setPending(null)}>
            Hủy
          </button>
        </div>
      ) : null}
      <FieldError error={error} />
    </>
  );
}
