// The composer of Diễn biến: the speech being taken down (or an earlier one opened again). Type a few
// letters of the speaker's name (no accents needed) and pick with Enter, Tab or a click; type what is
// said (SpeechText, the one part that renders on a keystroke); the start time fills itself in. Every
// choice of the form has a key that works from the text (shortcuts.ts): the kind, the agenda item, the
// end of the speech, and Ctrl+Enter for the next speech, which is the next registered speaker's when
// someone is registered. The new speech is a draft row, created when something is typed and removed
// again if everything is deleted.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { SPEECH_KINDS, speechFields, type AgendaItem, type Speech, type SpeechKind } from '../../../shared/model/meeting.ts';
import { timesProblem } from '../../../shared/model/clock.ts';
import { SPEECH_KIND_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { FieldError, SelectField, TextField } from '../../components/fields.tsx';
import { nowClock } from '../../lib/format.ts';
import { PICKER_ORDER_HINT, type AttendeeOption } from './attendee-views.ts';
import { useDraftRow } from './draft-row.ts';
import { useWrites } from './meeting-state.tsx';
import { chordOf, KIND_KEYS, SPEECH_KEYS } from './shortcuts.ts';
import { isFreeSpeaker, useSpeaker, type SpeakerPatch } from './speaker.ts';
import { SpeechText, type SpeechTextHandle } from './SpeechText.tsx';
import { SpeechTiming } from './SpeechTiming.tsx';

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
  /** Where the caret starts: a speech started for a registered speaker goes straight to its text. */
  focus?: 'speaker' | 'content';
  /** The registered speaker Ctrl+Enter starts next, if any. */
  nextSpeaker: string | null;
  /** The speech's text field, for those who send the caret back to it. */
  textRef?: RefObject<HTMLTextAreaElement | null>;
  onCreated(id: number): void;
  onRemoved(): void;
  onDone(): void;
  /** Keys of the clip player (the caret stays in the text); true when the key was one of them. */
  onPlayerKey?(event: KeyboardEvent, speechId: number | null): boolean;
}

/** A new speech with neither speaker nor words is not a speech. */
const nothingSaid = (typed: Record<string, unknown>) =>
  (typed.attendeeId ?? null) === null && !String(typed.speakerName ?? '').trim() && !String(typed.content ?? '').trim();

const KIND_OF_KEY = new Map(SPEECH_KINDS.map((kind) => [KIND_KEYS[kind], kind]));

