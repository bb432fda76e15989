import { useId, useState } from 'react';

export const MIN_PASSWORD_LENGTH = 10;

/** Password input with show/hide and, for new passwords, a length hint. */
export function PasswordField(props: { label: string; name: string; autoComplete: 'current-password' | 'new-password'; value: string; onChange(v: string): void }) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const isNew = props.autoComplete === 'new-password';
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="password-row">
        <input
          id={id}
          name={props.name}
          type={shown ? 'text' : 'password'}
          autoComplete={props.autoComplete}
          required
          minLength={isNew ? MIN_PASSWORD_LENGTH : undefined}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
        <button type="button" className="ghost" onClick={() => setShown((s) => !s)} aria-label={shown ? 'Hide password' : 'Show password'}>
          {shown ? 'Hide' : 'Show'}
        </button>
      </div>
      {isNew && <p className="hint">At least {MIN_PASSWORD_LENGTH} characters. A passphrase of four or more words is best.</p>}
    </div>
  );
}
