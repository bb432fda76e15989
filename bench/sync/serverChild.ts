/**
 * The relay under test, in its own process so that client CPU does not
 * pollute its figures. Started by serverProcess.ts with `--import tsx
 * --expose-gc` and an IPC channel (advanced serialization).
 *
 *   argv[2] = 'coffre' — the real collab server (createCollabServer: auth,
 *             guard, snapshots, SQLite persistence) on a temp data dir;
 *   argv[2] = 'plain'  — `new Server({})`, Hocuspocus with no extensions.
 *
 * Commands arrive as { id, cmd, ... } and are answered as { id, ok, result }.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { initWire } from '@coffre/docs/wire';
import { createStorage, type Storage } from '@coffre/storage';
import { Server } from '@hocuspocus/server';
// @coffre/collab-server has no `exports`: its entry is imported by path (tsx runs TS directly).
import { createCollabServer } from '../../apps/collab-server/src/createCollabServer.ts';

export type ServerMode = 'coffre' | 'plain';

export type SetupUser = { userId: string; username: string; publicBundle: Uint8Array; tokenHash: Uint8Array };
export type ServerRequest =
  | { cmd: 'setup'; users: SetupUser[]; docs: Array<{ docId: string; ownerId: string }> }
  | { cmd: 'cpu' }
  | { cmd: 'mem'; gc: boolean }
  | { cmd: 'docs'; docName?: string }
  | { cmd: 'heapSnapshot'; file: string }
  | { cmd: 'profile'; file: string | null }
  | { cmd: 'stop' };

/** CPU (µs, cumulative), event-loop delay and the guard's journal commits and the entries they wrote (coffre), each since the previous read. */
export type CpuReport = { user: number; system: number; mainThreadMs: number; eldP50: number; eldP99: number; eldMax: number; journalWrites: number; journalEntries: number; journalP50: number; journalP99: number };
/** `heapUsed` without V8's code space (compiled code, which grows as more paths get optimised), plus the raw figures. */
export type MemReport = { heap: number; heapUsed: number; codeSpace: number; rss: number; external: number; arrayBuffers: number };
export type DocsReport = { documents: number; connections: number; logLength: number | null };

/**
 * The main thread's CPU (user + system, ms, cumulative; 10 ms ticks) from /proc: the rest of
 * `process.cpuUsage()` is V8's helper threads (garbage collection, optimising compiles) and libuv's.
 */
function mainThreadCpuMs(): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  } catch {
    return NaN; // no /proc (not Linux): the figure prints as NaN
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the third on: state, ppid, …
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND; // utime and stime, fields 14 and 15
}
const TICKS_PER_SECOND = 100;

const mode = process.argv[2] as ServerMode;
if (mode !== 'coffre' && mode !== 'plain') throw new Error(`unknown server mode ${String(mode)}`);
const send = (msg: unknown) => process.send!(msg);

let storage: Storage | null = null;
let journalMs: number[] = [];
let journalEntries = 0;
let dataDir = '';
let server: Server;
if (mode === 'coffre') {
  await initWire();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-bench-'));
  storage = await createStorage({ driver: 'sqlite', dataDir });
  // Time the guard's journal commits (one SQLite commit with synchronous=FULL per turn of the event loop that accepted updates, ADR 0021).
  const documents = storage.documents;
  const append = documents.appendUpdates.bind(documents);
  documents.appendUpdates = async (entries) => {
    const t = performance.now();
    try {
      return await append(entries);
    } finally {
      journalMs.push(performance.now() - t);
      journalEntries += entries.length;
    }
  };
  server = createCollabServer({ port: 0, storage, secureCookies: false, logSink: () => undefined });
} else {
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
}
await server.listen();

// Event-loop delay, reset at every 'cpu' read so each window gets its own figure.
const eld = monitorEventLoopDelay({ resolution: 2 });
eld.enable();

const gc = (globalThis as { gc?: () => void }).gc;
let profiler: { session: Session; file: string } | null = null;
let perfProc: ChildProcess | null = null;
const settle = () => new Promise((r) => setImmediate(r));

