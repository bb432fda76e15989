// Plain JavaScript: a worker does not inherit tsx's loader.
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/**
 * The fan-out's crowd: receivers that speak the Hocuspocus v3 protocol and nothing more (see
 * `createCrowd` in clients.ts). Each authenticates (a token, and the session cookie with the upgrade),
 * asks for the document with an empty state vector, and from then on only stamps the arrival of every
 * sync update frame it is sent, on the shared epoch clock (`timeOrigin + now()`). It opens nothing:
 * the server does the same work for it as for a full client, and this process is not a stand-in for
 * hundreds of devices' CPUs. Plain JavaScript in a thread of its own, so the stamps do not wait for
 * the full clients' handling on the main thread.
 *
 * Commands: { op: 'open', id, url, cookie, doc, token } → { ev: 'synced', id } once the first state
 * arrived, or { ev: 'failed', id, why }; { op: 'reset' } forgets the stamps so far;
 * { op: 'collect' } → { ev: 'stamps', stamps: { [id]: number[] } }; { op: 'close' } closes them all.
 */
const port = parentPort;
/** @type {Map<number, { ws: WebSocket, stamps: number[], synced: boolean }>} */
const crowd = new Map();

/** Hocuspocus message types (@hocuspocus/common) and y-protocols sync steps. */
const SYNC = 0;
const AUTH = 2;
const AUTH_TOKEN = 0;
const AUTH_DENIED = 1;
const AUTHENTICATED = 2;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

const utf8 = new TextEncoder();

function varUint(out, n) {
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}
function varBytes(out, bytes) {
  varUint(out, bytes.length);
  for (const b of bytes) out.push(b);
}
function message(doc, type, body) {
  const out = [];
  varBytes(out, utf8.encode(doc));
  varUint(out, type);
  out.push(...body);
  return new Uint8Array(out);
}

/** Reads a varUint at `at`; returns [value, next offset]. */
function readVarUint(b, at) {
  let n = 0;
  let shift = 0;
  for (;;) {
    const byte = b[at++];
    if (byte === undefined) throw new Error('truncated');
    n += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [n, at];
    shift += 7;
  }
}

port.on('message', (m) => {
  if (m.op === 'open') {
    const ws = new WebSocket(m.url, m.cookie ? { headers: { cookie: m.cookie } } : {});
    ws.binaryType = 'nodebuffer';
    const c = { ws, stamps: [], synced: false };
    crowd.set(m.id, c);
    const fail = (why) => {
      if (!c.synced) port.postMessage({ ev: 'failed', id: m.id, why });
      c.synced = true; // reported once
    };
    ws.on('open', () => {
      const token = [];
      varUint(token, AUTH_TOKEN);
      varBytes(token, utf8.encode(m.token));
      ws.send(message(m.doc, AUTH, token));
    });
    ws.on('message', (data) => {
      const at = performance.timeOrigin + performance.now();
      try {
        let [nameLength, i] = readVarUint(data, 0);
        i += nameLength;
        let type;
        [type, i] = readVarUint(data, i);
        if (type === AUTH) {
          const [auth] = readVarUint(data, i);
          if (auth === AUTHENTICATED) {
            const step1 = [];
            varUint(step1, 0); // sync step 1 with an empty state vector: send me everything
            varBytes(step1, [0]);
            ws.send(message(m.doc, SYNC, step1));
          } else if (auth === AUTH_DENIED) fail('permission denied');
        } else if (type === SYNC) {
          const [step] = readVarUint(data, i);
          if (step === SYNC_UPDATE) c.stamps.push(at);
          else if (step === SYNC_STEP_2 && !c.synced) {
            c.synced = true;
            port.postMessage({ ev: 'synced', id: m.id });
          }
        }
      } catch (e) {
        fail(`unreadable frame: ${e.message}`);
      }
    });
    ws.on('close', (code, reason) => fail(`closed ${code} ${reason.toString()}`));
    ws.on('error', (e) => fail(e.message));
  } else if (m.op === 'reset') {
    for (const c of crowd.values()) c.stamps = [];
  } else if (m.op === 'collect') {
    const stamps = {};
    for (const [id, c] of crowd) stamps[id] = c.stamps;
    port.postMessage({ ev: 'stamps', stamps });
  } else if (m.op === 'close') {
    for (const c of crowd.values()) c.ws.close();
    crowd.clear();
  }
});
