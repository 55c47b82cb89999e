// One attendee in the site's grid: a row that takes the focus itself, where single keys mark presence
// (C, V, K, M, S: shortcuts.ts) and membership (T), the reason or the time opening in place (the time set to
// now, ready to be typed over); and its fields: name, position, unit, category, role, member, presence, reason
// or time. Esc in a field, or Enter in the reason or time, comes back to the row.
import { useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { CATEGORIES, PRESENCE, ROLES, type Attendee, type Category, type Presence, type Role } from '../../../shared/model/meeting.ts';
import { PRESENCE_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { DateTimeField } from '../../components/date-time-fields.tsx';
import { CheckboxField, optionsOf, SelectField, TextField } from '../../components/fields.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { useToast } from '../../context.tsx';
import { isComposing, nowClock } from '../../lib/format.ts';
import type { MeetingOps } from './meeting-state.tsx';
import { chordOf, PRESENCE_KEYS, ROW_KEYS } from './shortcuts.ts';

/** Categories and roles as short as the grid's columns allow (the minutes use the full words). */
const CATEGORY_SHORT: Record<Category, string> = { delegate: 'Chính thức', guest: 'Mời dự', press: 'Báo chí', staff: 'Phục vụ' };
const ROLE_SHORT: Record<Role, string> = { member: 'Đại biểu', chair: 'Chủ trì hội nghị', site_chair: 'Chủ trì điểm cầu' };
const PRESENCE_OF_KEY = new Map(PRESENCE.map((presence) => [PRESENCE_KEYS[presence], presence]));

export const nameOf = (a: Attendee, n: number): string => a.fullName || `dòng ${n}`;

/** What a presence key writes: the reason only for an excused absence, the time (now) only when late or leaving early. */
export function presencePatch(presence: Presence, current: Attendee): Partial<Attendee> {
  switch (presence) {
    case 'absent_excused':
      return { presence, presenceTime: null };
    case 'late':
    case 'left_early':
      return { presence, absenceReason: '', presenceTime: current.presence === presence && current.presenceTime ? current.presenceTime : nowClock() };
    default:
      return { presence, absenceReason: '', presenceTime: null };
  }
}

export interface RowCommands {
  /** Moves the focus to the row at this place in the grid (clamped). */
  focusRow(index: number): void;
  /** The focus came into the row: it is the grid's row in the tab order from now on. */
  activate(index: number): void;
  onNext(): void;
  onRemove(): void;
  onMoveSite(): void;
}

export function AttendeeRow({
  attendee: a,
  index,
  position,
  count,
  active,
  ops,
  commands,
  measure,
}: {
  attendee: Attendee;
  /** Place in the grid as shown. */
  index: number;
  /** Place in the stored order, which moving and numbering follow. */
  position: number;
  count: number;
  /** The row in the tab order (one per grid). */
  active: boolean;
  ops: MeetingOps;
  commands: RowCommands;
  /** In a long grid, which renders only the rows in view: measures the row (its height follows what wraps). */
  measure?: (row: HTMLDivElement | null) => void;
}) {
  const toast = useToast();
  const n = position + 1;
  // The presence as chosen, at once: its reason or time field is there before the store answers.
  const [chosen, setChosen] = useState<{ stored: Presence; presence: Presence; time: string | null }>({
    stored: a.presence,
    presence: a.presence,
    time: a.presenceTime,
  });
  if (chosen.stored !== a.presence) setChosen({ stored: a.presence, presence: a.presence, time: a.presenceTime });
  const rowRef = useRef<HTMLDivElement>(null);
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const reasonRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const timeRef = useRef<HTMLInputElement>(null);
  const presence = chosen.presence;
  const fail = (error: unknown) => toast({ text: errorMessage(error), tone: 'error' });
  const save = (patch: Partial<Attendee>) => ops.update('attendees', a.id, patch);
  const remember = () => void ops.rememberAttendee(a.id).catch(fail);
  const move = (to: number) => void ops.move('attendees', a.id, to).catch(fail);
  const reorder = reorderKeys(position, count, move);

  const mark = (next: Presence) => {
    const patch = presencePatch(next, a);
    // Rendered now, inside the key's handler: the reason or time field it opens has the focus before the
    // next key comes in, however busy the page is.
    flushSync(() => setChosen({ stored: a.presence, presence: next, time: patch.presenceTime ?? null }));
    void save(patch).catch(fail);
    if (next === 'absent_excused') reasonRef.current?.focus();
    else if (next === 'late' || next === 'left_early') {
      timeRef.current?.focus();
      timeRef.current?.select();
    }
  };

  /** Keys on the row itself (not in one of its fields). */
  const onRowKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const chord = chordOf(event);
    const presenceKey = chord === null ? undefined : PRESENCE_OF_KEY.get(chord);
    const act = (action: () => void) => {
      event.preventDefault();
      action();
    };
    if (presenceKey) act(() => mark(presenceKey));
    else if (chord === ROW_KEYS.member) act(() => void save({ isMember: !a.isMember }).catch(fail));
    else if (chord === ROW_KEYS.edit || chord === 'F2') act(() => nameRef.current?.focus());
    else if (chord === ROW_KEYS.remove) act(commands.onRemove);
    else if (chord === 'ArrowDown') act(() => commands.focusRow(index + 1));
    else if (chord === 'ArrowUp') act(() => commands.focusRow(index - 1));
    else if (chord === 'PageDown') act(() => commands.focusRow(index + 10));
    else if (chord === 'PageUp') act(() => commands.focusRow(index - 10));
    else if (chord === 'Home') act(() => commands.focusRow(0));
    else if (chord === 'End') act(() => commands.focusRow(Number.MAX_SAFE_INTEGER));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    reorder(event);
    if (event.defaultPrevented || isComposing(event)) return;
    if (event.target === event.currentTarget) {
      onRowKey(event);
      return;
    }
    const target = event.target as HTMLElement;
    const chord = chordOf(event);
    if (chord === 'Escape') {
      event.preventDefault();
      rowRef.current?.focus();
    } else if (chord === 'Shift+Enter' && target.tagName === 'TEXTAREA') {
      // The position, the unit and the reason wrap in their cells but are one line each.
      event.preventDefault();
    } else if (chord === 'Enter' && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) {
      event.preventDefault();
      // From the reason or the time, back to the row for the next key; from a name, on to the entry line.
      if (target === reasonRef.current || target === timeRef.current) rowRef.current?.focus();
      else commands.onNext();
    }
  };
  // The row is committed to the people directory when focus leaves it.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) remember();
  };
  const absent = presence === 'absent_excused' || presence === 'absent_unexcused';
  const timed = presence === 'late' || presence === 'left_early';
  const name = nameOf(a, n);
  const cell = (child: ReactNode, className?: string) => (
    <div role="gridcell" className={className}>
      {child}
    </div>
  );

  return (
    <div
      ref={(row) => {
        rowRef.current = row;
        measure?.(row);
      }}
      role="row"
      aria-rowindex={index + 2}
      aria-label={`${name}: ${PRESENCE_LABELS[presence]}${a.isMember ? ', thành viên' : ''}`}
      className={`attendee-row ${presence}`}
      data-row={index}
      data-index={index}
      tabIndex={active ? 0 : -1}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      onFocus={() => commands.activate(index)}
    >
      {cell(<span className="row-number">{n}</span>)}
      {cell(<TextField label={`Họ và tên, dòng ${n}`} hideLabel inputRef={nameRef} value={a.fullName} save={(fullName) => save({ fullName })} />)}
      {cell(<TextField label={`Chức vụ, dòng ${n}`} hideLabel multiline rows={1} value={a.positions} save={(positions) => save({ positions })} />)}
      {cell(<TextField label={`Đơn vị, dòng ${n}`} hideLabel multiline rows={1} value={a.unit} save={(unit) => save({ unit })} />)}
      {cell(
        <SelectField
          label={`Thành phần, dòng ${n}`}
          hideLabel
          value={a.category}
          options={optionsOf(CATEGORIES, CATEGORY_SHORT)}
          save={(category) => save({ category })}
        />,
      )}
      {cell(<SelectField label={`Vai trò, dòng ${n}`} hideLabel value={a.role} options={optionsOf(ROLES, ROLE_SHORT)} save={(role) => save({ role })} />)}
      {cell(<CheckboxField label={`Thành viên, dòng ${n}`} hideLabel value={a.isMember} save={(isMember) => save({ isMember })} />, 'member-cell')}
      {cell(
        <SelectField
          label={`Tình trạng, dòng ${n}`}
          hideLabel
          value={a.presence}
          options={optionsOf(PRESENCE, PRESENCE_LABELS)}
          onEdit={(next: Presence) => setChosen({ stored: a.presence, presence: next, time: a.presenceTime })}
          save={(next) => save({ presence: next })}
        />,
      )}
      {cell(
        absent ? (
          <TextField
            label={`Lý do vắng, dòng ${n}`}
            hideLabel
            multiline
            rows={1}
            inputRef={reasonRef}
            value={a.absenceReason}
            save={(absenceReason) => save({ absenceReason })}
            placeholder={presence === 'absent_excused' ? 'Lý do vắng' : 'Không lý do'}
          />
        ) : timed ? (
          <DateTimeField
            type="time"
            label={`Giờ đến hoặc về, dòng ${n}`}
            hideLabel
            inputRef={timeRef}
            value={presence !== a.presence ? chosen.time : a.presenceTime}
            save={(presenceTime) => save({ presenceTime })}
          />
        ) : null,
      )}
      {cell(
        <RowTools name={`đại biểu ${name}`} index={position} count={count} onMove={move} onRemove={commands.onRemove}>
          <button
            type="button"
            className="icon"
            aria-label={`Chuyển đại biểu ${name} sang điểm cầu khác`}
            title="Chuyển sang điểm cầu khác"
            onClick={commands.onMoveSite}
          >
            ⇄
          </button>
        </RowTools>,
        'tools-cell',
      )}
    </div>
  );
}