async function handle(req: ServerRequest): Promise<unknown> {
  switch (req.cmd) {
    case 'setup': {
      if (!storage) return null; // plain Hocuspocus has no accounts
      const now = Date.now();
      const filler = () => new Uint8Array(8).fill(1);
      for (const u of req.users) {
        await storage.accounts.create({
          userId: u.userId,
          username: u.username,
          opaqueRecord: filler(),
          passwordWrappedMasterKey: filler(),
          recoveryWrappedMasterKey: filler(),
          recoveryVerifyKey: new Uint8Array(32).fill(2),
          wrappedIdentity: filler(),
          publicBundle: u.publicBundle,
          createdAt: now,
          updatedAt: now,
        });
        await storage.sessions.create({
          sessionId: `s-${u.userId}`,
          tokenHash: u.tokenHash,
          userId: u.userId,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: now + 3_600_000,
          label: 'bench',
        });
      }
      for (const d of req.docs) await storage.documents.create({ docId: d.docId, ownerId: d.ownerId, createdAt: now });
      return null;
    }
    case 'cpu': {
      const c = process.cpuUsage();
      const ms = (ns: number) => ns / 1e6;
      const j = journalMs.sort((a, b) => a - b);
      const at = (q: number) => (j.length ? j[Math.min(j.length - 1, Math.floor(q * j.length))]! : NaN);
      const r: CpuReport = {
        user: c.user,
        system: c.system,
        mainThreadMs: mainThreadCpuMs(),
        eldP50: ms(eld.percentile(50)) - 2,
        eldP99: ms(eld.percentile(99)) - 2,
        eldMax: ms(eld.max) - 2,
        journalWrites: j.length,
        journalEntries,
        journalP50: at(0.5),
        journalP99: at(0.99),
      };
      eld.reset();
      journalMs = [];
      journalEntries = 0;
      return r;
    }
    case 'mem': {
      if (req.gc) {
        if (!gc) throw new Error('server child needs --expose-gc');
        for (let i = 0; i < 4; i++) {
          gc();
          await settle();
        }
      }
      const m = process.memoryUsage();
      const codeSpace = getHeapSpaceStatistics().find((sp) => sp.space_name === 'code_space')?.space_used_size ?? 0;
      const r: MemReport = { heap: m.heapUsed - codeSpace, heapUsed: m.heapUsed, codeSpace, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers };
      return r;
    }
    case 'docs': {
      const h = server.hocuspocus;
      const doc = req.docName ? h.documents.get(req.docName) : undefined;
      const r: DocsReport = { documents: h.getDocumentsCount(), connections: h.getConnectionsCount(), logLength: doc ? doc.getArray('log').length : null };
      return r;
    }
    case 'profile': {
      // Diagnostics: a CPU profile of the server between a call with a file name and the next call (null writes it).
      // With COFFRE_BENCH_PERF=1, Linux perf samples this process instead (native frames too: SQLite, the kernel's fsync).
      if (req.file && process.env.COFFRE_BENCH_PERF) {
        const proc = spawn('perf', ['record', '-q', '-F', '2999', '-g', '-p', String(process.pid), '-o', req.file.replace(/\.cpuprofile$/, '.perf.data')], { stdio: 'ignore' });
        perfProc = proc;
        await new Promise((r) => setTimeout(r, 300)); // perf attaches
        return null;
      }
      if (!req.file && perfProc) {
        const proc = perfProc;
        perfProc = null;
        await new Promise((r) => { proc.once('exit', r); proc.kill('SIGINT'); });
        return null;
      }
      if (req.file) {
        profiler = { session: new Session(), file: req.file };
        profiler.session.connect();
        await profiler.session.post('Profiler.enable');
        await profiler.session.post('Profiler.setSamplingInterval', { interval: 100 });
        await profiler.session.post('Profiler.start');
        return null;
      }
      if (!profiler) return null;
      const { profile } = await profiler.session.post('Profiler.stop');
      profiler.session.disconnect();
      fs.writeFileSync(profiler.file, JSON.stringify(profile));
      const file = profiler.file;
      profiler = null;
      return file;
    }
    case 'heapSnapshot': {
      // For finding what holds memory; not used by the benchmarks themselves.
      return writeHeapSnapshot(req.file);
    }
    case 'stop': {
      await server.destroy();
      await storage?.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      setImmediate(() => process.exit(0));
      return null;
    }
  }
}

process.on('message', (msg: { id: number } & ServerRequest) => {
  handle(msg).then(
    (result) => send({ id: msg.id, ok: true, result }),
    (e: unknown) => send({ id: msg.id, ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) }),
  );
});
process.on('disconnect', () => process.exit(0)); // the parent went away: never linger
send({ t: 'ready', port: server.address.port });
