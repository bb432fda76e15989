import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Brand } from '../components/Brand.tsx';
import { MIN_PASSWORD_LENGTH, PasswordField } from '../components/PasswordField.tsx';
import { errorMessage } from '../components/errorMessage.ts';
import { recoverAccount } from '../keys/recoverAccount.client.ts';

export function meta() {
  return [{ title: 'Reset password — Coffre' }];
}

export default function Recover() {
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    if (password.length < MIN_PASSWORD_LENGTH) return setError(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
    setBusy(true);
    try {
      await recoverAccount(username, recoveryKey, password);
      navigate('/drive');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page">
      <form className="card" onSubmit={handleSubmit} aria-busy={busy}>
        <Brand small />
        <h1>Reset your password</h1>
        <p className="muted">Use the recovery key you saved when you created your account. Your files stay encrypted and intact; every other device is signed out.</p>
        <div className="field">
          <label htmlFor="username">Username</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="recovery-key">Recovery key</label>
          <textarea id="recovery-key" name="recoveryKey" rows={3} required spellCheck={false} autoComplete="off" value={recoveryKey} onChange={(e) => setRecoveryKey(e.target.value)} />
        </div>
        <PasswordField label="New password" name="password" autoComplete="new-password" value={password} onChange={setPassword} />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Resetting…' : 'Set new password'}</button>
        <p className="muted small"><Link to="/login">Back to sign in</Link></p>
      </form>
    </main>
  );
}
