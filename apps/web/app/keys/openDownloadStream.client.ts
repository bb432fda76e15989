import { randomBytes, toBase64Url } from '@coffre/crypto';
import { DOWNLOAD_STREAM_PATH, downloadWorker } from './downloadWorker.client.ts';

/** Where the page writes a download that the browser saves as it arrives. */
export type DownloadSink = {
  /** Waits until the browser asks for more (backpressure), then hands `bytes` on; the bytes are transferred, not copied. @throws DownloadCancelled */
  write(bytes: Uint8Array): Promise<void>;
  /** Finishes the file. @throws DownloadCancelled */
  close(): Promise<void>;
  /** Fails the download: the browser discards what it has written. */
  abort(): void;
};

/** The person cancelled the download in the browser's own download list. */
export class DownloadCancelled extends Error {
  constructor() {
    super('The download was cancelled.');
    this.name = 'DownloadCancelled';
  }
}

const HANDSHAKE_TIMEOUT_MS = 10_000;
// The worker may be stopped when idle; a message every few seconds keeps it for a long download,
// and tells it this page is still there (it fails a download whose page went silent).
const KEEPALIVE_MS = 10_000;
// The hidden frame that started the download is removed once the browser no longer needs it.
const FRAME_LINGER_MS = 5_000;

/**
 * Starts a download named `safeName` (already made safe by
 * `safeDownloadName`) that is written to disk as the page supplies it,
 * relayed by the same-origin service worker at a one-time random URL that
 * carries no key. Resolves to null where that is not possible (no service
 * worker, or the browser did not fetch the URL through it): nothing has
 * started then, and the caller saves a Blob instead.
 */
export async function openDownloadStream(safeName: string, size: number | null): Promise<DownloadSink | null> {
  const worker = await downloadWorker();
  if (!worker) return null;
  const id = toBase64Url(randomBytes(16));
  const { port1: port, port2 } = new MessageChannel();
  let frame: HTMLIFrameElement | null = null;
  let keepalive: ReturnType<typeof setInterval> | undefined;
  let pulls = 0;
  let cancelled = false;
  let wake: (() => void) | null = null;
  let ready!: () => void;
  let started!: () => void;
  const readyP = new Promise<void>((r) => (ready = r));
  const startedP = new Promise<void>((r) => (started = r));
  port.onmessage = (event: MessageEvent<{ type?: string }>) => {
    const type = event.data?.type;
    if (type === 'ready') ready();
    else if (type === 'started') started();
    else if (type === 'pull') pulls++;
    else if (type === 'cancel') cancelled = true;
    const next = wake;
    wake = null;
    next?.();
  };
  worker.postMessage({ type: 'open', id, name: safeName, size }, [port2]);
  if (!(await within(readyP, HANDSHAKE_TIMEOUT_MS))) return close(null);
  frame = document.createElement('iframe');
  frame.hidden = true;
  frame.src = `${DOWNLOAD_STREAM_PATH}${id}`;
  document.body.append(frame);
  if (!(await within(startedP, HANDSHAKE_TIMEOUT_MS))) return close(null);
  keepalive = setInterval(() => {
    worker.postMessage({ type: 'ping' });
    port.postMessage({ type: 'alive' });
  }, KEEPALIVE_MS);

  function close<T>(value: T): T {
    clearInterval(keepalive);
    port.onmessage = null;
    setTimeout(() => {
      frame?.remove();
      port.close();
    }, FRAME_LINGER_MS);
    return value;
  }

  async function nextPull(): Promise<void> {
    while (pulls === 0 && !cancelled) await new Promise<void>((r) => (wake = r));
    if (cancelled) {
      close(null);
      throw new DownloadCancelled();
    }
    pulls--;
  }

  return {
    async write(bytes) {
      await nextPull();
      // Transfer only a buffer that is exactly these bytes, never a view into a larger one.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
      port.postMessage({ type: 'chunk', bytes: whole }, [whole]);
    },
    async close() {
      await nextPull();
      port.postMessage({ type: 'end' });
      close(null);
    },
    abort() {
      port.postMessage({ type: 'error' });
      close(null);
    },
  };
}

async function within(p: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
