import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Brand } from '../components/Brand.tsx';
import { PasswordField } from '../components/PasswordField.tsx';
import { errorMessage } from '../components/errorMessage.ts';
import { logIn } from '../keys/logIn.client.ts';

export function meta() {
  return [{ title: 'Sign in — Coffre' }];
}

export default function LogIn() {
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await logIn(username, password);
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
        <h1>Sign in</h1>
        <div className="field">
          <label htmlFor="username">Username</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <PasswordField label="Password" name="password" autoComplete="current-password" value={password} onChange={setPassword} />
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" disabled={busy}>{busy ? 'Unlocking…' : 'Sign in'}</button>
        <p className="muted small">
          <Link to="/recover">Forgot your password?</Link> · <Link to="/signup">Create an account</Link>
        </p>
      </form>
    </main>
  );
}
