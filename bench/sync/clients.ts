import { createHash, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createPublicBundle, generateIdentity, generateSymmetricKey, initCrypto, type Identity, type SymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, connectHocuspocus, type CompactionPolicy, type HocuspocusConnection, type IntegrityEvent } from '@coffre/docs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { SetupUser } from './serverChild.ts';
import { benchKeys } from './benchKeys.ts';

export const now = () => performance.now();

export type BenchUser = { setup: SetupUser; cookie: string; identity: Identity };

/** An account, its public bundle and a session cookie; the server child writes the rows (ServerProcess.setup). */
export async function createBenchUser(name: string): Promise<BenchUser> {
  await initCrypto();
  const userId = `u${randomBytes(8).toString('hex')}`;
  const username = `${name}-${userId}`;
  const identity = generateIdentity();
  const publicBundle = createPublicBundle(identity, { userId, username, createdAt: Date.now() });
  const token = randomBytes(32).toString('base64url');
  const tokenHash = new Uint8Array(createHash('sha256').update(token).digest());
  return { setup: { userId, username, publicBundle, tokenHash }, cookie: `coffre_session=${token}`, identity };
}

export function newDocKey(): SymmetricKey {
  return generateSymmetricKey();
}

/**
 * What the frame being handled right now looked like on arrival. Every
 * client of this process shares one event loop, so without care a frame
 * would wait behind the handling of every frame the other simulated clients
 * received in the same poll, and even its arrival could not be seen until
 * they were done. The bench socket therefore stamps each frame the moment
 * `ws` emits it and queues it; the queue hands over one frame per turn of
 * the event loop (setImmediate), so the loop polls the sockets again, and
 * stamps what arrived, between any two frames. A listener that runs during a
 * hand-over reads the stamps here.
 */
export const dispatch: { current: { arrival: number; start: number } | null } = { current: null };

const handOvers: Array<() => void> = [];
let pumping = false;
function pump(): void {
  try {
    handOvers.shift()?.();
  } finally {
    if (handOvers.length > 0) setImmediate(pump);
    else pumping = false;
  }
}
function handOver(job: () => void): void {
  handOvers.push(job);
  if (!pumping) {
    pumping = true;
    setImmediate(pump);
  }
}

type Listener = (ev: unknown) => void;

/**
 * A `ws` WebSocket that sends the session cookie with the upgrade (as a
 * browser does) and stamps incoming frames (see `dispatch`).
 */