export function SpeechEditor(props: SpeechEditorProps) {
  const { speech, number, mode, options, agenda, defaultAgendaId, onAgendaChosen, nextSpeaker, onCreated, onRemoved, onDone, onPlayerKey } = props;
  const contentId = useId();
  const speakerRef = useRef<HTMLInputElement>(null);
  const ownText = useRef<HTMLTextAreaElement>(null);
  const contentRef = props.textRef ?? ownText;
  const text = useRef<SpeechTextHandle>(null);
  const validAgenda = defaultAgendaId !== null && agenda.some((a) => a.id === defaultAgendaId) ? defaultAgendaId : null;
  const row = useDraftRow(
    {
      list: 'speeches',
      writes: useWrites(),
      initial: () => ({ agendaItemId: validAgenda }),
      isEmpty: mode === 'new' ? nothingSaid : undefined,
      schema: { fields: speechFields, label: 'phát biểu', check: timesProblem },
      onCreated,
      onRemoved,
    },
    speech?.id ?? null,
  );
  const [error, setError] = useState<string | null>(null);
  // Shown before the new speech is stored (a choice made before anything is typed is kept in the draft).
  const [chosen, setChosen] = useState<{ kind: SpeechKind; startTime: string | null }>({ kind: 'contribution', startTime: null });

  const save = (patch: Record<string, unknown>) => row.save(patch);
  const saveChoice = (patch: Record<string, unknown>) =>
    void save(patch).then(
      () => setError(null),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  // A start typed by the secretary, even one refused, is theirs: nothing stamps over it.
  const startTyped = useRef(false);
  const saveStart = (startTime: string | null) => {
    startTyped.current = true;
    return save({ startTime }).then(() => {
      if (mode === 'new') setChosen((c) => ({ ...c, startTime }));
    });
  };
  const fillStart = () => {
    if (mode !== 'new' || speech?.startTime || chosen.startTime || startTyped.current) return;
    const startTime = nowClock();
    setChosen((c) => ({ ...c, startTime }));
    void save({ startTime }).catch(() => undefined);
  };
  const speaker = useSpeaker(speech, options, (patch: SpeakerPatch) => saveChoice(patch), fillStart);
  // A speaker not on the list is asked for a position next: the field shows once the choice renders.
  const positionInput = useRef<HTMLInputElement | null>(null);
  const positionWanted = useRef(false);
  const [positionRef] = useState(() => (input: HTMLInputElement | null) => {
    positionInput.current = input;
    if (input && positionWanted.current) {
      positionWanted.current = false;
      input.focus();
    }
  });
  const toPosition = () => {
    if (positionInput.current) positionInput.current.focus();
    else positionWanted.current = true;
  };
  /** Enter in the free speaker's fields goes on to the text. */
  const toText = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    contentRef.current?.focus();
  };

  useEffect(() => {
    if (mode === 'new' && props.focus !== 'content') {
      speakerRef.current?.focus();
      return;
    }
    // Editing an earlier speech, or a registered speaker's just started: the caret goes to the end of its text.
    const area = contentRef.current;
    area?.focus();
    area?.setSelectionRange(area.value.length, area.value.length);
  }, [mode, props.focus, contentRef]);

  const kind = speech?.kind ?? chosen.kind;
  const agendaId = speech ? speech.agendaItemId : validAgenda;
  const chooseKind = (next: SpeechKind) => {
    setChosen((c) => ({ ...c, kind: next }));
    saveChoice({ kind: next });
  };
  const chooseAgenda = (id: number | null) => {
    // Only the new speech's choice carries over to the next new speech.
    if (mode === 'new') onAgendaChosen(id);
    return save({ agendaItemId: id });
  };
  const nextAgenda = () => {
    const ids = [null, ...agenda.map((a) => a.id)];
    const next = ids[(ids.indexOf(agendaId) + 1) % ids.length] ?? null;
    void chooseAgenda(next).then(
      () => setError(null),
      (failure: unknown) => setError(errorMessage(failure)),
    );
  };
  const endNow = () => saveChoice({ endTime: nowClock() });

  const finish = () => {
    const settled = speaker.settle();
    text.current?.flush();
    if (!settled) {
      speakerRef.current?.focus();
      return;
    }
    // An empty new speech goes on to the next registered speaker, or waits for a name.
    if (mode === 'new' && speaker.empty() && !text.current?.value().trim() && nextSpeaker === null) {
      speakerRef.current?.focus();
      return;
    }
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (onPlayerKey?.(event, speech?.id ?? null)) return;
    const chord = chordOf(event);
    if (chord === null) return;
    const pickKind = KIND_OF_KEY.get(chord);
    const act = (action: () => void) => {
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    if (chord === SPEECH_KEYS.next || (chord === 'Escape' && mode === 'edit')) act(finish);
    else if (pickKind) act(() => chooseKind(pickKind));
    else if (chord === SPEECH_KEYS.agenda && agenda.length > 0) act(nextAgenda);
    else if (chord === SPEECH_KEYS.end) act(endNow);
  };

  const freeSpeaker = speaker.free || isFreeSpeaker(speech);
  const agendaOptions: (readonly [string, string])[] = [
    ['', '(Không thuộc mục nào)'],
    ...agenda.map((a, i) => [String(a.id), `${i + 1}. ${a.title || '(chưa có nội dung)'}`] as const),
  ];
  const doneLabel = mode === 'edit' ? 'Xong' : nextSpeaker ? `Phát biểu tiếp theo: ${nextSpeaker}` : 'Ghi phát biểu tiếp theo';

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
            if (speaker.isFree()) toPosition();
            else contentRef.current?.focus();
          }}
          onBlur={() => void speaker.settle()}
        />
        <SpeechTiming
          speech={speech}
          live={mode === 'new'}
          shownStart={speech?.startTime ?? chosen.startTime}
          save={save}
          saveStart={saveStart}
          onEnd={endNow}
        />
      </div>
      <div className="row speech-choices">
        <fieldset className="kind-choice" aria-describedby={`${contentId}-kinds`}>
          <legend>Hình thức</legend>
          {SPEECH_KINDS.map((value) => (
            <label key={value} className={value === kind ? 'chosen' : undefined}>
              <input type="radio" name={`kind-${contentId}`} value={value} checked={value === kind} onChange={() => chooseKind(value)} />
              {SPEECH_KIND_LABELS[value]} <kbd>{KIND_KEYS[value]}</kbd>
            </label>
          ))}
        </fieldset>
        {agenda.length > 0 ? (
          <SelectField
            label="Mục chương trình"
            className="agenda-choice"
            value={String(agendaId ?? '')}
            options={agendaOptions}
            hint={
              <>
                <kbd>{SPEECH_KEYS.agenda}</kbd> mục tiếp theo
              </>
            }
            save={(value) => chooseAgenda(value === '' ? null : Number(value))}
          />
        ) : null}
      </div>
      {speaker.unresolved !== null ? (
        <div className="field-error unresolved" role="alert">
          <span>“{speaker.unresolved}” chưa được chọn: chọn một người trong gợi ý (Enter, Tab hoặc bấm chuột).</span>
          <button
            type="button"
            onClick={() => {
              speaker.keepAsTyped();
              toPosition();
            }}
          >
            Ghi “{speaker.unresolved}” là người ngoài danh sách
          </button>
        </div>
      ) : null}
      <FieldError error={error} />
      {freeSpeaker ? (
        <div className="row free-speaker">
          <p className="muted">Người phát biểu không có trong danh sách đại biểu; có thể ghi thêm:</p>
          <TextField
            label="Chức vụ người phát biểu"
            value={speech?.speakerPosition ?? ''}
            save={(speakerPosition) => save({ speakerPosition })}
            inputRef={positionRef}
            onKeyDown={toText}
            className="grow"
          />
          <TextField label="Điểm cầu của người phát biểu" value={speech?.speakerSite ?? ''} save={(speakerSite) => save({ speakerSite })} onKeyDown={toText} />
        </div>
      ) : null}
      <SpeechText
        id={contentId}
        stored={speech?.content ?? ''}
        mode={mode}
        agendaKey={agenda.length > 0}
        doneLabel={doneLabel}
        save={(text) => save({ content: text })}
        onTyped={(text) => {
          if (text.trim()) fillStart();
        }}
        onFinish={finish}
        inputRef={contentRef}
        handle={text}
      />
    </section>
  );
}
