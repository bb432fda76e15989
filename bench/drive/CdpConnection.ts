import WebSocket from 'ws';

type Pending = { resolve(v: unknown): void; reject(e: Error): void; method: string };
type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

/**
 * A bare Chrome DevTools Protocol connection (flat sessions): commands and
 * events, nothing enabled unless asked. The drive benchmark times transfers
 * through it rather than through Playwright, whose Network domain makes
 * Chromium copy every request body into a DevTools event: with it, a 4 MiB
 * PUT took 1.5–3 s instead of about 0.1 s here (README, "How the drive
 * benchmark measures").
 */
export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; method?: string; params?: Record<string, unknown>; result?: unknown; error?: { message: string }; sessionId?: string };
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
        return;
      }
      for (const fn of this.listeners.get(msg.method ?? '') ?? []) fn(msg.params ?? {}, msg.sessionId);
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.method}: the DevTools connection closed`));
      this.pending.clear();
    });
  }

  static async open(url: string): Promise<CdpConnection> {
    // CPU profiles of a long upload run to tens of MiB.
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1024 * 2 ** 20 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new CdpConnection(ws);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }));
    });
  }

  /** Calls `fn` for every `method` event; returns the unsubscribe. */
  on(method: string, fn: Listener): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  close(): void {
    this.ws.close();
  }
}
