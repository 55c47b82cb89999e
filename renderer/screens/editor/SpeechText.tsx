// The text of the speech in the composer, with its own autosave: a keystroke re-renders this field only,
// never the rest of the form (speaker picker, times, kind, agenda item). The composer reaches what is
// typed through `handle` (to flush it, or to see whether anything was said).
import { memo, useImperativeHandle, type RefObject } from 'react';
import { FieldError, useTextOffers } from '../../components/fields.tsx';
import { WordImport } from '../../components/WordImport.tsx';
import { useAutosave } from '../../hooks/useAutosave.ts';
import { SPEECH_KEYS } from './shortcuts.ts';

export interface SpeechTextHandle {
  /** Sends what is typed and not yet saved. */
  flush(): void;
  /** The text as shown. */
  value(): string;
}

export interface SpeechTextProps {
  id: string;
  /** The text as stored. */
  stored: string;
  mode: 'new' | 'edit';
  /** Whether the agenda item has its key (there are agenda items). */
  agendaKey: boolean;
  doneLabel: string;
  save(text: string): Promise<unknown>;
  /** Called with each change typed. */
  onTyped(text: string): void;
  onFinish(): void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  handle: RefObject<SpeechTextHandle | null>;
}

export function SpeechText({ id, stored, mode, agendaKey, doneLabel, save, onTyped, onFinish, inputRef, handle }: SpeechTextProps) {
  const content = useAutosave({ value: stored, save });
  // Old Word files in .VnTime or VNI fonts: the pasted stretch is offered converted, never changed silently.
  const offers = useTextOffers(content.value, content.change);
  const { flush, value } = content;
  useImperativeHandle(handle, () => ({ flush, value: () => value }), [flush, value]);

  return (
    <>
      <div className="field speech-content">
        <label htmlFor={id} className="field-label">
          Nội dung phát biểu
        </label>
        <textarea
          id={id}
          ref={inputRef}
          rows={9}
          spellCheck={false}
          value={content.value}
          aria-invalid={content.error ? true : undefined}
          aria-describedby={`${id}-hint${content.error ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            content.change(event.target.value);
            onTyped(event.target.value);
          }}
          onPaste={offers.onPaste}
          {...content.bind}
        />
        {offers.offer}
        <KeysHint id={id} mode={mode} agendaKey={agendaKey} />
        <FieldError id={`${id}-error`} error={content.error} />
      </div>
      <div className="row editor-actions">
        <button type="button" className="primary" onClick={onFinish}>
          {doneLabel} <kbd>{SPEECH_KEYS.next}</kbd>
        </button>
        <WordImport target="speech" current={content.value} onTake={(text) => save(text)} />
      </div>
    </>
  );
}

/** The keys that work from the text; the same for every keystroke, so it is not rendered again. */
const KeysHint = memo(function KeysHint({ id, mode, agendaKey }: { id: string; mode: 'new' | 'edit'; agendaKey: boolean }) {
  return (
    <p className="field-hint keys-hint" id={`${id}-hint`}>
      <span>
        <kbd>{SPEECH_KEYS.next}</kbd> {mode === 'new' ? 'lưu, sang phát biểu tiếp theo' : 'xong'}
      </span>
      {mode === 'edit' ? (
        <span>
          <kbd>Esc</kbd> xong
        </span>
      ) : null}
      <span>
        <kbd>{SPEECH_KEYS.end}</kbd> kết thúc phát biểu
      </span>
      <span id={`${id}-kinds`}>
        <kbd>Alt+B/Y/P/G/C</kbd> hình thức
      </span>
      {agendaKey ? (
        <span>
          <kbd>{SPEECH_KEYS.agenda}</kbd> mục chương trình
        </span>
      ) : null}
      <span>
        <kbd>{SPEECH_KEYS.register}</kbd> đăng ký phát biểu
      </span>
      <span>Mọi chữ được lưu tự động.</span>
    </p>
  );
});
