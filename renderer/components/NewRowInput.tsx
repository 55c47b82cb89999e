// The entry line at the end of a list: what is typed is a draft row, autosaved like any field (so
// leaving the section, Ctrl+L, a reload or closing the window keeps it); Enter or leaving the line hands
// it over to the list and the line is empty again, ready for the next one. A block pasted from Excel or
// Word adds one row per line.
import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { errorMessage } from '../api.ts';
import { useAutosave } from '../hooks/useAutosave.ts';
import { isComposing } from '../lib/format.ts';
import { isBlock, parseBlock } from '../lib/paste.ts';
import { FieldError } from './fields.tsx';

export interface NewRowInputProps {
  label: string;
  /** The draft's text as stored ('' before anything is). */
  value: string;
  /** Saves the draft's text (creating, updating or, when emptied, removing the draft row). */
  save(text: string): Promise<unknown>;
  /** Hands the draft over to the list; the next save starts a new draft. */
  onCommit(): void;
  /** Rows of tab-separated cells from a pasted block. */
  onAddBlock?(rows: string[][]): Promise<unknown>;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
}

export function NewRowInput(props: NewRowInputProps) {
  const id = useId();
  const field = useAutosave({ value: props.value, save: props.save });
  const [blockError, setBlockError] = useState<string | null>(null);
  const error = field.error ?? blockError;

  const commit = () => {
    field.flush();
    if (!field.value.trim() || field.error) return;
    props.onCommit();
    field.reset('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (isComposing(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && (!props.multiline || event.ctrlKey)) {
      event.preventDefault();
      commit();
    }
  };

  const shared = {
    id,
    value: field.value,
    placeholder: props.placeholder,
    autoComplete: 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined,
    onChange: (event: { target: { value: string } }) => field.change(event.target.value),
    onKeyDown,
    onFocus: field.bind.onFocus,
    onCompositionStart: field.bind.onCompositionStart,
    onCompositionEnd: field.bind.onCompositionEnd,
    onBlur: () => {
      field.bind.onBlur();
      // The window losing focus (another program) is not leaving the line.
      if (document.hasFocus()) commit();
    },
    onPaste: (event: ClipboardEvent) => {
      const pasted = event.clipboardData.getData('text/plain');
      if (!props.onAddBlock || !isBlock(pasted)) return;
      event.preventDefault();
      const rows = parseBlock(pasted);
      if (rows.length === 0) return;
      props.onAddBlock(rows).then(
        () => setBlockError(null),
        (err: unknown) => setBlockError(errorMessage(err)),
      );
    },
  };

  return (
    <div className="field new-row">
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.multiline ? <textarea {...shared} rows={2} /> : <input {...shared} type="text" />}
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
