// Đăng ký phát biểu: the speakers the chair has announced for the agenda item being taken down, beside the
// speech being typed. Added by a few letters with the speech field's picker and ranking (Enter; a name that
// matches no attendee is added as typed), reordered (↑ ↓, Alt+↑/↓), skipped (Bỏ qua, Delete; Hoàn tác
// brings them back). Ctrl+Enter in the speech starts the first one's speech. Never printed in the minutes.
import { useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import type { AgendaItem, QueueEntry } from '../../../shared/model/meeting.ts';
import { errorMessage } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { useToast } from '../../context.tsx';
import { matchSpeakers, PICKER_ORDER_HINT, type AttendeeOption } from './attendee-views.ts';
import { useEditor } from './meeting-state.tsx';
import { chordOf, SPEECH_KEYS } from './shortcuts.ts';
import { useRemoveWithUndo } from './undo.ts';
import { FieldError } from '../../components/fields.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';

/** The entries of one agenda item (null: outside the agenda), in their order. */
export const queueOf = (queue: readonly QueueEntry[], agendaItemId: number | null): QueueEntry[] =>
  queue.filter((entry) => entry.agendaItemId === agendaItemId);

export function SpeakerQueue({
  agendaItemId,
  agenda,
  options,
  inputRef,
  onLeave,
}: {
  agendaItemId: number | null;
  agenda: readonly AgendaItem[];
  options: AttendeeOption[];
  inputRef: RefObject<HTMLInputElement | null>;
  /** Esc in the field: back to the speech. */
  onLeave(): void;
}) {
  const ops = useEditor();
  const toast = useToast();
  const removeRow = useRemoveWithUndo();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { queue } = ops.record;
  const entries = useMemo(() => queueOf(queue, agendaItemId), [queue, agendaItemId]);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  // Who is registered on this item already is not offered again.
  const matches = useMemo(() => {
    const waiting = new Set(entries.map((e) => e.attendeeId));
    return matchSpeakers(
      text,
      options.filter((o) => !waiting.has(o.id)),
    );
  }, [text, options, entries]);
  const itemIndex = agenda.findIndex((a) => a.id === agendaItemId);
  const item = itemIndex >= 0 ? `mục ${itemIndex + 1}` : 'ngoài chương trình';
  const nameOf = (entry: QueueEntry) => (entry.attendeeId !== null ? (byId.get(entry.attendeeId)?.label ?? '') : entry.speakerName);
  const fail = (failure: unknown) => toast({ text: errorMessage(failure), tone: 'error' });

  const register = (values: { attendeeId: number } | { speakerName: string }) => {
    setText('');
    ops.add('queue', { agendaItemId, ...values }).then(
      () => setError(null),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };
  // Queue order is the meeting's: moving among this item's entries moves to the neighbour's place.
  const moveTo = (entry: QueueEntry, index: number) => {
    const target = entries[index];
    if (target) void ops.move('queue', entry.id, target.ord).catch(fail);
  };
  const skip = (entry: QueueEntry) => void removeRow('queue', entry.id, `đăng ký phát biểu của ${nameOf(entry) || 'người chưa có tên'}`);

  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (chordOf(event) !== 'Escape') return;
    event.preventDefault();
    setText('');
    onLeave();
  };

  return (
    <section className="speaker-queue" aria-labelledby="queue-title">
      <h3 id="queue-title">
        Đăng ký phát biểu <span className="muted">({item})</span>
      </h3>
      {entries.length === 0 ? (
        <p className="muted">Chưa có ai đăng ký. Gõ tên người được mời phát biểu tiếp theo vào ô dưới.</p>
      ) : (
        <ol className="queue-list" aria-label={`Người đăng ký phát biểu, ${item}`}>
          {entries.map((entry, index) => {
            const name = nameOf(entry) || '(chưa có tên)';
            const detail = entry.attendeeId !== null ? byId.get(entry.attendeeId)?.detail : 'ngoài danh sách đại biểu';
            const onKeyDown = (event: KeyboardEvent) => {
              reorderKeys(index, entries.length, (position) => moveTo(entry, position))(event);
              if (!event.defaultPrevented && chordOf(event) === 'Delete') {
                event.preventDefault();
                skip(entry);
              }
            };
            return (
              <li key={entry.id} className={index === 0 ? 'next' : undefined} onKeyDown={onKeyDown}>
                <span className="queue-name">
                  <span className="queue-title">
                    {index + 1}. <strong>{name}</strong>
                  </span>
                  {detail ? <span className="option-detail">{detail}</span> : null}
                  {index === 0 ? (
                    <span className="queue-next">
                      Tiếp theo: <kbd>{SPEECH_KEYS.next}</kbd>
                    </span>
                  ) : null}
                </span>
                <RowTools
                  name={name}
                  index={index}
                  count={entries.length}
                  onMove={(to) => moveTo(entry, to)}
                  onRemove={() => skip(entry)}
                  removeLabel="Bỏ qua"
                  removeTitle="Bỏ qua (Delete)"
                />
              </li>
            );
          })}
        </ol>
      )}
      <Combobox
        label="Đăng ký phát biểu"
        text={text}
        inputRef={inputRef}
        options={matches}
        autoHighlight
        placeholder="Gõ vài chữ của tên, Enter"
        footer={PICKER_ORDER_HINT}
        hint={
          <>
            <kbd>{SPEECH_KEYS.register}</kbd> tới ô này; Enter thêm người; <kbd>Esc</kbd> trở lại nội dung.
          </>
        }
        onText={setText}
        onPick={(option) => register({ attendeeId: option.id })}
        onEnter={(event) => {
          event.preventDefault();
          // Letters that match no attendee are a speaker who is not on the list.
          if (text.trim() && matches.length === 0) register({ speakerName: text.trim() });
        }}
        onKeyDown={onFieldKey}
      />
      <FieldError error={error} />
    </section>
  );
}
