import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Brand } from '../components/Brand.tsx';
import { MIN_PASSWORD_LENGTH, PasswordField } from '../components/PasswordField.tsx';
import { RecoveryKeyPanel } from '../features/account/RecoveryKeyPanel.tsx';
import { errorMessage } from '../components/errorMessage.ts';
import { signUp } from '../keys/signUp.client.ts';

export function meta() {
  return [{ title: 'Create account — Coffre' }];
}

export default function SignUp() {
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  async function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (password.length < MIN_PASSWORD_LENGTH) return setError(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (password !== confirm) return setError('The two passwords differ.');
    setBusy(true);
    try {
      setRecoveryKey((await signUp(username, password)).recoveryKey);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  if (recoveryKey) {
    return (
      <main className="auth-page">
        <div className="card wide">
          <Brand small />
          <RecoveryKeyPanel recoveryKey={recoveryKey} username={username} onDone={() => navigate('/drive')} />
        </div>
      </main>
    );
  }

  return (
    <main className="auth-page">
      <form className="card" onSubmit={handleSubmit} aria-busy={busy}>
        <Brand small />
        <h1>Create your account</h1>
        <p className="muted">Your password is never sent to the server. If you lose it, only your recovery key can get you back in.</p>
        <div className="field">
          <label htmlFor="username">Username</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <PasswordField label="Password" name="password" autoComplete="new-password" value={password} onChange={setPassword} />
        <PasswordField label="Repeat password" name="confirm" autoComplete="new-password" value={confirm} onChange={setConfirm} />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Creating your keys…' : 'Create account'}</button>
        <p className="muted small">Already have an account? <Link to="/login">Sign in</Link></p>
      </form>
    </main>
  );
}
