import { useEffect, useState } from 'react';
import type { SigningPublicKey } from '@coffre/crypto';
import { errorMessage } from '../../components/errorMessage.ts';
import { contactSafetyNumber, trustContactKeys } from '../../keys/lookUpContact.client.ts';

/**
 * The 12 words to compare with someone, out of band, to know the server did
 * not swap their keys. When their keys changed since this device pinned them,
 * sharing stays blocked until the user confirms they compared the new words.
 */
export function SafetyNumberPanel({ mine, username, changed, onTrusted, onClose }: { mine: SigningPublicKey; username: string; changed: boolean; onTrusted(): void; onClose(): void }) {
  const [words, setWords] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    contactSafetyNumber(mine, username).then(setWords, (e) => setError(errorMessage(e)));
  }, [mine, username]);
  return (
    <div className={`safety-panel${changed ? ' warn' : ''}`} role={changed ? 'alert' : 'region'} aria-label={`Safety number with ${username}`}>
      {changed ? (
        <p>
          <strong>{username}’s keys changed</strong> since you last shared with them. That happens when they reset their account — or when someone is trying to
          read what you share. Compare these words with {username} in person or by phone before you go on.
        </p>
      ) : (
        <p>Compare these words with {username} in person or by phone. If they match on both screens, you hold each other’s real keys.</p>
      )}
      {error && <p className="error">{error}</p>}
      {words && <p className="safety-words" data-testid="safety-words">{words.join(' ')}</p>}
      <div className="row">
        {changed && (
          <button
            type="button"
            disabled={!words}
            onClick={() => trustContactKeys(username).then(onTrusted, (e) => setError(errorMessage(e)))}
          >
            The words match: trust the new keys
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>{changed ? 'Cancel' : 'Close'}</button>
      </div>
    </div>
  );
}
