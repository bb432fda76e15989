import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import * as Y from 'yjs';

// Hocuspocus 3 wire messages: varString document name ‖ varUint type ‖ body.
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const MESSAGE_STATELESS = 5;
// y-protocols sync body: varUint step ‖ varUint8Array update (V1).
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

type Frame = { doc: string; type: number; body: Uint8Array };
type Socket = { client: WebSocketRoute; server: WebSocketRoute; docs: Set<string> };

function readFrame(message: string | Buffer): Frame | null {
  if (typeof message === 'string') return null;
  const d = decoding.createDecoder(new Uint8Array(message));
  const doc = decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  return { doc, type, body: decoding.readTailAsUint8Array(d) };
}

function writeFrame(doc: string, type: number, write: (e: encoding.Encoder) => void): Buffer {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  write(e);
  return Buffer.from(encoding.toUint8Array(e));
}

function withBody(frame: Frame, doc: string): Buffer {
  return writeFrame(doc, frame.type, (e) => encoding.writeUint8Array(e, frame.body));
}

/** The Yjs update a sync message carries (step 2 or update), or null. */
function syncUpdate(frame: Frame): Uint8Array | null {
  if (frame.type !== MESSAGE_SYNC && frame.type !== MESSAGE_SYNC_REPLY) return null;
  const d = decoding.createDecoder(frame.body);
  const step = decoding.readVarUint(d);
  return step === SYNC_STEP_2 || step === SYNC_UPDATE ? decoding.readVarUint8Array(d) : null;
}

/**
 * A hostile collab server in front of the real one: every WebSocket of the
 * page goes through here (Playwright's routeWebSocket). Honest by default
 * (frames forwarded as they are); a test mounts an attack by setting `swap`,
 * `dropWrites` or `rewriteStateless`, or by `inject`ing changes into what a
 * document's readers receive. It keeps a copy ("shadow") of each envelope
 * document as the server sent it, so injected changes build on real state.
 */
export class HostileCollab {
  /** Client document name → the server document answered in its place. */
  readonly swap = new Map<string, string>();
  /** Documents whose sync writes from the client are dropped (a server that does not apply them). */
  readonly dropWrites = new Set<string>();
  /** Rewrites a stateless message (snapshots) the server sends for a document; return null to drop it. */
  rewriteStateless: ((doc: string, payload: string) => string | null) | null = null;
  /** Every sync write the client sent, by (client-side) document name, whether forwarded or not. */
  readonly writesSent: string[] = [];
  private readonly shadows = new Map<string, Y.Doc>();
  private readonly sockets = new Set<Socket>();

  static async install(target: Page | BrowserContext): Promise<HostileCollab> {
    const h = new HostileCollab();
    await target.routeWebSocket(/^wss?:\/\//, (client) => h.attach(client));
    return h;
  }

  private attach(client: WebSocketRoute): void {
    const server = client.connectToServer();
    const socket: Socket = { client, server, docs: new Set() };
    this.sockets.add(socket);
    const back = new Map<string, string>();
    client.onMessage((message) => {
      const f = readFrame(message);
      if (!f) return server.send(message);
      socket.docs.add(f.doc);
      if (syncUpdate(f)) {
        this.writesSent.push(f.doc);
        if (this.dropWrites.has(f.doc)) return;
      }
      const to = this.swap.get(f.doc);
      if (!to) return server.send(message);
      back.set(to, f.doc);
      server.send(withBody(f, to));
    });
    server.onMessage((message) => {
      const f = readFrame(message);
      if (!f) return client.send(message);
      const doc = back.get(f.doc) ?? f.doc;
      const update = syncUpdate(f);
      // The shadow is of the document the server sent, not of the one the client asked for: what a swap
      // answered must not leak into the asked document's shadow (an injection built on it would depend on
      // items the client never had, and wait for them forever).
      if (update) Y.applyUpdate(this.shadow(f.doc), update);
      if (f.type === MESSAGE_STATELESS && this.rewriteStateless) {
        const payload = this.rewriteStateless(doc, decoding.readVarString(decoding.createDecoder(f.body)));
        if (payload === null) return;
        return client.send(writeFrame(doc, MESSAGE_STATELESS, (e) => encoding.writeVarString(e, payload)));
      }
      client.send(doc === f.doc ? message : withBody(f, doc));
    });
    client.onClose(() => this.sockets.delete(socket));
  }

  private shadow(doc: string): Y.Doc {
    let s = this.shadows.get(doc);
    if (!s) {
      s = new Y.Doc();
      this.shadows.set(doc, s);
    }
    return s;
  }

  /** The envelope log of a document as the server last sent it. */
  log(doc: string): Uint8Array[] {
    return this.shadow(doc).getArray<Uint8Array>('log').toArray();
  }

  /** The server-written `meta` map of a document as last sent. */
  meta(doc: string): Record<string, unknown> {
    return this.shadow(doc).getMap('meta').toJSON();
  }

  /**
   * Changes a document as the server would (a forged append to `log`, a
   * rewritten `meta`) and sends the change to every open connection of it.
   * Returns how many connections received it.
   */
  inject(doc: string, change: (shadow: Y.Doc) => void): number {
    const shadow = this.shadow(doc);
    const before = Y.encodeStateVector(shadow);
    shadow.transact(() => change(shadow));
    const update = Y.encodeStateAsUpdate(shadow, before);
    let sent = 0;
    for (const s of this.sockets) {
      if (!s.docs.has(doc)) continue;
      s.client.send(writeFrame(doc, MESSAGE_SYNC, (e) => {
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, update);
      }));
      sent++;
    }
    return sent;
  }

  /** Closes every open connection, as a restarting server would: the pages reconnect and sync again. */
  async disconnectAll(): Promise<void> {
    await Promise.all([...this.sockets].map((s) => s.client.close({ code: 1012, reason: 'restart' })));
  }

  /** Back to an honest server: forwards everything unchanged from now on. */
  stop(): void {
    this.swap.clear();
    this.dropWrites.clear();
    this.rewriteStateless = null;
  }
}
