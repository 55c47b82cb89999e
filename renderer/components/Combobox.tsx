// A text field with a list of suggestions under it (WAI-ARIA combobox pattern). The list never
// writes into the field while the user types: a suggestion replaces the text only when picked
// (Enter or, where asked, Tab on the highlighted one, or a click). Keys are ignored during an input
// method's composition.
import { useId, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { isComposing } from '../lib/format.ts';

export interface Option {
  id: number;
  label: string;
  detail?: string;
}

export interface ComboboxProps<O extends Option> {
  label: string;
  hideLabel?: boolean;
  text: string;
  onText(text: string): void;
  options: readonly O[];
  /** How it was picked: Tab lets the focus move on as usual. */
  onPick(option: O, how: 'enter' | 'tab' | 'mouse'): void;
  /** Tab on a highlighted suggestion picks it too (the speaker picker). */
  pickOnTab?: boolean;
  /** Enter with no highlighted suggestion. */
  onEnter?(event: KeyboardEvent<HTMLInputElement>): void;
  /** Other keys, after the combobox has handled its own. */
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  /** Highlight the best suggestion as soon as there is one (Enter picks it). */
  autoHighlight?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  /** A line under the suggestions, shown with them (how they are ordered). */
  footer?: string;
  className?: string;
  onFocus?(): void;
  onBlur?(): void;
  onPaste?(event: ClipboardEvent<HTMLInputElement>): void;
  onCompositionStart?(): void;
  onCompositionEnd?(): void;
}

export function Combobox<O extends Option>({ inputRef, ...props }: ComboboxProps<O>) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [lastOptions, setLastOptions] = useState(props.options);
  const { options } = props;

  // New suggestions: start from the best one (or none).
  let current = active;
  if (lastOptions !== options) {
    current = props.autoHighlight && options.length > 0 ? 0 : -1;
    setLastOptions(options);
    setActive(current);
  }
  const shown = open && options.length > 0;
  const highlighted = shown && current >= 0 ? options[current] : undefined;

  const pick = (option: O, how: 'enter' | 'tab' | 'mouse') => {
    setOpen(false);
    props.onPick(option, how);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(event)) return;
    if (event.key === 'ArrowDown' && options.length > 0 && !event.altKey) {
      event.preventDefault();
      setOpen(true);
      setActive(shown ? Math.min(current + 1, options.length - 1) : Math.max(current, 0));
      return;
    }
    if (event.key === 'ArrowUp' && shown && !event.altKey) {
      event.preventDefault();
      setActive(Math.max(current - 1, -1));
      return;
    }
    if (event.key === 'Escape' && shown) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      return;
    }
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey) {
      if (highlighted) {
        event.preventDefault();
        pick(highlighted, 'enter');
        return;
      }
      props.onEnter?.(event);
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && props.pickOnTab && highlighted) {
      pick(highlighted, 'tab');
      return;
    }
    props.onKeyDown?.(event);
  };

  return (
    <div className={`field combobox ${props.className ?? ''}`}>
      <label htmlFor={id} className={props.hideLabel ? 'sr-only' : 'field-label'}>
        {props.label}
      </label>
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={highlighted ? `${id}-opt-${highlighted.id}` : undefined}
        aria-describedby={[props.hint ? `${id}-hint` : '', props.footer && shown ? `${id}-footer` : ''].filter(Boolean).join(' ') || undefined}
        value={props.text}
        autoFocus={props.autoFocus}
        placeholder={props.placeholder}
        onChange={(event) => {
          setOpen(true);
          props.onText(event.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setOpen(true);
          props.onFocus?.();
        }}
        onBlur={() => {
          setOpen(false);
          props.onBlur?.();
        }}
        onPaste={props.onPaste}
        onCompositionStart={props.onCompositionStart}
        onCompositionEnd={props.onCompositionEnd}
      />
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <div className="combobox-list" hidden={!shown}>
        <ul id={listId} role="listbox" aria-label={`Gợi ý: ${props.label}`}>
          {shown
            ? options.map((option, index) => (
                <li
                  key={option.id}
                  id={`${id}-opt-${option.id}`}
                  role="option"
                  aria-selected={index === current}
                  className={index === current ? 'active' : undefined}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(option, 'mouse');
                  }}
                >
                  <span className="option-label">{option.label}</span>
                  {option.detail ? <span className="option-detail">{option.detail}</span> : null}
                </li>
              ))
            : null}
        </ul>
        {props.footer ? (
          <p className="combobox-footer" id={`${id}-footer`}>
            {props.footer}
          </p>
        ) : null}
      </div>
    </div>
  );
}
