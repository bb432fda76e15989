import { fromBase64Url, toBase64Url } from '@coffre/crypto';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { ENVELOPE } from '../wire/envelopeLayout.ts';
import type { CompactionPolicy } from './connectHocuspocus.ts';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';

type Incoming = { t: 'snap'; id: string; b: string } | { t: 'snap-ack'; id: string } | { t: 'snap-err'; code: string };

/**
 * Fetches the snapshots a session asks for, and compacts: when the log
 * grows past the policy, after a random delay (so writers do not all try at
 * once), this writer uploads a snapshot; the server's compare-and-swap picks
 * one winner and the others simply see the new snapshot arrive.
 */
export function bindSnapshots(session: EncryptedDocSession, provider: HocuspocusProvider, policy: CompactionPolicy | null, canWrite: boolean): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let sent: Uint8Array | null = null;
  const log = session.envelope.getArray<Uint8Array>(ENVELOPE.LOG);

  const offWanted = session.onSnapshotWanted((id) => provider.sendStateless(JSON.stringify({ t: 'snap-get', id })));

  const onStateless = ({ payload }: { payload: string }) => {
    let msg: Incoming;
    try {
      msg = JSON.parse(payload) as Incoming;
    } catch {
      return;
    }
    if (msg.t === 'snap' && typeof msg.b === 'string') session.receiveSnapshot(fromBase64Url(msg.b));
    // Our own snapshot won: adopt it without fetching it back.
    if (msg.t === 'snap-ack' && sent) session.receiveSnapshot(sent);
    if (msg.t === 'snap-ack' || msg.t === 'snap-err') {
      inFlight = false;
      sent = null;
    }
  };
  provider.on('stateless', onStateless);

  const logBytes = () => log.toArray().reduce((n, b) => n + b.length, 0);
  const due = () => policy !== null && (log.length >= policy.afterEnvelopes || logBytes() >= policy.afterBytes);
  const attempt = () => {
    timer = null;
    if (inFlight || !due()) return;
    // Only what the server has acknowledged may be covered: wait until everything is sent.
    if (!provider.isSynced || provider.hasUnsyncedChanges || session.hasPendingLocalChanges) {
      timer = setTimeout(attempt, 250);
      return;
    }
    const bytes = session.buildSnapshot();
    if (!bytes) return;
    inFlight = true;
    sent = bytes;
    setTimeout(() => (inFlight = false), 30_000); // no answer (connection lost): allow another try
    provider.sendStateless(JSON.stringify({ t: 'snap-put', b: toBase64Url(bytes) }));
  };
  const onLog = () => {
    if (!canWrite || timer || inFlight || !due()) return;
    timer = setTimeout(attempt, Math.random() * (policy?.jitterMs ?? 0));
  };
  log.observe(onLog);

  return () => {
    offWanted();
    provider.off('stateless', onStateless);
    log.unobserve(onLog);
    if (timer) clearTimeout(timer);
  };
}
