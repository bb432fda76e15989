import { useState } from 'react';
import { MIN_PASSWORD_LENGTH, PasswordField } from '../../components/PasswordField.tsx';
import { errorMessage } from '../../components/errorMessage.ts';
import { changePassword } from '../../keys/changePassword.client.ts';

export function PasswordSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [others, setOthers] = useState(true);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (next.length < MIN_PASSWORD_LENGTH) return setStatus({ ok: false, text: `Use at least ${MIN_PASSWORD_LENGTH} characters.` });
    setBusy(true);
    setStatus(null);
    try {
      await changePassword(current, next, others);
      setCurrent('');
      setNext('');
      setStatus({ ok: true, text: 'Password changed. Your files and keys are unchanged.' });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form onSubmit={handleSubmit} aria-busy={busy}>
        <PasswordField label="Current password" name="current" autoComplete="current-password" value={current} onChange={setCurrent} />
        <PasswordField label="New password" name="new" autoComplete="new-password" value={next} onChange={setNext} />
        <label className="check">
          <input type="checkbox" checked={others} onChange={(e) => setOthers(e.target.checked)} /> Log out my other sessions
        </label>
        {status && <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'success' : 'error'}>{status.text}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Changing…' : 'Change password'}</button>
      </form>
    </section>
  );
}
