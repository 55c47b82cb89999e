// Moves an attendee entered under the wrong site to another site that lists its attendees by name.
import { useState } from 'react';
import type { Attendee, Site } from '../../../shared/model/meeting.ts';
import { errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useToast } from '../../context.tsx';
import { useEditor } from './meeting-state.tsx';

const siteName = (site: Site): string => site.name || '(Chưa có tên)';

/** Moves an attendee entered under the wrong site to another site that lists its attendees by name. */
export function MoveToSite({ attendee, from, onDone }: { attendee: Attendee; from: Site; onDone(): void }) {
  const ops = useEditor();
  const toast = useToast();
  const targets = ops.record.sites.filter((s) => s.id !== from.id && s.attendeeCount === null);
  const [target, setTarget] = useState<number | null>(targets[0]?.id ?? null);
  const selectId = `move-${attendee.id}`;
  const move = async () => {
    const to = targets.find((s) => s.id === target);
    if (!to) return;
    onDone();
    try {
      await ops.update('attendees', attendee.id, { siteId: to.id });
      toast({ text: `Đã chuyển đồng chí ${attendee.fullName} sang điểm cầu ${siteName(to)}.` });
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };
  return (
    <Dialog title="Chuyển sang điểm cầu khác" onClose={onDone}>
      <div className="dialog-body">
        {targets.length === 0 ? (
          <p>Chưa có điểm cầu nào khác có danh sách đại biểu.</p>
        ) : (
          <div className="field">
            <label htmlFor={selectId} className="field-label">
              Chuyển đồng chí {attendee.fullName || '(chưa có tên)'} sang
            </label>
            <select id={selectId} value={target ?? ''} onChange={(event) => setTarget(Number(event.target.value))} data-autofocus>
              {targets.map((s) => (
                <option key={s.id} value={s.id}>
                  {siteName(s)}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Hủy
        </button>
        <button type="button" className="primary" disabled={targets.length === 0} onClick={() => void move()}>
          Chuyển
        </button>
      </div>
    </Dialog>
  );
}
