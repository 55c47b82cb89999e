// Diễn biến: live note-taking. The speeches taken down so far, and the composer of the next one
// (SpeechEditor): Ctrl+Enter stores the speech and starts the next. Earlier speeches can be opened
// again, reordered and removed.
import { useMemo, useRef, useState } from 'react';
import type { Speech } from '../../../shared/model/meeting.ts';
import { SPEECH_KIND_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useToast } from '../../context.tsx';
import { formatCount } from '../../lib/format.ts';
import { useAttendeeOptions } from './attendee-views.ts';
import { useEditor } from './meeting-state.tsx';
import { useRemoveWithUndo } from './undo.ts';
import { SpeechEditor } from './SpeechEditor.tsx';
import { PlayerBar } from './audio/PlayerBar.tsx';
import { useClipPlayer } from './audio/useClipPlayer.ts';

export function ProceedingsSection() {
  const ops = useEditor();
  const toast = useToast();
  const { speeches, agenda, attendees } = ops.record;
  const options = useAttendeeOptions(ops.record);
  const [draftId, setDraftId] = useState<number | null>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [composerKey, setComposerKey] = useState(0);
  const [agendaId, setAgendaId] = useState<number | null>(() => speeches[speeches.length - 1]?.agendaItemId ?? null);
  const [removing, setRemoving] = useState<Speech | null>(null);
  // A speech created by a composer that is already gone must not become the new composer's draft.
  const liveComposer = useRef(0);

  const listed = useMemo(() => speeches.filter((s) => s.id !== draftId), [speeches, draftId]);
  const editing = editingId === null ? null : speeches.find((s) => s.id === editingId) ?? null;
  const draft = draftId === null ? null : speeches.find((s) => s.id === draftId) ?? null;
  const names = useMemo(() => new Map(attendees.map((a) => [a.id, a])), [attendees]);
  const fail = (error: unknown) => toast({ text: errorMessage(error), tone: 'error' });
  const player = useClipPlayer(ops.record.meeting.id);

  const openComposer = (edit: number | null) => {
    liveComposer.current += 1;
    setDraftId(null);
    setEditingId(edit);
    setComposerKey(liveComposer.current);
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
  const agendaNumber = new Map(agenda.map((a, i) => [a.id, i + 1]));
  const composer = liveComposer.current;

  return (
    <div className="section-body proceedings">
      <p className="muted">Có {formatCount(listed.length)} ý kiến phát biểu đã ghi.</p>
      {listed.length > 0 ? (
        <VirtualList
          items={listed}
          rowHeight={58}
          label="Các phát biểu đã ghi"
          className="speech-list"
          getKey={(s) => s.id}
          scrollToIndex={listed.length - 1}
          renderRow={(s, index) => {
            const n = index + 1;
            const move = (position: number) => void ops.move('speeches', s.id, position).catch(fail);
            return (
              <div className={`speech-row ${s.id === editingId ? 'editing' : ''}`} onKeyDown={reorderKeys(index, listed.length, move)}>
                <div className="speech-summary">
                  <p className="speech-head">
                    <span className="row-number">{n}.</span>{' '}
                    {s.startTime ? <span className="time">{s.startTime}</span> : null}{' '}
                    <strong>{speakerOf(s)}</strong>{' '}
                    <span className="muted">({SPEECH_KIND_LABELS[s.kind]}{s.agendaItemId !== null && agendaNumber.has(s.agendaItemId) ? `, mục ${agendaNumber.get(s.agendaItemId) ?? ''}` : ''})</span>
                  </p>
                  <p className="speech-excerpt">{s.content || '(Chưa ghi nội dung)'}</p>
                </div>
                <button type="button" aria-label={`Nghe phát biểu ${n}`} aria-pressed={player.state.speechId === s.id && player.state.playing}
                  onClick={() => void player.toggle(s.id)}>Nghe</button>
                <button type="button" aria-label={`Sửa phát biểu ${n}`} onClick={() => openComposer(s.id)}>Sửa</button>
                <RowTools name={`phát biểu ${n}`} index={index} count={listed.length} onMove={move} onRemove={() => (s.content ? setRemoving(s) : void remove(s))} />
              </div>
            );
          }}
        />
      ) : null}

      <SpeechEditor
        key={editing ? `edit-${editing.id}` : `new-${composerKey}`}
        speech={editing ?? draft}
        number={editing ? listed.indexOf(editing) + 1 : listed.length + 1}
        mode={editing ? 'edit' : 'new'}
        options={options}
        agenda={agenda}
        defaultAgendaId={agendaId}
        onAgendaChosen={setAgendaId}
        onCreated={(id) => {
          if (liveComposer.current === composer && !editing) setDraftId(id);
        }}
        onRemoved={() => {
          if (liveComposer.current === composer) setDraftId(null);
        }}
        onDone={() => openComposer(null)}
        onPlayerKey={player.onKey}
      />
      <PlayerBar player={player} number={(id) => listed.findIndex((s) => s.id === id) + 1} />

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
