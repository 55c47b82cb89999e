// The entry line under a site's attendees: name (with the people directory), position, unit. What is
// typed is a draft attendee, autosaved like any field (so switching section, Ctrl+L, a reload or closing
// the window keeps it); Enter, or leaving the line, hands it over to the table and the people directory.
import { useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { Person } from '../../../shared/model/meeting.ts';
import { fold } from '../../../shared/vietnamese/fold.ts';
import { errorMessage } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { useToast } from '../../context.tsx';
import { useAutosave } from '../../hooks/useAutosave.ts';
import { formatCount, isComposing } from '../../lib/format.ts';
import { isBlock, parseAttendeeBlock } from '../../lib/paste.ts';
import { useEntryRow } from './draft-row.ts';
import { useEditor } from './meeting-state.tsx';
import { FieldError } from '../../components/fields.tsx';

interface Draft {
  fullName: string;
  positions: string;
  unit: string;
  personId: number | null;
}
const EMPTY: Draft = { fullName: '', positions: '', unit: '', personId: null };
const blank = (typed: Record<string, unknown>) => ['fullName', 'positions', 'unit'].every((key) => !String(typed[key] ?? '').trim());

export const useAttendeeEntry = () => useEntryRow('attendees', blank);
type Entry = ReturnType<typeof useAttendeeEntry>;

export function NewAttendee({ siteId, nameRef, entry }: { siteId: number; nameRef: RefObject<HTMLInputElement | null>; entry: Entry }) {
  const ops = useEditor();
  const toast = useToast();
  const stored = ops.record.attendees.find((a) => a.id === entry.draftId);
  const value = useMemo<Draft>(
    () => (stored ? { fullName: stored.fullName, positions: stored.positions, unit: stored.unit, personId: stored.personId } : EMPTY),
    [stored],
  );
  const field = useAutosave<Draft>({ value, save: (draft) => entry.row.save({ ...draft, siteId }) });
  const [people, setPeople] = useState<Person[]>([]);
  const [blockError, setBlockError] = useState<string | null>(null);
  const asked = useRef(0);
  const options = useMemo(
    () => people.map((p) => ({ id: p.id, label: p.fullName, detail: [p.positions, p.unit].filter(Boolean).join(' · '), person: p })),
    [people],
  );
  const draft = field.value;
  const set = (patch: Partial<Draft>) => field.change({ ...draft, ...patch });

  const lookUp = (text: string) => {
    const ticket = ++asked.current;
    if (fold(text).length < 2) {
      setPeople([]);
      return;
    }
    ops.client.suggestPeople({ text }).then(
      (found) => {
        if (ticket === asked.current) setPeople(found.slice(0, 8));
      },
      () => {
        if (ticket === asked.current) setPeople([]);
      },
    );
  };

  /** The row goes to the table (and the directory); after Enter the name of the next one is asked for. */
  const commit = (focusNext: boolean) => {
    field.flush();
    if (!draft.fullName.trim() || field.error) return;
    void entry
      .commit()
      .then((id) => {
        if (id !== null) return ops.rememberAttendee(id);
      })
      .catch((error: unknown) => toast({ text: errorMessage(error), tone: 'error' }));
    field.reset(EMPTY);
    setPeople([]);
    if (focusNext) nameRef.current?.focus();
  };

  const pasteBlock = async (text: string) => {
    const rows = parseAttendeeBlock(text);
    if (rows.length === 0) return;
    try {
      const added = await ops.addMany(
        'attendees',
        rows.map((row) => ({ ...row, siteId })),
      );
      setBlockError(null);
      toast({ text: `Đã thêm ${formatCount(added.length)} đại biểu.` });
      for (const row of rows) await ops.client.rememberPerson({ person: row });
    } catch (err) {
      setBlockError(errorMessage(err));
    }
  };

  const enter = (event: KeyboardEvent) => {
    if (isComposing(event) || event.key !== 'Enter' || event.ctrlKey || event.altKey || event.shiftKey) return;
    event.preventDefault();
    commit(true);
  };
  const error = field.error ?? blockError;
  const textInput = (key: 'positions' | 'unit', label: string) => (
    <div className="field">
      <label htmlFor={`new-${key}-${siteId}`} className="field-label">
        {label}
      </label>
      <input
        id={`new-${key}-${siteId}`}
        value={draft[key]}
        onChange={(e) => set({ [key]: e.target.value })}
        onKeyDown={enter}
        autoComplete="off"
        {...field.bind}
      />
    </div>
  );

  return (
    <div
      className="new-attendee"
      role="group"
      aria-label="Đại biểu mới"
      onBlur={(event: FocusEvent<HTMLDivElement>) => {
        // Leaving the line (not for another of its fields, nor for another program) hands the row over.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null) && document.hasFocus()) commit(false);
      }}
    >
      <Combobox
        label="Họ và tên đại biểu mới"
        text={draft.fullName}
        inputRef={nameRef}
        onText={(text) => {
          set({ fullName: text, personId: null });
          lookUp(text);
        }}
        options={options}
        onPick={(option) => set({ fullName: option.person.fullName, positions: option.person.positions, unit: option.person.unit, personId: option.person.id })}
        onEnter={(event) => {
          event.preventDefault();
          commit(true);
        }}
        onFocus={field.bind.onFocus}
        onBlur={field.bind.onBlur}
        onCompositionStart={field.bind.onCompositionStart}
        onCompositionEnd={field.bind.onCompositionEnd}
        onPaste={(event) => {
          const text = event.clipboardData.getData('text/plain');
          if (!isBlock(text)) return;
          event.preventDefault();
          void pasteBlock(text);
        }}
        hint="Enter để thêm và nhập người tiếp theo. Dán danh sách từ Excel hoặc Word (họ tên, chức vụ, đơn vị) để thêm nhiều người."
      />
      {textInput('positions', 'Chức vụ')}
      {textInput('unit', 'Đơn vị')}
      <button type="button" onClick={() => commit(true)}>
        Thêm đại biểu
      </button>
      <FieldError error={error} />
    </div>
  );
}