export function benchSocket(cookie: string | null): typeof globalThis.WebSocket {
  class BenchSocket extends WebSocket {
    private readonly wrapped = new Map<Listener, Listener>();
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const proto = BenchSocket.prototype as unknown as {
    wrapped: Map<Listener, Listener>;
    addEventListener(type: string, listener: Listener, options?: unknown): void;
    removeEventListener(type: string, listener: Listener): void;
  };
  const base = WebSocket.prototype as unknown as typeof proto;
  proto.addEventListener = function (this: typeof proto, type, listener, options) {
    if (type !== 'message') return base.addEventListener.call(this, type, listener, options);
    const wrapper: Listener = (ev) => {
      const arrival = now();
      handOver(() => {
        if (this.wrapped.get(listener) !== wrapper) return; // removed meanwhile
        const prev = dispatch.current;
        dispatch.current = { arrival, start: now() };
        try {
          listener(ev);
        } finally {
          dispatch.current = prev;
        }
      });
    };
    this.wrapped.set(listener, wrapper);
    base.addEventListener.call(this, type, wrapper, options);
  };
  proto.removeEventListener = function (this: typeof proto, type, listener) {
    const wrapper = type === 'message' ? this.wrapped.get(listener) : undefined;
    if (wrapper) this.wrapped.delete(listener);
    base.removeEventListener.call(this, type, wrapper ?? listener);
  };
  return BenchSocket as unknown as typeof globalThis.WebSocket;
}

type NetEvent = { ev: 'open'; id: number } | { ev: 'message'; id: number; data: ArrayBuffer; at: number } | { ev: 'close'; id: number; code: number; reason: string } | { ev: 'error'; id: number; message: string };
type NetSocketLike = { readyState: number; emit(type: string, ev: unknown): void };

let net: { worker: Worker; sockets: Map<number, NetSocketLike>; nextId: number } | null = null;
function netThread(): NonNullable<typeof net> {
  if (net) return net;
  const worker = new Worker(new URL('./netThread.mjs', import.meta.url));
  const sockets = new Map<number, NetSocketLike>();
  worker.on('message', (m: NetEvent) => {
    const s = sockets.get(m.id);
    if (!s) return;
    if (m.ev === 'open') {
      s.readyState = 1;
      s.emit('open', {});
    } else if (m.ev === 'message') {
      // The network thread's stamp, on this thread's clock.
      const arrival = m.at - performance.timeOrigin;
      handOver(() => {
        const prev = dispatch.current;
        dispatch.current = { arrival, start: now() };
        try {
          s.emit('message', { data: m.data });
        } finally {
          dispatch.current = prev;
        }
      });
    } else if (m.ev === 'close') {
      s.readyState = 3;
      sockets.delete(m.id);
      s.emit('close', { code: m.code, reason: m.reason });
    } else {
      s.emit('error', new Error(m.message));
    }
  });
  worker.unref(); // after the 'message' listener: adding one refs the worker's port again, and the bench would never exit
  return (net = { worker, sockets, nextId: 1 });
}

/**
 * A WebSocket whose connection lives in the receivers' network thread (netThread.mjs): frames are
 * stamped there on arrival, as a device of its own would see them, and handed to this thread one
 * per event-loop turn (see `dispatch`). What the Hocuspocus provider uses of a WebSocket, no more.
 */
export function netSocket(cookie: string | null): typeof globalThis.WebSocket {
  class NetSocket implements NetSocketLike {
    readyState = 0;
    binaryType = 'arraybuffer';
    private readonly id: number;
    private readonly listeners = new Map<string, Set<Listener>>();
    constructor(url: string) {
      const t = netThread();
      this.id = t.nextId++;
      t.sockets.set(this.id, this);
      t.worker.postMessage({ op: 'open', id: this.id, url, cookie });
    }
    addEventListener(type: string, l: Listener): void {
      if (!this.listeners.has(type)) this.listeners.set(type, new Set());
      this.listeners.get(type)!.add(l);
    }
    removeEventListener(type: string, l: Listener): void {
      this.listeners.get(type)?.delete(l);
    }
    emit(type: string, ev: unknown): void {
      for (const l of [...(this.listeners.get(type) ?? [])]) l(ev);
    }
    send(data: Uint8Array): void {
      if (this.readyState === 1) netThread().worker.postMessage({ op: 'send', id: this.id, data });
    }
    close(code?: number, reason?: string): void {
      if (this.readyState >= 2) return;
      this.readyState = 2;
      netThread().worker.postMessage({ op: 'close', id: this.id, code, reason });
    }
  }
  return NetSocket as unknown as typeof globalThis.WebSocket;
}

export type CoffreClient = {
  session: EncryptedDocSession;
  conn: HocuspocusConnection;
  synced: Promise<void>;
  errors: IntegrityEvent[];
  destroy(): void;
};

/** The product's client path: EncryptedDocSession + connectHocuspocus over a cookie-sending socket. */
export function openCoffreClient(opts: {
  url: string;
  user: BenchUser;
  docId: string;
  key: SymmetricKey;
  batchMs: number;
  compaction?: CompactionPolicy | false;
  canWrite?: boolean;
  /** Defaults to benchSocket (this thread); netSocket for the fan-out's receivers. */
  socket?: (cookie: string | null) => typeof globalThis.WebSocket;
}): CoffreClient {
  const session = new EncryptedDocSession({ docId: opts.docId, keys: benchKeys(opts.key), identity: opts.user.identity, batchMs: opts.batchMs });
  const errors: IntegrityEvent[] = [];
  session.onIntegrityError((e) => errors.push(e));
  const conn = connectHocuspocus(session, {
    url: opts.url,
    WebSocketPolyfill: (opts.socket ?? benchSocket)(opts.user.cookie),
    ...(opts.compaction !== undefined ? { compaction: opts.compaction } : {}),
    ...(opts.canWrite !== undefined ? { canWrite: opts.canWrite } : {}),
  });
  const synced = new Promise<void>((resolve, reject) => {
    const off = conn.onStatus((s) => {
      if (s === 'synced') (off(), resolve());
      if (s === 'denied') (off(), reject(new Error(`connection to ${opts.docId} denied`)));
    });
  });
  return {
    session,
    conn,
    synced,
    errors,
    destroy() {
      conn.destroy();
      session.destroy();
    },
  };
}

export type PlainClient = { doc: Y.Doc; provider: HocuspocusProvider; synced: Promise<void>; destroy(): void };

/** A plain Hocuspocus client: a Y.Doc synced as is (with a session cookie: the envelope document, as the server has it). */
export function openPlainClient(url: string, docName: string, cookie: string | null = null, socketFor: (cookie: string | null) => typeof globalThis.WebSocket = benchSocket): PlainClient {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: socketFor(cookie) });
  let resolve!: () => void;
  const synced = new Promise<void>((r) => (resolve = r));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: doc, onSynced: () => resolve() });
  provider.attach();
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

