import { fingerprint } from '@coffre/crypto';
import { useUnlockedAccount } from '../../keys/useUnlockedAccount.ts';

/** Username and public key fingerprint, for comparing with contacts out of band. */
export function IdentitySection() {
  const account = useUnlockedAccount();
  if (!account) return null;
  return (
    <section className="panel" aria-labelledby="identity-title">
      <h2 id="identity-title">Account</h2>
      <dl className="facts-list">
        <dt>Username</dt>
        <dd>{account.username}</dd>
        <dt>Public key fingerprint</dt>
        <dd><code data-testid="fingerprint">{fingerprint(account.bundle)}</code></dd>
      </dl>
      <p className="muted small">People you share with can compare this fingerprint with what Coffre shows them to be sure no one swapped your keys.</p>
    </section>
  );
}
