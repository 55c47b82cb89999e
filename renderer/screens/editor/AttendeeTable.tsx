// A site's attendees as a table of fields: name, position, unit, category, role, presence and, for an
// absence or a late arrival, its reason or time. Rows move (Alt+↑/↓), go to another site, and are
// removed after a confirmation, with "Hoàn tác" to bring them back.
import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import { CATEGORIES, PRESENCE, ROLES, type Attendee, type Presence, type Site } from '../../../shared/model/meeting.ts';
import { CATEGORY_LABELS, PRESENCE_LABELS, ROLE_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { DateTimeField } from '../../components/date-time-fields.tsx';
import { ConfirmDialog, Dialog } from '../../components/Dialog.tsx';
import { optionsOf, SelectField, TextField } from '../../components/fields.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useToast } from '../../context.tsx';
import { isComposing } from '../../lib/format.ts';
import { useEditor, type MeetingOps } from './meeting-state.tsx';
import { useRemoveWithUndo } from './undo.ts';

const siteName = (site: Site): string => site.name || '(Chưa có tên)';
const COLUMNS = ['#', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Thành phần', 'Vai trò', 'Tình trạng', 'Lý do / giờ', 'Thao tác'];
const nameOf = (a: Attendee, n: number) => a.fullName || `dòng ${n}`;

/** `attendees` in the order shown; `stored` in the stored order, which moving and numbering follow. */
export function AttendeeTable({ site, attendees, stored, onNext }: { site: Site; attendees: Attendee[]; stored: Attendee[]; onNext(): void }) {
  const ops = useEditor();
  const [removing, setRemoving] = useState<Attendee | null>(null);
  const [moving, setMoving] = useState<Attendee | null>(null);
  const removeRow = useRemoveWithUndo();
  if (attendees.length === 0) return <p className="muted">Chưa có đại biểu tại điểm cầu này.</p>;

  const spokeCount = (id: number) => ops.record.speeches.filter((s) => s.attendeeId === id).length;
  const remove = async (attendee: Attendee) => {
    setRemoving(null);
    await removeRow('attendees', attendee.id, attendee.fullName ? `đồng chí ${attendee.fullName}` : 'dòng không có tên', ` khỏi điểm cầu ${siteName(site)}`);
  };

  return (
    <div className="attendee-table">
      <div className="attendee-grid attendee-header" aria-hidden="true">
        {COLUMNS.map((c) => <span key={c} title={c}>{c}</span>)}
      </div>
      <VirtualList
        items={attendees}
        rowHeight={40}
        label={`Đại biểu tại điểm cầu ${siteName(site)}`}
        className="attendee-list"
        getKey={(a) => a.id}
        renderRow={(attendee) => (
          <AttendeeRow
            attendee={attendee}
            index={stored.indexOf(attendee)}
            count={attendees.length}
            ops={ops}
            onNext={onNext}
            // Only a row with nothing in it goes without asking; every removal can be undone.
            onRemove={() => (attendee.fullName || attendee.positions || attendee.unit ? setRemoving(attendee) : void remove(attendee))}
            onMoveSite={() => setMoving(attendee)}
          />
        )}
      />
      {moving ? <MoveToSite attendee={moving} from={site} onDone={() => setMoving(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title="Xóa đại biểu?"
          message={(
            <>
              <p>Đồng chí {removing.fullName || '(chưa có tên)'} sẽ bị xóa khỏi danh sách đại biểu tại điểm cầu {siteName(site)}.</p>
              {spokeCount(removing.id) > 0 ? <p>Đồng chí có {spokeCount(removing.id)} phát biểu trong Diễn biến; các phát biểu đó vẫn giữ họ tên, chức vụ và điểm cầu của đồng chí.</p> : null}
              <p>Ngay sau khi xóa vẫn có thể hoàn tác.</p>
            </>
          )}
          confirmLabel="Xóa đại biểu"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      ) : null}
    </div>
  );
}

function AttendeeRow({ attendee: a, index, count, ops, onNext, onRemove, onMoveSite }: {
  attendee: Attendee;
  index: number;
  count: number;
  ops: MeetingOps;
  onNext(): void;
  onRemove(): void;
  onMoveSite(): void;
}) {
  const toast = useToast();
  const n = index + 1;
  // The presence as chosen, at once: its reason or time field is there for the very next Tab.
  const [chosen, setChosen] = useState<{ stored: Presence; presence: Presence }>({ stored: a.presence, presence: a.presence });
  if (chosen.stored !== a.presence) setChosen({ stored: a.presence, presence: a.presence });
  const presence = chosen.presence;
  const save = (patch: Partial<Attendee>) => ops.update('attendees', a.id, patch);
  const remember = () => void ops.rememberAttendee(a.id).catch((error: unknown) => toast({ text: errorMessage(error), tone: 'error' }));
  const move = (position: number) => void ops.move('attendees', a.id, position).catch((error: unknown) => toast({ text: errorMessage(error), tone: 'error' }));
  const reorder = reorderKeys(index, count, move);

  const onKeyDown = (event: KeyboardEvent) => {
    reorder(event);
    if (event.defaultPrevented || isComposing(event)) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && !event.ctrlKey && !event.altKey && !event.shiftKey && target.tagName === 'INPUT') {
      event.preventDefault();
      onNext();
    }
  };
  // The row is committed to the people directory when focus leaves it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) remember();
  };
  const absent = presence === 'absent_excused' || presence === 'absent_unexcused';
  const timed = presence === 'late' || presence === 'left_early';
  const name = nameOf(a, n);

  return (
    <div className="attendee-grid" onKeyDown={onKeyDown} onBlur={onBlur}>
      <span className="row-number">{n}</span>
      <TextField label={`Họ và tên, dòng ${n}`} hideLabel value={a.fullName} save={(fullName) => save({ fullName })} />
      <TextField label={`Chức vụ, dòng ${n}`} hideLabel value={a.positions} save={(positions) => save({ positions })} />
      <TextField label={`Đơn vị, dòng ${n}`} hideLabel value={a.unit} save={(unit) => save({ unit })} />
      <SelectField label={`Thành phần, dòng ${n}`} hideLabel value={a.category} options={optionsOf(CATEGORIES, CATEGORY_LABELS)} save={(category) => save({ category })} />
      <SelectField label={`Vai trò, dòng ${n}`} hideLabel value={a.role} options={optionsOf(ROLES, ROLE_LABELS)} save={(role) => save({ role })} />
      <SelectField label={`Tình trạng, dòng ${n}`} hideLabel value={a.presence} options={optionsOf(PRESENCE, PRESENCE_LABELS)} onEdit={(next: Presence) => setChosen({ stored: a.presence, presence: next })} save={(next) => save({ presence: next })} />
      {absent ? <TextField label={`Lý do vắng, dòng ${n}`} hideLabel value={a.absenceReason} save={(absenceReason) => save({ absenceReason })} placeholder="Lý do vắng" />
        : timed ? <DateTimeField type="time" label={`Giờ đến hoặc về, dòng ${n}`} hideLabel value={a.presenceTime} save={(presenceTime) => save({ presenceTime })} />
        : <span />}
      <RowTools name={`đại biểu ${name}`} index={index} count={count} onMove={move} onRemove={onRemove}>
        <button type="button" className="icon" aria-label={`Chuyển đại biểu ${name} sang điểm cầu khác`} title="Chuyển sang điểm cầu khác" onClick={onMoveSite}>⇄</button>
      </RowTools>
    </div>
  );
}

/** Moves an attendee entered under the wrong site to another site that lists its attendees by name. */
function MoveToSite({ attendee, from, onDone }: { attendee: Attendee; from: Site; onDone(): void }) {
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
        {targets.length === 0 ? <p>Chưa có điểm cầu nào khác có danh sách đại biểu.</p> : (
          <div className="field">
            <label htmlFor={selectId} className="field-label">Chuyển đồng chí {attendee.fullName || '(chưa có tên)'} sang</label>
            <select id={selectId} value={target ?? ''} onChange={(event) => setTarget(Number(event.target.value))} data-autofocus>
              {targets.map((s) => <option key={s.id} value={s.id}>{siteName(s)}</option>)}
            </select>
          </div>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>Hủy</button>
        <button type="button" className="primary" disabled={targets.length === 0} onClick={() => void move()}>Chuyển</button>
      </div>
    </Dialog>
  );
}
