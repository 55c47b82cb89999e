// Diễn biến: live note-taking. The speeches taken down so far, the composer of the next one (SpeechEditor)
// and, beside it, the speakers registered for the agenda item (SpeakerQueue). Ctrl+Enter stores the speech
// and starts the next: the first registered speaker's, stamped and with the caret in its text, or an empty
// one. Earlier speeches can be opened again, reordered and removed. The meeting's start and end are stamped
// from here too (Alt+Home, Alt+End, in MeetingEditor).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Speech } from '../../../shared/model/meeting.ts';
import { errorMessage } from '../../api.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useToast, useTracker } from '../../context.tsx';
import { nowClock } from '../../lib/format.ts';
import { useAttendeeOptions } from './attendee-views.ts';
import { MeetingClock } from './MeetingClock.tsx';
import { useEditor } from './meeting-state.tsx';
import { chordOf, SPEECH_KEYS } from './shortcuts.ts';
import { queueOf, SpeakerQueue } from './SpeakerQueue.tsx';
import { SpeechEditor } from './SpeechEditor.tsx';
import { SpeechRow, type SpeechRowActions } from './SpeechRow.tsx';
import { speechTally } from './speech-tally.ts';
import { useRemoveWithUndo } from './undo.ts';
import { PlayerBar } from './audio/PlayerBar.tsx';
import { useClipPlayer } from './audio/useClipPlayer.ts';

/**
 * The speech being taken down is the editor's (draft, onDraft), so that after a look at another section it is
 * in the composer again, the caret at the end of its text.
 */
