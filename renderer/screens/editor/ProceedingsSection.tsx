// Diễn biến: live note-taking. Type a few letters of the speaker's name (no accents needed), Enter,
// type what is said; the start time fills itself in; Ctrl+Enter stores the speech and starts the
// next one. Earlier speeches can be opened again, reordered and removed.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { SPEECH_KINDS, type AgendaItem, type Speech } from '../../../shared/model/meeting.ts';
import { SPEECH_KIND_LABELS } from '../../../shared/model/labels.ts';
import { errorMessage } from '../../api.ts';
import { Combobox } from '../../components/Combobox.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { NumberField, optionsOf, SelectField, TextField, useTextOffers } from '../../components/fields.tsx';
import { reorderKeys, RowTools } from '../../components/RowTools.tsx';
import { VirtualList } from '../../components/VirtualList.tsx';
import { useToast } from '../../context.tsx';
import { useAutosave } from '../../hooks/useAutosave.ts';
import { fold } from '../../../shared/vietnamese/fold.ts';
import { rankMatches } from '../../../shared/vietnamese/match.ts';
import { formatCount, isComposing, nowClock } from '../../lib/format.ts';
import { useAttendeeOptions, useEditor, useLazyItem, type AttendeeOption } from './meeting-state.tsx';

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
  const composerOf = composerKey;

  const listed = useMemo(() => speeches.filter((s) => s.id !== draftId), [speeches, draftId]);
  const editing = editingId === null ? null : speeches.find((s) => s.id === editingId) ?? null;
  const draft = draftId === null ? null : speeches.find((s) => s.id === draftId) ?? null;
  const names = useMemo(() => new Map(attendees.map((a) => [a.id, a])), [attendees]);
  const fail = (error: unknown) => toast({ text: errorMessage(error), tone: 'error' });

  const next = () => {
    liveComposer.current += 1;
    setDraftId(null);
    setEditingId(null);
    setComposerKey(liveComposer.current);
  };
  const remove = async (speech: Speech) => {
    setRemoving(null);
    if (speech.id === editingId) next();
    await ops.remove('speeches', speech.id).catch(fail);
  };
  const speakerOf = (s: Speech): string => {
    const a = s.attendeeId === null ? undefined : names.get(s.attendeeId);
    const name = a ? a.fullName : s.speakerName;
    const position = a ? a.positions : s.speakerPosition;
    return name ? `${name}${position ? ` - ${position}` : ''}` : '(Chưa ghi người phát biểu)';
  };
  const agendaNumber = new Map(agenda.map((a, i) => [a.id, i + 1]));

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
                  <p className="speech-excerpt">{s.content || '…'}</p>
                </div>
                <button type="button" aria-label={`Sửa phát biểu ${n}`} onClick={() => {
                  liveComposer.current += 1;
                  setComposerKey(liveComposer.current);
                  setDraftId(null);
                  setEditingId(s.id);
                }}>Sửa</button>
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
        onCreated={(speech) => {
          if (liveComposer.current === composerOf) setDraftId(speech.id);
        }}
        onDone={next}
      />

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

interface SpeechEditorProps {
  speech: Speech | null;
  number: number;
  mode: 'new' | 'edit';
  options: AttendeeOption[];
  agenda: AgendaItem[];
  defaultAgendaId: number | null;
  onAgendaChosen(id: number | null): void;
  onCreated(speech: Speech): void;
  onDone(): void;
}

