import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { apiFetch } from '../../api/apiFetch.ts';
import type { SessionInfo } from '../../api/wire.ts';
import { errorMessage } from '../../components/errorMessage.ts';
import { clearKeyCaches } from '../../keys/unlockedAccount.client.ts';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function SessionsSection() {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();

  const load = useCallback(() => {
    apiFetch<SessionInfo[]>('/account/sessions').then(setSessions, (e) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  async function handleRevoke(s: SessionInfo) {
    try {
      await apiFetch(`/account/sessions/${encodeURIComponent(s.sessionId)}/revoke`, {});
      if (s.current) {
        clearKeyCaches();
        navigate('/login', { replace: true });
      } else load();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions</h2>
      {error && <p role="alert" className="error">{error}</p>}
      {!sessions ? (
        <p className="muted">Loading…</p>
      ) : (
        <ul className="sessions" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.sessionId}>
              <div>
                <strong>{s.label}</strong> {s.current && <span className="badge">This device</span>}
                <div className="muted small">Signed in {when(s.createdAt)} · last active {when(s.lastSeenAt)}</div>
              </div>
              <button type="button" className="secondary" onClick={() => handleRevoke(s)}>{s.current ? 'Log out' : 'Revoke'}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
