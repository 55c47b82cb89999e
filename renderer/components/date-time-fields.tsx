// Date and time fields of the app's own, the same on every machine: dd/mm/yyyy and 24-hour HH:MM as text
// (a browser's <input type="date|time"> follows the system locale, showing 08:57 AM or mm/dd/yyyy).
// What does not read as a date or a time is refused beside the field and never sent; an impossible one
// (31/02, 25:00) goes to the store, which refuses it with its message. Either way the stored value is
// kept, and shown again once the field is left (or, with keepRefused, the value typed stays until put right).
import { useId, type KeyboardEvent, type Ref } from 'react';
import { ApiError } from '../api.ts';
import { useAutosave } from '../hooks/useAutosave.ts';
import { dateFromText, timeFromText } from '../lib/date-time.ts';
import { formatDate } from '../lib/format.ts';

export interface DateTimeFieldProps {
  type: 'date' | 'time';
  label: string;
  hideLabel?: boolean;
  className?: string;
  hint?: string;
  value: string | null;
  save(value: string | null): Promise<unknown>;
  /** After a change by the user. */
  onEdit?(text: string): void;
  inputRef?: Ref<HTMLInputElement>;
  /** Keys after the field's own (Enter saves what is typed). */
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  /** A refused value stays as typed after the field is left, with its message, instead of the stored one. */
  keepRefused?: boolean;
}

const SHAPES = {
  date: { parse: dateFromText, show: formatDate, placeholder: 'ngày/tháng/năm', expected: 'phải có dạng ngày/tháng/năm, ví dụ 25/07/2023' },
  time: {
    parse: timeFromText,
    show: (v: string | null) => v ?? '',
    placeholder: 'giờ:phút',
    expected: 'phải có dạng giờ:phút theo 24 giờ, ví dụ 08:30 hoặc 14:00',
  },
} as const;

export function DateTimeField({ type, label, hideLabel, className, hint, value, save, onEdit, inputRef, onKeyDown, keepRefused = false }: DateTimeFieldProps) {
  const id = useId();
  const shape = SHAPES[type];
  const field = useAutosave({
    value: shape.show(value),
    save: (text: string) => {
      const parsed = shape.parse(text);
      if (parsed === undefined) throw new ApiError('INVALID_INPUT', `${label}: ${shape.expected}.`);
      return save(parsed);
    },
    ready: (text) => shape.parse(text) !== undefined,
    revertWhenLeft: !keepRefused,
  });
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const kept = value ? `Vẫn giữ giá trị đã lưu: ${shape.show(value)}.` : 'Chưa lưu giá trị nào.';
  return (
    <div className={`field ${type}-field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={shape.placeholder}
        value={field.value}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={[field.error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}
        onChange={(event) => {
          field.change(event.target.value);
          onEdit?.(event.target.value);
        }}
        ref={inputRef}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) field.flush();
          onKeyDown?.(event);
        }}
        {...field.bind}
      />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {field.error ? (
        <p className="field-error" id={errorId} role="alert">
          {field.error} {kept}
        </p>
      ) : null}
    </div>
  );
}