function SpeechEditor({ speech, number, mode, options, agenda, defaultAgendaId, onAgendaChosen, onCreated, onDone }: SpeechEditorProps) {
  const contentId = useId();
  const startId = useId();
  const speakerRef = useRef<HTMLInputElement>(null);
  const contentRef = useRef<HTMLTextAreaElement>(null);
  const validAgenda = defaultAgendaId !== null && agenda.some((a) => a.id === defaultAgendaId) ? defaultAgendaId : null;
  const latest = useRef({ content: '', startTime: '', speakerId: null as number | null, speakerText: '' });
  // Created with everything already typed, so a window closed right after the first words keeps them.
  const lazy = useLazyItem('speeches', speech, () => ({
    agendaItemId: validAgenda,
    content: latest.current.content,
    startTime: latest.current.startTime || null,
    ...(latest.current.speakerId !== null ? { attendeeId: latest.current.speakerId } : { speakerName: latest.current.speakerText.trim() }),
  }), onCreated);
  const [speakerError, setSpeakerError] = useState<string | null>(null);

  // The speaker: an attendee picked from the list, or a name typed freely.
  const attendeeName = (id: number | null) => options.find((o) => o.id === id)?.label ?? '';
  const initialSpeaker = speech ? (speech.attendeeId !== null ? attendeeName(speech.attendeeId) : speech.speakerName) : '';
  const [speakerText, setSpeakerText] = useState(initialSpeaker);
  const [speakerId, setSpeakerId] = useState<number | null>(speech?.attendeeId ?? null);
  const committed = useRef(initialSpeaker);
  // The free-text name as last stored (the extra fields show only for such a speaker).
  const [freeName, setFreeName] = useState(speech && speech.attendeeId === null ? speech.speakerName : '');
  const matches = useMemo(() => {
    const picked = speakerId === null ? undefined : options.find((o) => o.id === speakerId);
    if (!speakerText.trim() || (picked && speakerText === picked.label)) return [];
    return rankMatches(speakerText, options, (o) => o.key, 8);
  }, [speakerText, speakerId, options]);

  const start = useAutosave({ value: speech?.startTime ?? '', save: (t: string) => lazy.save({ startTime: t === '' ? null : t }) });
  const content = useAutosave({ value: speech?.content ?? '', save: (text: string) => lazy.save({ content: text }) });
  // Old Word files in .VnTime or VNI fonts: the pasted stretch is offered converted, never changed silently.
  const offers = useTextOffers(content.value, content.change);
  useEffect(() => {
    latest.current = { content: content.value, startTime: start.value, speakerId, speakerText: committed.current };
  });
  const fillStart = () => {
    if (mode === 'new' && !start.value) start.change(nowClock());
  };

  const saveSpeaker = (patch: Record<string, unknown>) => {
    lazy.save(patch).then(() => setSpeakerError(null), (error: unknown) => setSpeakerError(errorMessage(error)));
  };
  const pick = (option: AttendeeOption, live = true) => {
    setSpeakerText(option.label);
    setSpeakerId(option.id);
    committed.current = option.label;
    setFreeName('');
    if (live) fillStart();
    saveSpeaker({ attendeeId: option.id, speakerName: '', speakerPosition: '', speakerSite: '' });
  };
  /** A typed name that is not (or not exactly one) attendee: kept as the free-text speaker. */
  const commitTyped = (live = true) => {
    const text = speakerText.trim();
    if (text === committed.current.trim()) return;
    const exact = text ? options.filter((o) => fold(o.label) === fold(text)) : [];
    if (exact.length === 1 && exact[0]) {
      pick(exact[0], live);
      return;
    }
    committed.current = text;
    setFreeName(text);
    setSpeakerId(null);
    if (text || lazy.created()) saveSpeaker({ attendeeId: null, speakerName: text });
  };
  const commitRef = useRef(commitTyped);
  useEffect(() => {
    commitRef.current = commitTyped;
  });
  // Leaving the section keeps a typed speaker name too (without touching fields being torn down).
  useEffect(() => () => commitRef.current(false), []);

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
    commitTyped();
    content.flush();
    start.flush();
    if (mode === 'new' && !lazy.created() && !speakerText.trim() && !content.value.trim()) {
      speakerRef.current?.focus();
      return;
    }
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (isComposing(event)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish();
    } else if (event.key === 'Escape' && mode === 'edit') {
      event.preventDefault();
      finish();
    }
  };

  const freeSpeaker = speakerId === null && freeName !== '';
  const agendaOptions: (readonly [string, string])[] = [['', '(Không thuộc mục nào)'], ...agenda.map((a, i) => [String(a.id), `${i + 1}. ${a.title || '(chưa có nội dung)'}`] as const)];

  return (
    <section className={`speech-editor ${mode}`} aria-labelledby="speech-editor-title" onKeyDown={onKeyDown}>
      <h3 id="speech-editor-title">{mode === 'new' ? `Phát biểu mới (số ${number})` : `Sửa phát biểu số ${number}`}</h3>
      <div className="row">
        <Combobox
          label="Người phát biểu"
          className="grow"
          text={speakerText}
          inputRef={speakerRef}
          options={matches}
          autoHighlight
          placeholder="Gõ vài chữ của tên, không cần dấu (ví dụ: nvt, thong)"
          onText={(text) => setSpeakerText(text)}
          onPick={(option) => {
            pick(option);
            contentRef.current?.focus();
          }}
          onEnter={(event) => {
            event.preventDefault();
            commitTyped();
            fillStart();
            contentRef.current?.focus();
          }}
          onBlur={() => commitTyped()}
        />
        <div className="field time-field">
          <label htmlFor={startId} className="field-label">Giờ bắt đầu</label>
          <input id={startId} type="time" value={start.value} onChange={(e) => start.change(e.target.value)} {...start.bind}
            aria-invalid={start.error ? true : undefined} aria-describedby={start.error ? `${startId}-error` : undefined} />
          {start.error ? <p className="field-error" id={`${startId}-error`} role="alert">{start.error}</p> : null}
        </div>
        <SelectField label="Hình thức" value={speech?.kind ?? 'contribution'} options={optionsOf(SPEECH_KINDS, SPEECH_KIND_LABELS)} save={(kind) => lazy.save({ kind })} />
        {agenda.length > 0 ? (
          <SelectField
            label="Mục chương trình"
            value={String(speech ? speech.agendaItemId ?? '' : validAgenda ?? '')}
            options={agendaOptions}
            save={(value) => {
              const id = value === '' ? null : Number(value);
              onAgendaChosen(id);
              return lazy.save({ agendaItemId: id });
            }}
          />
        ) : null}
      </div>
      {speakerError ? <p className="field-error" role="alert">{speakerError}</p> : null}
      {freeSpeaker ? (
        <div className="row free-speaker">
          <p className="muted">Người phát biểu không có trong danh sách đại biểu; có thể ghi thêm:</p>
          <TextField label="Chức vụ người phát biểu" value={speech?.speakerPosition ?? ''} save={(speakerPosition) => lazy.save({ speakerPosition })} className="grow" />
          <TextField label="Điểm cầu của người phát biểu" value={speech?.speakerSite ?? ''} save={(speakerSite) => lazy.save({ speakerSite })} />
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
        <NumberField label="Thời lượng (phút)" value={speech?.durationMinutes ?? null} save={(durationMinutes) => lazy.save({ durationMinutes })} />
        <button type="button" className="primary" onClick={finish}>
          {mode === 'new' ? 'Ghi phát biểu tiếp theo' : 'Xong'} <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </section>
  );
}