/** Opens clients `batch` at a time (so the server is not hit by hundreds of upgrades at once); all must sync within `timeoutMs`. */
export async function openMany<T extends { synced: Promise<void> }>(n: number, batch: number, open: (i: number) => T, timeoutMs = 60_000): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += batch) {
    const group = Array.from({ length: Math.min(batch, n - i) }, (_, j) => open(i + j));
    out.push(...group);
    await withTimeout(Promise.all(group.map((c) => c.synced)), timeoutMs, `clients ${i}..${i + group.length - 1} did not sync`);
  }
  return out;
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `cond()` holds (checked every `everyMs`), or false after `timeoutMs`. */
export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const end = now() + timeoutMs;
  while (now() < end) {
    if (await cond()) return true;
    await sleep(everyMs);
  }
  return await cond();
}

export type Crowd = {
  /** Opens `n` more receivers, `batch` at a time; all must sync within `timeoutMs`. */
  add(n: number, batch?: number, timeoutMs?: number): Promise<void>;
  /** How many receivers were opened. */
  readonly size: number;
  /** Forgets the arrivals stamped so far. */
  reset(): void;
  /** Per receiver, in the order opened, when each sync update frame since the last reset arrived (this thread's clock, ms). */
  collect(): Promise<number[][]>;
  close(): void;
};

/**
 * Protocol-level receivers in a thread of their own (crowdThread.mjs): they authenticate, sync, and
 * stamp each update frame's arrival, and open nothing.
 */
export function createCrowd(o: { url: string; doc: string; cookie: string | null; token: string }): Crowd {
  const worker = new Worker(new URL('./crowdThread.mjs', import.meta.url));
  const waiting = new Map<number, { resolve(): void; reject(e: Error): void }>();
  let collecting: ((s: Record<number, number[]>) => void) | null = null;
  let size = 0;
  worker.on('message', (m: { ev: 'synced'; id: number } | { ev: 'failed'; id: number; why: string } | { ev: 'stamps'; stamps: Record<number, number[]> }) => {
    if (m.ev === 'stamps') collecting?.(m.stamps);
    else if (m.ev === 'synced') waiting.get(m.id)?.resolve();
    else waiting.get(m.id)?.reject(new Error(`crowd receiver ${m.id}: ${m.why}`));
  });
  return {
    get size() {
      return size;
    },
    async add(n, batch = 25, timeoutMs = 60_000) {
      for (let i = 0; i < n; i += batch) {
        const group = Array.from({ length: Math.min(batch, n - i) }, () => {
          const id = size++;
          const synced = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
          worker.postMessage({ op: 'open', id, url: o.url, cookie: o.cookie, doc: o.doc, token: o.token });
          return synced;
        });
        await withTimeout(Promise.all(group), timeoutMs, `crowd receivers did not sync`);
      }
    },
    reset: () => worker.postMessage({ op: 'reset' }),
    collect: () =>
      new Promise((resolve) => {
        collecting = (s) => {
          collecting = null;
          resolve(Array.from({ length: size }, (_, id) => (s[id] ?? []).map((at) => at - performance.timeOrigin)));
        };
        worker.postMessage({ op: 'collect' });
      }),
    close() {
      worker.postMessage({ op: 'close' });
      worker.unref();
      setTimeout(() => void worker.terminate(), 500).unref();
    },
  };
}
