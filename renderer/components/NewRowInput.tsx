// The empty line at the end of a list: type, press Enter, the row is added and the line is ready
// for the next one. A block pasted from Excel or Word adds one row per line.
import { useId, useState, type ClipboardEvent, type KeyboardEvent, type Ref } from 'react';
import { errorMessage } from '../api.ts';
import { isComposing } from '../lib/format.ts';
import { isBlock, parseBlock } from '../lib/paste.ts';

export interface NewRowInputProps {
  label: string;
  onAdd(text: string): Promise<unknown>;
  /** Rows of tab-separated cells from a pasted block. */
  onAddBlock?(rows: string[][]): Promise<unknown>;
  inputRef?: Ref<HTMLInputElement>;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
}

export function NewRowInput(props: NewRowInputProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const submitted = text;
    if (!submitted.trim()) return;
    setText('');
    try {
      await props.onAdd(submitted);
      setError(null);
    } catch (err) {
      // Give the text back, unless the user already typed the next one.
      setText((now) => (now === '' ? submitted : now));
      setError(errorMessage(err));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (isComposing(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && (!props.multiline || event.ctrlKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const shared = {
    id,
    value: text,
    placeholder: props.placeholder,
    'aria-describedby': [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
    onChange: (event: { target: { value: string } }) => setText(event.target.value),
    onKeyDown,
    onBlur: () => void submit(),
    onPaste: (event: ClipboardEvent) => {
      const pasted = event.clipboardData.getData('text/plain');
      if (!props.onAddBlock || !isBlock(pasted)) return;
      event.preventDefault();
      const rows = parseBlock(pasted);
      if (rows.length === 0) return;
      props.onAddBlock(rows).then(() => setError(null), (err: unknown) => setError(errorMessage(err)));
    },
  };

  return (
    <div className="field new-row">
      <label htmlFor={id} className="field-label">{props.label}</label>
      {props.multiline
        ? <textarea {...shared} rows={2} />
        : <input {...shared} ref={props.inputRef} type="text" autoComplete="off" />}
      {props.hint ? <p className="field-hint" id={`${id}-hint`}>{props.hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : null}
    </div>
  );
}
