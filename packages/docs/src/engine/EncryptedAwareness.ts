import { fromBase64Url, toBase64Url, utf8Decode, utf8Encode } from '@coffre/crypto';
import { Awareness } from 'y-protocols/awareness';
import type { EncryptedDocSession } from './EncryptedDocSession.ts';

/** What the relay sees of a client's presence: one sealed, signed blob. */
type WireState = { e?: string };

const LOCAL = 'local';
const REMOTE = 'coffre-remote';

/**
 * Presence for editors (names, colours, cursors) over the relay's awareness,
 * encrypted and signed per session. `awareness` is a plain y-protocols
 * Awareness on the plaintext document, for editor bindings; remote states
 * appear in it only after they verify and decrypt. Nothing is sent while no
 * one else is present, and sends are throttled.
 */
export class EncryptedAwareness {
  readonly awareness: Awareness;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastSent = 0;
  private readonly remoteIds = new Map<number, number>();
  private readonly offLocal: () => void;
  private readonly offTransport: () => void;

  constructor(
    private readonly session: EncryptedDocSession,
    private readonly transport: Awareness,
    private readonly throttleMs = 100,
  ) {
    this.awareness = new Awareness(session.doc);
    const onLocal = (_: unknown, origin: unknown) => {
      if (origin === LOCAL) this.schedule();
    };
    this.awareness.on('update', onLocal);
    this.offLocal = () => this.awareness.off('update', onLocal);
    const onTransport = () => this.readRemote();
    transport.on('change', onTransport);
    this.offTransport = () => transport.off('change', onTransport);
    this.readRemote();
  }

  /** Other sessions currently present (verified). */
  get othersPresent(): boolean {
    return this.remoteIds.size > 0;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.offLocal();
    this.offTransport();
    this.transport.setLocalState(null);
    this.awareness.destroy();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastSent + this.throttleMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.send();
    }, wait);
  }

  private send(): void {
    const state = this.awareness.getLocalState();
    if (!state) {
      this.transport.setLocalState(null);
      return;
    }
    if (!this.othersPresent) {
      this.transport.setLocalState({}); // present, but nothing worth sealing for an empty room
      return;
    }
    this.lastSent = Date.now();
    const sealed = this.session.sealPresence(utf8Encode(JSON.stringify(state)));
    this.transport.setLocalState({ e: toBase64Url(sealed) } satisfies WireState);
  }

  private readRemote(): void {
    const added: number[] = [];
    const updated: number[] = [];
    const removed: number[] = [];
    const present = new Set<number>();
    const wasAlone = !this.othersPresent;
    for (const [clientId, raw] of this.transport.getStates()) {
      if (clientId === this.transport.clientID) continue;
      present.add(clientId);
      const wire = raw as WireState;
      if (typeof wire.e !== 'string') {
        if (!this.remoteIds.has(clientId)) this.remoteIds.set(clientId, clientId);
        continue;
      }
      let opened: ReturnType<EncryptedDocSession['openPresence']> = null;
      try {
        opened = this.session.openPresence(fromBase64Url(wire.e));
      } catch {
        opened = null;
      }
      if (!opened) continue; // replay, forgery or garbage: keep the last good state
      let state: Record<string, unknown>;
      try {
        state = JSON.parse(utf8Decode(opened.state));
      } catch {
        continue;
      }
      const had = this.awareness.states.has(clientId);
      this.awareness.states.set(clientId, state);
      this.awareness.meta.set(clientId, { clock: 0, lastUpdated: Date.now() });
      this.remoteIds.set(clientId, clientId);
      (had ? updated : added).push(clientId);
    }
    for (const clientId of [...this.remoteIds.keys()]) {
      if (present.has(clientId)) continue;
      this.remoteIds.delete(clientId);
      if (this.awareness.states.delete(clientId)) removed.push(clientId);
    }
    if (added.length || updated.length || removed.length) this.awareness.emit('change', [{ added, updated, removed }, REMOTE]);
    if (wasAlone && this.othersPresent) this.schedule(); // someone arrived: show them where we are
  }
}
