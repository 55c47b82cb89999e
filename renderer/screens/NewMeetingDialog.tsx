// A new meeting: blank, or with the sites and attendees of an earlier one.
import { useId, useMemo, useState } from 'react';
import type { MeetingSummary } from '../../shared/model/meeting.ts';
import { errorMessage } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FieldError } from '../components/fields.tsx';
import { useClient, useTracker } from '../context.tsx';
import { formatCount, formatDate, untitled } from '../lib/format.ts';

/**
 * A new meeting, blank or with the sites and attendees of an earlier one. Copying waits for the list of
 * meetings and offers only meetings that have sites, so a copy never comes out empty; the store refuses
 * one that would, with its reason.
 */
export function NewMeetingDialog({
  meetings,
  source,
  onCancel,
  onCreated,
}: {
  meetings: MeetingSummary[] | null;
  source: number | undefined;
  onCancel(): void;
  onCreated(id: number): void;
}) {
  const client = useClient();
  const tracker = useTracker();
  const [title, setTitle] = useState('');
  const [copy, setCopy] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { title: useId(), from: useId(), blank: useId(), copy: useId() };
  const copyable = useMemo(() => (meetings ?? []).filter((m) => m.siteCount > 0), [meetings]);
  const from = copyable.find((m) => m.id === chosen)?.id ?? copyable.find((m) => m.id === source)?.id ?? copyable[0]?.id ?? null;

  const create = async () => {
    if (copy && from === null) {
      setError('Hãy chọn hội nghị để sao chép điểm cầu và thành phần.');
      return;
    }
    setBusy(true);
    try {
      const fields = title.trim() ? { title } : {};
      const id = await tracker.track(client.createMeeting(copy && from !== null ? { fields, copyFrom: from } : { fields }));
      onCreated(id);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Hội nghị mới" onClose={onCancel}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="field">
          <label htmlFor={ids.title} className="field-label">
            Tên hội nghị
          </label>
          <input id={ids.title} data-autofocus value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />
        </div>
        <fieldset className="choice">
          <legend>Điểm cầu và thành phần</legend>
          <div className="field-check">
            <input type="radio" id={ids.blank} name="start" checked={!copy} onChange={() => setCopy(false)} />
            <label htmlFor={ids.blank}>Bắt đầu trống</label>
          </div>
          <div className="field-check">
            <input type="radio" id={ids.copy} name="start" checked={copy} disabled={copyable.length === 0} onChange={() => setCopy(true)} />
            <label htmlFor={ids.copy}>Sao chép điểm cầu và thành phần từ hội nghị trước</label>
          </div>
          {meetings === null ? (
            <p className="muted" role="status">
              Đang tải danh sách hội nghị…
            </p>
          ) : copyable.length === 0 ? (
            <p className="muted">Chưa có hội nghị nào có điểm cầu để sao chép.</p>
          ) : (
            <div className="field">
              <label htmlFor={ids.from} className="field-label">
                Hội nghị trước
              </label>
              <select id={ids.from} disabled={!copy} value={from ?? ''} onChange={(e) => setChosen(Number(e.target.value))}>
                {copyable.map((m) => (
                  <option key={m.id} value={m.id}>
                    {[formatDate(m.date), untitled(m.title), `${formatCount(m.siteCount)} điểm cầu, ${formatCount(m.attendeeCount)} đại biểu`]
                      .filter(Boolean)
                      .join(' — ')}
                  </option>
                ))}
              </select>
            </div>
          )}
        </fieldset>
        <FieldError error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Hủy
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Tạo hội nghị
          </button>
        </div>
      </form>
    </Dialog>
  );
}
