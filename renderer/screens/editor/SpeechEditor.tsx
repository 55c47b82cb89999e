// The composer of Diễn biến: the speech being taken down (or an earlier one opened again). Type a few
// letters of the speaker's name (no accents needed) and pick with Enter, Tab or a click; type what is
// said; the start time fills itself in. The new speech is a draft row, created when something is typed
// and removed again if everything is deleted, so an empty speech never reaches the minutes.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SPEECH_KINDS, type AgendaItem, type Speech, type SpeechKind } from '../../../shared/model/meeting.ts';
import { SPEECH_KIND_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { DateTimeField } from '../../components/date-time-fields.tsx';
import { NumberField, optionsOf, SelectField, TextField, useTextOffers } from '../../components/fields.tsx';
import { useAutosave } from '../../hooks/useAutosave.ts';
import { isComposing, nowClock } from '../../lib/format.ts';
import { PICKER_ORDER_HINT, type AttendeeOption } from './attendee-views.ts';
import { useDraftRow } from './draft-row.ts';
import { useWrites } from './meeting-state.tsx';
import { useSpeaker, type SpeakerPatch } from './speaker.ts';

export interface SpeechEditorProps {
  /** The speech as stored: the one opened again, or the new one once created. */
  speech: Speech | null;
  number: number;
  mode: 'new' | 'edit';
  options: AttendeeOption[];
  agenda: AgendaItem[];
  /** The agenda item a new speech starts under (the one last chosen for a new speech). */
  defaultAgendaId: number | null;
  onAgendaChosen(id: number | null): void;
  onCreated(id: number): void;
  onRemoved(): void;
  onDone(): void;
  /** Keys of the clip player (the caret stays in the text); true when the key was one of them. */
  onPlayerKey?(event: KeyboardEvent, speechId: number | null): boolean;
}

/** A new speech with neither speaker nor words is not a speech. */
const nothingSaid = (typed: Record<string, unknown>) =>
  (typed.attendeeId ?? null) === null && !String(typed.speakerName ?? '').trim() && !String(typed.content ?? '').trim();

export function SpeechEditor({ speech, number, mode, options, agenda, defaultAgendaId, onAgendaChosen, onCreated, onRemoved, onDone, onPlayerKey }: SpeechEditorProps) {
  const contentId = useId();
  const speakerRef = useRef<HTMLInputElement>(null);
  const contentRef = useRef<HTMLTextAreaElement>(null);
  const validAgenda = defaultAgendaId !== null && agenda.some((a) => a.id === defaultAgendaId) ? defaultAgendaId : null;
  const row = useDraftRow({
    list: 'speeches',
    writes: useWrites(),
    initial: () => ({ agendaItemId: validAgenda }),
    isEmpty: mode === 'new' ? nothingSaid : undefined,
    onCreated,
    onRemoved,
  }, speech?.id ?? null);
  const [speakerError, setSpeakerError] = useState<string | null>(null);
  // Shown before the new speech is stored (a choice made before anything is typed is kept in the draft).
  const [chosen, setChosen] = useState<{ kind: SpeechKind; startTime: string | null }>({ kind: 'contribution', startTime: null });

  const save = (patch: Record<string, unknown>) => row.save(patch);
  const fillStart = () => {
    if (mode !== 'new' || speech?.startTime || chosen.startTime) return;
    const startTime = nowClock();
    setChosen((c) => ({ ...c, startTime }));
    void save({ startTime }).catch(() => undefined);
  };
  const speaker = useSpeaker(speech, options, (patch: SpeakerPatch) => {
    save(patch).then(() => setSpeakerError(null), (error: unknown) => setSpeakerError(errorMessage(error)));
  }, fillStart);

  const content = useAutosave({ value: speech?.content ?? '', save: (text: string) => save({ content: text }) });
  // Old Word files in .VnTime or VNI fonts: the pasted stretch is offered converted, never changed silently.
  const offers = useTextOffers(content.value, content.change);

  useEffect(() => {
    if (mode === 'new') {
      speakerRef.current?.focus();
      return;
    }
    // Editing an earlier speech: the caret goes to the end of its text.
    const area = contentRef.current;
    area?.focus();
    area?.setSelectionRange(area.value.length, area.value.length);
  }, [mode]);

  const finish = () => {
    const settled = speaker.settle();
    content.flush();
    if (!settled || (mode === 'new' && speaker.empty() && !content.value.trim())) {
      speakerRef.current?.focus();
      return;
    }
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isComposing(event)) return;
    if (onPlayerKey?.(event, speech?.id ?? null)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish();
    } else if (event.key === 'Escape' && mode === 'edit') {
      event.preventDefault();
      finish();
    }
  };

  const freeSpeaker = speech !== null && speech.attendeeId === null && speech.speakerName !== '';
  const agendaOptions: (readonly [string, string])[] = [['', '(Không thuộc mục nào)'], ...agenda.map((a, i) => [String(a.id), `${i + 1}. ${a.title || '(chưa có nội dung)'}`] as const)];

  return (
    <section className={`speech-editor ${mode}`} aria-labelledby="speech-editor-title" onKeyDown={onKeyDown}>
      <h3 id="speech-editor-title">{mode === 'new' ? `Phát biểu mới (số ${number})` : `Sửa phát biểu số ${number}`}</h3>
      <div className="row">
        <Combobox
          label="Người phát biểu"
          className="grow"
          text={speaker.text}
          inputRef={speakerRef}
          options={speaker.matches}
          autoHighlight
          pickOnTab
          placeholder="Gõ vài chữ của tên, không cần dấu (ví dụ: nvt, thong)"
          footer={PICKER_ORDER_HINT}
          onText={speaker.onText}
          onPick={(option, how) => {
            speaker.pick(option);
            if (how !== 'tab') contentRef.current?.focus();
          }}
          onEnter={(event) => {
            event.preventDefault();
            if (!speaker.settle()) return;
            fillStart();
            contentRef.current?.focus();
          }}
          onBlur={() => void speaker.settle()}
        />
        <DateTimeField type="time" label="Giờ bắt đầu" className="start-time" value={speech?.startTime ?? chosen.startTime} save={(startTime) => save({ startTime })} />
        <SelectField
          label="Hình thức"
          value={speech?.kind ?? chosen.kind}
          options={optionsOf(SPEECH_KINDS, SPEECH_KIND_LABELS)}
          onEdit={(kind) => setChosen((c) => ({ ...c, kind }))}
          save={(kind) => save({ kind })}
        />
        {agenda.length > 0 ? (
          <SelectField
            label="Mục chương trình"
            value={String(speech ? speech.agendaItemId ?? '' : validAgenda ?? '')}
            options={agendaOptions}
            save={(value) => {
              const id = value === '' ? null : Number(value);
              // Only the new speech's choice carries over to the next new speech.
              if (mode === 'new') onAgendaChosen(id);
              return save({ agendaItemId: id });
            }}
          />
        ) : null}
      </div>
      {speaker.unresolved !== null ? (
        <div className="field-error unresolved" role="alert">
          <span>“{speaker.unresolved}” chưa được chọn: chọn một người trong gợi ý (Enter, Tab hoặc bấm chuột).</span>
          <button type="button" onClick={speaker.keepAsTyped}>Ghi “{speaker.unresolved}” là người ngoài danh sách</button>
        </div>
      ) : null}
      {speakerError ? <p className="field-error" role="alert">{speakerError}</p> : null}
      {freeSpeaker ? (
        <div className="row free-speaker">
          <p className="muted">Người phát biểu không có trong danh sách đại biểu; có thể ghi thêm:</p>
          <TextField label="Chức vụ người phát biểu" value={speech.speakerPosition} save={(speakerPosition) => save({ speakerPosition })} className="grow" />
          <TextField label="Điểm cầu của người phát biểu" value={speech.speakerSite} save={(speakerSite) => save({ speakerSite })} />
        </div>
      ) : null}
      <div className="field speech-content">
        <label htmlFor={contentId} className="field-label">Nội dung phát biểu</label>
        <textarea
          id={contentId}
          ref={contentRef}
          rows={9}
          spellCheck={false}
          value={content.value}
          aria-invalid={content.error ? true : undefined}
          aria-describedby={`${contentId}-hint${content.error ? ` ${contentId}-error` : ''}`}
          onChange={(event) => {
            content.change(event.target.value);
            if (event.target.value.trim()) fillStart();
          }}
          onPaste={offers.onPaste}
          {...content.bind}
        />
        {offers.offer}
        <p className="field-hint" id={`${contentId}-hint`}>
          {mode === 'new' ? 'Ctrl+Enter: lưu và ghi phát biểu tiếp theo.' : 'Ctrl+Enter hoặc Esc: xong, trở lại ghi phát biểu mới.'} Mọi chữ được lưu tự động.
        </p>
        {content.error ? <p className="field-error" id={`${contentId}-error`} role="alert">{content.error}</p> : null}
      </div>
      <div className="row editor-actions">
        <NumberField label="Thời lượng (phút)" value={speech?.durationMinutes ?? null} save={(durationMinutes) => save({ durationMinutes })} />
        <button type="button" className="primary" onClick={finish}>
          {mode === 'new' ? 'Ghi phát biểu tiếp theo' : 'Xong'} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
