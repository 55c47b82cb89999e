// One speech taken down, in the list of Diễn biến. Memoised: a write's answer keeps the speeches it did not
// change as the same objects (meeting-state.tsx), so only the rows of changed speeches render again.
import { memo } from 'react';
import type { Speech } from '../../../shared/model/meeting.ts';
import { SPEECH_KIND_LABELS } from '../../../shared/model/labels.ts';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';

/** What a row does; the same object for the life of the list. */
export interface SpeechRowActions {
  edit(id: number): void;
  move(id: number, position: number): void;
  remove(speech: Speech): void;
  play(id: number): void;
}

/** The line shows the start of the text, cut with an ellipsis; a long speech is not laid out whole for it. */
const EXCERPT = 300;

/** "09:05–09:17 (12 phút)", "09:05", "" */
function timesOf(s: Speech): string {
  const span = s.startTime && s.endTime ? `${s.startTime}–${s.endTime}` : (s.startTime ?? '');
  return s.durationMinutes !== null ? `${span}${span ? ' ' : ''}(${s.durationMinutes} phút)` : span;
}

export interface SpeechRowProps {
  speech: Speech;
  index: number;
  count: number;
  /** "Name - position", or what says there is none. */
  speaker: string;
  /** The number of its agenda item, if it has one. */
  agendaNumber: number | undefined;
  editing: boolean;
  /** Its stretch of the meeting's recording can be played. */
  recorded: boolean;
  playing: boolean;
  actions: SpeechRowActions;
}

export const SpeechRow = memo(function SpeechRow({ speech: s, index, count, speaker, agendaNumber, editing, recorded, playing, actions }: SpeechRowProps) {
  const n = index + 1;
  const move = (position: number) => actions.move(s.id, position);
  const times = timesOf(s);
  return (
    <div className={`speech-row ${editing ? 'editing' : ''}`} onKeyDown={reorderKeys(index, count, move)}>
      <div className="speech-summary">
        <p className="speech-head">
          <span className="row-number">{n}.</span> {times ? <span className="time">{times}</span> : null} <strong>{speaker}</strong>{' '}
          <span className="muted">
            ({SPEECH_KIND_LABELS[s.kind]}
            {agendaNumber !== undefined ? `, mục ${agendaNumber}` : ''})
          </span>
        </p>
        <p className="speech-excerpt">{s.content ? s.content.slice(0, EXCERPT) : '(Chưa ghi nội dung)'}</p>
      </div>
      {recorded ? (
        <button type="button" aria-label={`Nghe phát biểu ${n}`} aria-pressed={playing} onClick={() => actions.play(s.id)}>
          Nghe
        </button>
      ) : null}
      <button type="button" aria-label={`Sửa phát biểu ${n}`} onClick={() => actions.edit(s.id)}>
        Sửa
      </button>
      <RowTools name={`phát biểu ${n}`} index={index} count={count} onMove={move} onRemove={() => actions.remove(s)} />
    </div>
  );
});