export function ProceedingsSection({
  draft: draftId,
  onDraft: setDraftId,
  recordings,
}: {
  draft: number | null;
  onDraft(id: number | null): void;
  /** Changes when a recording of the meeting starts or stops. */
  recordings: number;
}) {
  const ops = useEditor();
  const toast = useToast();
  const tracker = useTracker();
  const { speeches, agenda, attendees, queue } = ops.record;
  const options = useAttendeeOptions(ops.record);
  // Back from another section with a speech being taken down: the composer opens in its text.
  const [resumed] = useState(() => speeches.some((s) => s.id === draftId));
  const [editingId, setEditingId] = useState<number | null>(null);
  const [composer, setComposer] = useState<{ key: number; focus: 'speaker' | 'content' }>({ key: 0, focus: resumed ? 'content' : 'speaker' });
  // A new speech goes under the agenda item of the one before it; the first one under the first item.
  const [agendaId, setAgendaId] = useState<number | null>(() => {
    const previous = speeches.filter((s) => s.id !== draftId).at(-1);
    return previous ? previous.agendaItemId : (agenda[0]?.id ?? null);
  });
  const [removing, setRemoving] = useState<Speech | null>(null);
  const queueField = useRef<HTMLInputElement>(null);
  const speechText = useRef<HTMLTextAreaElement>(null);
  // A speech created by a composer that is already gone must not become the new composer's draft.
  const liveComposer = useRef(0);

  const listed = useMemo(() => speeches.filter((s) => s.id !== draftId), [speeches, draftId]);
  const editing = editingId === null ? null : (speeches.find((s) => s.id === editingId) ?? null);
  const draft = draftId === null ? null : (speeches.find((s) => s.id === draftId) ?? null);
  const names = useMemo(() => new Map(attendees.map((a) => [a.id, a])), [attendees]);
  // The agenda item being taken down: the speech's own, else the one last chosen.
  const validAgenda = agendaId !== null && agenda.some((a) => a.id === agendaId) ? agendaId : null;
  const currentItem = draft ? draft.agendaItemId : validAgenda;
  const waiting = useMemo(() => queueOf(queue, currentItem), [queue, currentItem]);
  const fail = (error: unknown) => toast({ text: errorMessage(error), tone: 'error' });
  const player = useClipPlayer(ops.record.meeting.id, speeches, recordings);

  const openComposer = (edit: number | null, next: { draft?: number; focus?: 'speaker' | 'content' } = {}) => {
    liveComposer.current += 1;
    setDraftId(next.draft ?? null);
    setEditingId(edit);
    setComposer({ key: liveComposer.current, focus: next.focus ?? 'speaker' });
  };
  /** The next speech: the first registered speaker's, started now, or an empty one. */
  const startNext = async () => {
    const entry = waiting[0];
    if (!entry) {
      openComposer(null);
      return;
    }
    const at = nowClock();
    try {
      // What was typed lands first, so the new speech comes after it.
      await tracker.settle();
      const id = await ops.startQueued(entry.id, at);
      if (entry.agendaItemId !== null) setAgendaId(entry.agendaItemId);
      openComposer(null, { draft: id, focus: 'content' });
    } catch (error) {
      fail(error);
      openComposer(null);
    }
  };
  const removeRow = useRemoveWithUndo();
  const remove = async (speech: Speech) => {
    setRemoving(null);
    if (speech.id === editingId) openComposer(null);
    await removeRow('speeches', speech.id, `phát biểu của ${speakerOf(speech)}`);
  };
  const speakerOf = (s: Speech): string => {
    const a = s.attendeeId === null ? undefined : names.get(s.attendeeId);
    const name = a ? a.fullName : s.speakerName;
    const position = a ? a.positions : s.speakerPosition;
    return name ? `${name}${position ? ` - ${position}` : ''}` : '(Chưa ghi người phát biểu)';
  };
  // The rows' actions call the latest of these; the object itself stays, so that memoised rows can skip.
  const latestActions = useRef<SpeechRowActions | null>(null);
  useEffect(() => {
    latestActions.current = {
      edit: (id) => openComposer(id),
      move: (id, position) => void ops.move('speeches', id, position).catch(fail),
      remove: (speech) => (speech.content ? setRemoving(speech) : void remove(speech)),
      play: (id) => void player.toggle(id),
    };
  });
  const [rowActions] = useState<SpeechRowActions>(() => ({
    edit: (id) => latestActions.current?.edit(id),
    move: (id, position) => latestActions.current?.move(id, position),
    remove: (speech) => latestActions.current?.remove(speech),
    play: (id) => latestActions.current?.play(id),
  }));
  const nameOfEntry = (id: number | null, free: string) => (id === null ? free : (names.get(id)?.fullName ?? ''));
  const agendaNumber = new Map(agenda.map((a, i) => [a.id, i + 1]));
  const current = liveComposer.current;

  const onKeyDown = (event: KeyboardEvent) => {
    if (chordOf(event) !== SPEECH_KEYS.register) return;
    event.preventDefault();
    queueField.current?.focus();
  };

  return (
    <div className="section-body proceedings" onKeyDown={onKeyDown}>
      <MeetingClock />
      <div className="proceedings-layout">
        <div className="proceedings-main">
          <p className="muted">{speechTally(listed)}</p>
          {listed.length > 0 ? (
            <VirtualList
              items={listed}
              rowHeight={58}
              label="Các phát biểu đã ghi"
              className="speech-list"
              getKey={(s) => s.id}
              scrollToIndex={listed.length - 1}
              renderRow={(s, index) => (
                <SpeechRow
                  speech={s}
                  index={index}
                  count={listed.length}
                  speaker={speakerOf(s)}
                  agendaNumber={s.agendaItemId === null ? undefined : agendaNumber.get(s.agendaItemId)}
                  editing={s.id === editingId}
                  recorded={player.recorded.speeches.has(s.id)}
                  playing={player.state.speechId === s.id && player.state.playing}
                  actions={rowActions}
                />
              )}
            />
          ) : null}

          <SpeechEditor
            key={editing ? `edit-${editing.id}` : `new-${composer.key}`}
            speech={editing ?? draft}
            number={editing ? listed.indexOf(editing) + 1 : listed.length + 1}
            mode={editing ? 'edit' : 'new'}
            focus={editing ? 'content' : composer.focus}
            options={options}
            textRef={speechText}
            agenda={agenda}
            defaultAgendaId={validAgenda}
            onAgendaChosen={setAgendaId}
            nextSpeaker={editing || !waiting[0] ? null : nameOfEntry(waiting[0].attendeeId, waiting[0].speakerName) || '(chưa có tên)'}
            onCreated={(id) => {
              if (liveComposer.current === current && !editing) setDraftId(id);
            }}
            onRemoved={() => {
              if (liveComposer.current === current) setDraftId(null);
            }}
            onDone={() => (editing ? openComposer(null) : void startNext())}
            onPlayerKey={player.onKey}
          />
          <PlayerBar player={player} number={(id) => listed.findIndex((s) => s.id === id) + 1} />
        </div>
        <SpeakerQueue agendaItemId={currentItem} agenda={agenda} options={options} inputRef={queueField} onLeave={() => speechText.current?.focus()} />
      </div>

      {removing ? (
        <ConfirmDialog
          title="Xóa phát biểu?"
          message={<p>Phát biểu của {speakerOf(removing)} sẽ bị xóa cùng toàn bộ nội dung đã ghi.</p>}
          confirmLabel="Xóa phát biểu"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => void remove(removing)}
        />
      ) : null}
    </div>
  );
}
