// Form fields that save themselves (see useAutosave): each has a real <label>, shows the store's
// Vietnamese error beside it and keeps what the user typed.
import { useId, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { decodeLegacy, detectLegacy, ENCODING_LABELS, type LegacyDetection } from '../../shared/vietnamese/legacy.ts';
import { findLookalikes, fixLookalikes } from '../../shared/vietnamese/lookalike.ts';
import { ApiError } from '../api.ts';
import { cleanPastedText } from '../lib/paste.ts';
import { useAutosave } from '../hooks/useAutosave.ts';

interface Common {
  label: string;
  /** Label kept for screen readers and tests, hidden on screen (table cells under a column header). */
  hideLabel?: boolean;
  className?: string;
  hint?: ReactNode;
  disabled?: boolean;
}

/** An error said beside what it is about (announced by screen readers); nothing when there is none. */
export function FieldError({ id, error }: { id?: string; error: string | null | undefined }) {
  return error ? (
    <p className="field-error" id={id} role="alert">
      {error}
    </p>
  ) : null;
}

function Label({ htmlFor, label, hide }: { htmlFor: string; label: string; hide: boolean | undefined }) {
  return (
    <label htmlFor={htmlFor} className={hide ? 'sr-only' : 'field-label'}>
      {label}
    </label>
  );
}

export interface TextFieldProps extends Common {
  value: string;
  save(value: string): Promise<unknown>;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void;
  /** After a change by the user (not after a save). */
  onEdit?(value: string): void;
  onBlur?(): void;
  list?: string;
  inputMode?: 'numeric' | 'text';
}

/**
 * Offers under a text field, never applied silently: pasted text in a legacy encoding (TCVN3, VNI)
 * converted to Unicode, and lookalike letters (Ð for Đ) replaced.
 */
export function useTextOffers(value: string, change: (next: string) => void) {
  const [pasted, setPasted] = useState<{ text: string; detection: LegacyDetection } | null>(null);
  const [kept, setKept] = useState<string | null>(null);
  const onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData.getData('text/plain');
    const detection = detectLegacy(text);
    setPasted(detection ? { text, detection } : null);
    // From Word: the cleaned text goes in, where the caret is, as if typed.
    const cleaned = cleanPastedText(text);
    const target = event.target;
    if (cleaned === null || !(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    event.preventDefault();
    const start = target.selectionStart ?? value.length;
    const end = target.selectionEnd ?? start;
    const single = target instanceof HTMLInputElement;
    const piece = single ? cleaned.replace(/\s*\n\s*/g, ' ') : cleaned;
    change(`${value.slice(0, start)}${piece}${value.slice(end)}`);
    requestAnimationFrame(() => target.setSelectionRange(start + piece.length, start + piece.length));
  };
  const convert = () => {
    if (!pasted) return;
    // The pasted stretch only: text typed around it is already Unicode. A single-line field drops line breaks.
    const candidates = [pasted.text, pasted.text.replace(/\r?\n/g, ''), pasted.text.replace(/\r?\n/g, ' ')];
    const found = candidates.find((c) => value.includes(c));
    const encoding = pasted.detection.encoding;
    if (found !== undefined) {
      const at = value.lastIndexOf(found);
      change(`${value.slice(0, at)}${decodeLegacy(found, encoding)}${value.slice(at + found.length)}`);
    } else {
      change(decodeLegacy(value, encoding));
    }
    setPasted(null);
  };
  const lookalikes = pasted || kept === value ? [] : findLookalikes(value);
  const offer = pasted ? (
    <div className="text-offer" role="group" aria-label="Bảng mã của đoạn vừa dán">
      <span>
        Đoạn vừa dán có vẻ dùng bảng mã {ENCODING_LABELS[pasted.detection.encoding]}
        {pasted.detection.confident ? '' : ' (chưa chắc chắn)'}: “{pasted.detection.converted.slice(0, 60)}
        {pasted.detection.converted.length > 60 ? '…' : ''}”.
      </span>
      <button type="button" onClick={convert}>
        Chuyển sang Unicode
      </button>
      <button type="button" onClick={() => setPasted(null)}>
        Giữ nguyên
      </button>
    </div>
  ) : lookalikes.length > 0 ? (
    <div className="text-offer" role="group" aria-label="Chữ trông giống chữ tiếng Việt">
      <span>
        Có {lookalikes.length} chữ “{lookalikes[0]?.found}” trông giống “{lookalikes[0]?.replacement}” nhưng là ký tự khác; tìm kiếm và sắp xếp sẽ không đúng.
      </span>
      <button type="button" onClick={() => change(fixLookalikes(value))}>
        Sửa thành “{lookalikes[0]?.replacement}”
      </button>
      <button type="button" onClick={() => setKept(value)}>
        Giữ nguyên
      </button>
    </div>
  ) : null;
  return { onPaste, offer };
}

export function TextField({ inputRef, ...props }: TextFieldProps) {
  const id = useId();
  const field = useAutosave({ value: props.value, save: props.save, onBlur: props.onBlur });
  const offers = useTextOffers(field.value, field.change);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const shared = {
    id,
    value: field.value,
    disabled: props.disabled,
    placeholder: props.placeholder,
    // A field of a grid (label hidden) may be narrower than its text: the whole text on hover.
    title: props.hideLabel && field.value ? field.value : undefined,
    autoFocus: props.autoFocus,
    'aria-invalid': field.error ? true : undefined,
    'aria-describedby': [field.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ') || undefined,
    onChange: (event: { target: { value: string } }) => {
      field.change(event.target.value);
      props.onEdit?.(event.target.value);
    },
    onKeyDown: props.onKeyDown,
    onPaste: offers.onPaste,
    ...field.bind,
  };
  return (
    <div className={`field ${props.className ?? ''}`}>
      <Label htmlFor={id} label={props.label} hide={props.hideLabel} />
      {props.multiline ? (
        <textarea {...shared} ref={inputRef} rows={props.rows ?? 3} spellCheck={false} />
      ) : (
        <input {...shared} ref={inputRef} type="text" list={props.list} inputMode={props.inputMode} autoComplete="off" />
      )}
      {props.hint ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      {offers.offer}
      <FieldError id={errorId} error={field.error} />
    </div>
  );
}

/** A whole number, null when empty; anything else is refused beside the field, never sent. */
export function NumberField(props: Common & { value: number | null; save(value: number | null): Promise<unknown>; onKeyDown?: TextFieldProps['onKeyDown'] }) {
  const { value, save, ...rest } = props;
  return (
    <TextField
      {...rest}
      inputMode="numeric"
      value={value === null ? '' : String(value)}
      save={async (text) => {
        const trimmed = text.trim().replace(/[.\s]/g, '');
        if (trimmed === '') return save(null);
        if (!/^\d+$/.test(trimmed)) throw new ApiError('INVALID_INPUT', `${props.label}: phải là số nguyên không âm.`);
        return save(Number(trimmed));
      }}
    />
  );
}

export function SelectField<V extends string>(
  props: Common & {
    value: V;
    options: readonly (readonly [V, string])[];
    save(value: V): Promise<unknown>;
    /** The choice as shown, at once, before it is stored (what depends on it can appear right away). */
    onEdit?(value: V): void;
  },
) {
  const id = useId();
  const field = useAutosave({ value: props.value, save: props.save, discrete: true });
  return (
    <div className={`field ${props.className ?? ''}`}>
      <Label htmlFor={id} label={props.label} hide={props.hideLabel} />
      <select
        id={id}
        value={field.value}
        disabled={props.disabled}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error ? `${id}-error` : undefined}
        onChange={(event) => {
          field.commit(event.target.value as V);
          props.onEdit?.(event.target.value as V);
        }}
        onFocus={field.bind.onFocus}
        onBlur={field.bind.onBlur}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
      <FieldError id={`${id}-error`} error={field.error} />
    </div>
  );
}

export function CheckboxField(props: Common & { value: boolean; save(value: boolean): Promise<unknown> }) {
  const id = useId();
  const field = useAutosave({ value: props.value, save: props.save, discrete: true });
  return (
    <div className={`field field-check ${props.className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={field.value}
        disabled={props.disabled}
        aria-describedby={field.error ? `${id}-error` : undefined}
        onChange={(event) => field.commit(event.target.checked)}
        onFocus={field.bind.onFocus}
        onBlur={field.bind.onBlur}
      />
      <Label htmlFor={id} label={props.label} hide={props.hideLabel} />
      <FieldError id={`${id}-error`} error={field.error} />
    </div>
  );
}

/** Label/value pairs from a Record of labels, in the order of the enum. */
export function optionsOf<V extends string>(values: readonly V[], labels: Record<V, string>): (readonly [V, string])[] {
  return values.map((value) => [value, labels[value]] as const);
}
