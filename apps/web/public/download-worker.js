// @ts-check
/// <reference lib="webworker" />
// Coffre's download relay (ADR 0015). The page decrypts a file and hands the
// plaintext here over a MessageChannel; this worker answers the page's
// one-time URL /download-stream/<id> with a stream of those bytes, so the
// browser writes the file to disk as it arrives instead of the page holding
// it whole. Nothing here talks to the network, sees a key, or keeps a byte
// after it was handed on. The page only sends more once the stream pulls
// (backpressure), and errors the stream when an integrity check fails, which
// makes the browser fail the download and discard the partial file.

const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));
const PREFIX = '/download-stream/';
// Announced downloads waiting for their URL to be fetched (one fetch each).
/** @type {Map<string, { port: MessagePort; name: string; size: number | null }>} */
const pending = new Map();
const ID = /^[A-Za-z0-9_-]{22,64}$/;
// The page says 'alive' every 10 s; a page that was closed mid-download says nothing, and its download fails.
const SILENCE_LIMIT_MS = 60_000;

sw.addEventListener('install', () => void sw.skipWaiting());
sw.addEventListener('activate', (event) => event.waitUntil(sw.clients.claim()));

sw.addEventListener('message', (event) => {
  const data = event.data;
  // 'ping' only keeps this worker alive while a long download streams.
  if (!data || data.type !== 'open') return;
  const port = event.ports[0];
  if (!port || typeof data.id !== 'string' || !ID.test(data.id) || typeof data.name !== 'string') return;
  const size = Number.isSafeInteger(data.size) && data.size >= 0 ? data.size : null;
  pending.set(data.id, { port, name: data.name, size });
  port.postMessage({ type: 'ready' });
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== sw.location.origin || !url.pathname.startsWith(PREFIX)) return;
  const id = url.pathname.slice(PREFIX.length);
  const entry = pending.get(id);
  if (!entry) return event.respondWith(new Response('This download link was used already, or has expired.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } }));
  pending.delete(id);
  event.respondWith(new Response(relay(entry.port), { headers: headersFor(entry.name, entry.size) }));
});

/**
 * A stream fed by the page: each pull asks for one more piece ('chunk', or
 * 'end' after the last) and waits for it. 'error' may come at any time and
 * fails the stream at once.
 */
function relay(/** @type {MessagePort} */ port) {
  /** @type {(() => void) | null} */
  let wake = null;
  let heard = Date.now();
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let watchdog;
  const stop = () => {
    clearInterval(watchdog);
    port.close();
  };
  return new ReadableStream(
    {
      start(controller) {
        watchdog = setInterval(() => {
          if (Date.now() - heard < SILENCE_LIMIT_MS) return;
          controller.error(new Error('the page stopped sending'));
          stop();
        }, SILENCE_LIMIT_MS / 4);
        port.onmessage = (event) => {
          const msg = event.data;
          heard = Date.now();
          if (msg?.type === 'alive') return;
          if (msg?.type === 'chunk' && msg.bytes instanceof ArrayBuffer) controller.enqueue(new Uint8Array(msg.bytes));
          else if (msg?.type === 'end') {
            controller.close();
            stop();
          } else {
            controller.error(new Error('the download failed'));
            stop();
          }
          const next = wake;
          wake = null;
          next?.();
        };
        port.postMessage({ type: 'started' });
      },
      pull() {
        return new Promise((resolve) => {
          wake = resolve;
          port.postMessage({ type: 'pull' });
        });
      },
      cancel() {
        // The person cancelled it in the browser: the page stops fetching.
        port.postMessage({ type: 'cancel' });
        stop();
      },
    },
    { highWaterMark: 1 },
  );
}

function headersFor(/** @type {string} */ name, /** @type {number | null} */ size) {
  /** @type {Record<string, string>} */
  const headers = {
    'Content-Type': 'application/octet-stream',
    // RFC 6266 / 8187: the page already made the name safe (safeDownloadName); this only encodes it.
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  };
  if (size !== null) headers['Content-Length'] = String(size);
  return headers;
}
