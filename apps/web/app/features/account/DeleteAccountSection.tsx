import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PasswordField } from '../../components/PasswordField.tsx';
import { errorMessage } from '../../components/errorMessage.ts';
import { deleteAccount } from '../../keys/deleteAccount.client.ts';

export function DeleteAccountSection() {
  const [password, setPassword] = useState('');
  const [confirmText, setConfirmText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  async function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await deleteAccount(password);
      navigate('/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel danger" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete account</h2>
      <form onSubmit={handleSubmit} aria-busy={busy}>
        <p className="muted">This deletes your account and everything only you can decrypt. It cannot be undone.</p>
        <PasswordField label="Current password" name="delete-password" autoComplete="current-password" value={password} onChange={setPassword} />
        <div className="field">
          <label htmlFor="delete-confirm">Type DELETE to confirm</label>
          <input id="delete-confirm" value={confirmText} onChange={(e) => setConfirmText(e.target.value)} autoComplete="off" />
        </div>
        {error && <p role="alert" className="error">{error}</p>}
        <button type="submit" className="danger" disabled={busy || confirmText !== 'DELETE'}>{busy ? 'Deleting…' : 'Delete my account'}</button>
      </form>
    </section>
  );
}
