// Plain JavaScript: a worker does not inherit tsx's loader.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * The receivers' network thread (see `netSocket` in clients.ts): it owns their WebSockets and does
 * nothing else, so a frame is stamped when it reaches this process, whatever the main thread, which
 * runs every receiver's own handling, is busy with. Stamps are on the shared epoch clock
 * (`timeOrigin + now()`), which the main thread converts to its own.
 * Commands: { op: 'open', id, url, cookie } | { op: 'send', id, data } | { op: 'close', id, code, reason }.
 */
const port = parentPort;
/** @type {Map<number, WebSocket>} */
const sockets = new Map();

port.on('message', (m) => {
  if (m.op === 'open') {
    const ws = new WebSocket(m.url, m.cookie ? { headers: { cookie: m.cookie } } : {});
    ws.binaryType = 'arraybuffer';
    sockets.set(m.id, ws);
    ws.on('open', () => port.postMessage({ ev: 'open', id: m.id }));
    ws.on('message', (data) => {
      const at = performance.timeOrigin + performance.now();
      port.postMessage({ ev: 'message', id: m.id, data, at }, [data]);
    });
    ws.on('close', (code, reason) => {
      sockets.delete(m.id);
      port.postMessage({ ev: 'close', id: m.id, code, reason: reason.toString() });
    });
    ws.on('error', (e) => port.postMessage({ ev: 'error', id: m.id, message: e.message }));
  } else if (m.op === 'send') {
    sockets.get(m.id)?.send(m.data);
  } else {
    sockets.get(m.id)?.close(m.code, m.reason);
  }
});
