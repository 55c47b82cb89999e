// A passphrase typed by the user: never shown, its strength estimated as it is typed (shared/security.ts,
// the rule the main process enforces too). Not autosaved: a passphrase is never stored.
import { useId } from 'react';
import { passphraseStrength } from '../../shared/security.ts';

export function PassphraseField({
  label,
  value,
  onChange,
  strength,
  autoFocus,
  error,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Shows the strength meter (for a new passphrase). */
  strength?: boolean;
  autoFocus?: boolean;
  error?: string | null;
}) {
  const id = useId();
  const rated = strength && value ? passphraseStrength(value) : null;
  return (
    <div className="field wide">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="password"
        value={value}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={rated || error ? `${id}-note` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {rated ? (
        <p className="field-hint strength" id={`${id}-note`}>
          <meter min={0} max={4} low={2} high={3} optimum={4} value={rated.score} aria-label="Độ mạnh của cụm mật khẩu" /> <strong>{rated.label}</strong>:{' '}
          {rated.hint}
        </p>
      ) : error ? (
        <p className="field-error" id={`${id}-note`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The new passphrase twice: the second must match. */
export function newPassphraseProblem(first: string, second: string): string | null {
  if (!passphraseStrength(first).acceptable) return passphraseStrength(first).hint;
  if (first !== second) return 'Hai lần gõ cụm mật khẩu không giống nhau.';
  return null;
}
