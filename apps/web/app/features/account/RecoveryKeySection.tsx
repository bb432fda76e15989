import { useState } from 'react';
import { PasswordField } from '../../components/PasswordField.tsx';
import { errorMessage } from '../../components/errorMessage.ts';
import { replaceRecoveryKey } from '../../keys/replaceRecoveryKey.client.ts';
import { useUnlockedAccount } from '../../keys/useUnlockedAccount.ts';
import { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';

/** Recovery keys are never shown again; a lost one is replaced by a new one. */
export function RecoveryKeySection() {
  const account = useUnlockedAccount();
  const [password, setPassword] = useState('');
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setFresh(await replaceRecoveryKey(password));
      setPassword('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="recovery-section-title">
      <h2 id="recovery-section-title">Recovery key</h2>
      {fresh && account ? (
        <RecoveryKeyPanel recoveryKey={fresh} username={account.username} onDone={() => setFresh(null)} />
      ) : (
        <form onSubmit={handleSubmit} aria-busy={busy}>
          <p className="muted">Your recovery key was shown once, when you signed up. If you lost it, make a new one; the old one stops working at once.</p>
          <PasswordField label="Current password" name="recovery-password" autoComplete="current-password" value={password} onChange={setPassword} />
          {error && <p role="alert" className="error">{error}</p>}
          <button type="submit" className="secondary" disabled={busy}>{busy ? 'Working…' : 'Make a new recovery key'}</button>
        </form>
      )}
    </section>
  );
}
