import * as Y from 'yjs';
import type { BenchCheck, BenchResult } from '../printResults.ts';
import { loadWindow, median, percentile, waitForQuiet } from '../stats.ts';
import { benchSocket, createBenchUser, dispatch, netSocket, newDocKey, now, createCrowd, openCoffreClient, openMany, openPlainClient, sleep, waitFor, type CoffreClient, type Crowd, type PlainClient } from './clients.ts';
import { startServer, type ServerProcess } from './serverProcess.ts';

/**
 * Fan-out: one writer types a keystroke (one character appended) every
 * `intervalMs`; every other client of the same document must apply it.
 *
 * - coffre: the real collab server (auth, guard, snapshots, SQLite
 *   persistence) in a child process; the writer and the probes are
 *   EncryptedDocSession + connectHocuspocus. The writer's session batches
 *   for `batchMs`.
 * - plain: `new Server({})` in a child process; the writer and the probes
 *   are HocuspocusProviders on a plain Y.Doc; a keystroke goes out at once.
 *
 * The receivers are `probes` full clients (the product's client, which
 * verifies, decrypts and applies) and a crowd of protocol-level receivers
 * (crowdThread.mjs: authenticate, sync, stamp each update frame), the same
 * in both modes. The server does the same work for a crowd receiver as for
 * a full one; what the crowd spares is this process's CPU. Hundreds of full
 * end-to-end receivers in one process measure that process, not the relay
 * (research/performance.md §6.4): on two cores, the first receivers'
 * decryption delayed the last ones' frames.
 *
 * Per delivery at a probe (keystroke k at probe r):
 *   push     P: coffre — the writer's batch timer fires (flush: merge, seal,
 *              sign, push, send); plain — the keystroke itself.
 *   arrival  A: the frame reaches r's socket: stamped by the probes' network
 *              thread, which does nothing else (see netSocket).
 *   start    S: r's provider starts handling that frame.
 *   applied  D: r's plaintext Y.Text shows the keystroke.
 * latency = (A − P) + (D − S): relay + loopback, plus r's own handling. The
 * harness figure D − P also counts the wait behind the other probes'
 * handling in this one process (a real client has its own CPU), and is
 * printed for information only. At every crowd receiver, the relay latency
 * A − P of each envelope (or plain update) is printed for information.
 */
/**
 * Where the receivers' frames are stamped: in a network thread of their own (default, see netSocket), or,
 * with COFFRE_BENCH_FANOUT_STAMP=main, in this thread as before 2026-12-07 (see benchSocket), where a frame
 * that arrives while another receiver handles its own is stamped only after that handling.
 */
const RECEIVER_SOCKET = process.env.COFFRE_BENCH_FANOUT_STAMP === 'main' ? benchSocket : netSocket;
/** Client 0 writes (its socket in this thread: its sends are not delayed by a hop); the others receive. */
const socketFor = (i: number) => (i === 0 ? benchSocket : RECEIVER_SOCKET);

/** Diagnostics: COFFRE_BENCH_FANOUT_PROFILE=/tmp/x writes a CPU profile of the server child over each window (`/tmp/x-coffre-10.cpuprofile`, …; the last repetition's is kept). The profiler's cost is in that run's figures. */
const PROFILE = process.env.COFFRE_BENCH_FANOUT_PROFILE;

/** Full receivers (besides the writer) per run; the other clients are the crowd. */
const PROBES = 4;

export type FanoutOptions = { clients: number; intervalMs: number; batchMs: number; warmupMs: number; windowMs: number; reps: number };

type RunFigures = {
  /** Every probe delivery's latency in the window (pooled over the repetitions for the gated figures). */
  latencies: number[];
  p50: number;
  p99: number;
  wireP50: number;
  wireP99: number;
  firstP50: number;
  firstP99: number;
  handleP50: number;
  flushP50: number;
  harnessP50: number;
  harnessP99: number;
  typedP50: number;
  crowdWireP50: number;
  crowdWireP99: number;
  serverCpuPct: number;
  /** The server's main thread alone (10 ms ticks); the rest is V8's and libuv's helper threads. */
  serverMainPct: number;
  /** The server's CPU in the kernel (sockets, fsync), all threads. */
  serverSystemPct: number;
  serverEldP99: number;
  journalP50: number;
  journalP99: number;
  /** Journal commits and the updates they wrote (coffre): the guard's group commit (ADR 0021). */
  journalCommits: number;
  journalEntries: number;
  clientCpuPct: number;
  foreignPct: number | null;
  delivered: number;
  expected: number;
  crowdDelivered: number;
  crowdExpected: number;
  integrityErrors: number;
  textsMatch: boolean;
  keystrokes: number;
  frameBytes: number;
};

type Delivery = { latency: number; wire: number; handle: number; harness: number; typed: number };

async function runOnce(mode: 'coffre' | 'plain', o: FanoutOptions, server: ServerProcess, warmRounds: number): Promise<RunFigures> {
  const docId = `fanout-${mode}-${o.clients}-${Date.now()}`;
  let clients: Array<CoffreClient | PlainClient> = [];
  let crowd: Crowd | null = null;
  try {
    let texts: Y.Text[];
    let writerText: Y.Text;
    let integrityErrors = () => 0;
    const pushAt: number[] = []; // keystroke index (1-based) → push time
    const typedAt: number[] = []; // keystroke index → time typed
    const pushes: number[] = []; // every envelope (coffre) or update (plain) the writer sent, in order: the crowd's frames match them one to one
    let frameBytes = 0;
    const flushMs: number[] = []; // coffre: merge + seal + sign + push + send, per envelope
    if (mode === 'coffre') {
      const user = await createBenchUser('fanout');
      const cookie = user.cookie;
      const warmDocs = Array.from({ length: warmRounds }, (_, r) => `${docId}-warm${r}`);
      await server.setup([user.setup], [docId, ...warmDocs].map((d) => ({ docId: d, ownerId: user.setup.userId })));
      const key = newDocKey();
      for (const warmDoc of warmDocs) await warmUp((i) => openCoffreClient({ url: server.url, user, docId: warmDoc, key, batchMs: o.batchMs, socket: socketFor(i) }));
      crowd = createCrowd({ url: server.url, doc: docId, cookie, token: 'session-cookie' });
      const cs = await openInterleaved(o.clients, crowd, (i) => openCoffreClient({ url: server.url, user, docId, key, batchMs: o.batchMs, socket: socketFor(i) }));
      clients = cs;
      texts = cs.map((c) => c.session.doc.getText('t'));
      writerText = texts[0]!;
      integrityErrors = () => cs.reduce((n, c) => n + c.errors.length, 0);
      // P = the moment the batch timer fires: everything after it (merge, seal, sign, push, send) is in the latency.
      const writer = cs[0]!.session;
      const flush = writer.flush.bind(writer);
      writer.flush = () => {
        const t = now();
        const log = writer.envelope.getArray<Uint8Array>('log');
        const logBefore = log.length;
        flush();
        if (log.length === logBefore) return; // nothing sealed (nothing pending, or offline)
        flushMs.push(now() - t);
        pushes.push(t);
        for (let k = Math.max(1, pushAt.length); k <= writerText.length; k++) pushAt[k] ??= t;
        frameBytes = log.get(log.length - 1).length;
      };
    } else {
      for (let r = 0; r < warmRounds; r++) await warmUp((i) => openPlainClient(server.url, `${docId}-warm${r}`, null, socketFor(i)));
      crowd = createCrowd({ url: server.url, doc: docId, cookie: null, token: 'crowd' });
      const cs = await openInterleaved(o.clients, crowd, (i) => openPlainClient(server.url, docId, null, socketFor(i)));
      clients = cs;
      texts = cs.map((c) => c.doc.getText('t'));
      writerText = texts[0]!;
      cs[0]!.doc.on('update', (u: Uint8Array) => (frameBytes = u.length));
    }

    const deliveries: Delivery[][] = texts.map(() => []);
    const seenLen = texts.map(() => 0);
    let outsideDispatch = 0;
    texts.forEach((t, r) => {
      if (r === 0) return;
      t.observe(() => {
        const d = now();
        const stamp = dispatch.current;
        if (!stamp) outsideDispatch++;
        for (let k = seenLen[r]! + 1; k <= t.length; k++) {
          const p = pushAt[k] ?? typedAt[k]!;
          const a = stamp?.arrival ?? d;
          const s = stamp?.start ?? d;
          deliveries[r]![k] = { latency: a - p + (d - s), wire: a - p, handle: d - s, harness: d - p, typed: d - typedAt[k]! };
        }
        seenLen[r] = t.length;
      });
    });

    await sleep(500); // initial awareness and sync chatter settles
    const warmupKeys = Math.round(o.warmupMs / o.intervalMs);
    const windowKeys = Math.round(o.windowMs / o.intervalMs);
    const total = warmupKeys + windowKeys;
    let cpu0 = await server.cpu();
    let win: Awaited<ReturnType<typeof loadWindow>> | null = null;
    let windowStart = Infinity;
    crowd.reset();
    const start = now();
    for (let k = 1; k <= total; k++) {
      const due = start + (k - 1) * o.intervalMs;
      const wait = due - now();
      if (wait > 0) await sleep(wait);
      if (k === warmupKeys + 1) {
        if (PROFILE) await server.profile(`${PROFILE}-${mode}-${o.clients}.cpuprofile`);
        cpu0 = await server.cpu();
        win = await loadWindow();
        windowStart = now();
      }
      typedAt[k] = now();
      if (mode === 'plain') (pushAt[k] = typedAt[k]!), pushes.push(typedAt[k]!);
      writerText.insert(writerText.length, 'x');
    }
    // The window closes one interval (plus the batch delay) after the last keystroke, the same for both modes.
    await sleep(o.intervalMs + o.batchMs);
    const cpu1 = await server.cpu();
    if (PROFILE) await server.profile(null);
    const serverMs = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000;
    const mainThreadMs = cpu1.mainThreadMs - cpu0.mainThreadMs;
    const systemMs = (cpu1.system - cpu0.system) / 1000;
    const load = await win!.end(serverMs);
    await waitFor(() => texts.every((t) => t.length >= total), 10_000);
    await sleep(200); // the crowd's last frames
    const stamps = await crowd.collect();

    const measured: Delivery[] = [];
    let delivered = 0;
    for (let r = 1; r < texts.length; r++) {
      for (let k = warmupKeys + 1; k <= total; k++) {
        const d = deliveries[r]![k];
        if (d) {
          delivered++;
          measured.push(d);
        }
      }
    }
    if (outsideDispatch > 0) console.warn(`  fan-out ${mode} N=${o.clients}: ${outsideDispatch} text changes outside a frame hand-over`);
    // Per keystroke, its earliest arrival at any probe: the writer's send and the relay, without the probes' queueing in this process.
    const first: number[] = [];
    for (let k = warmupKeys + 1; k <= total; k++) {
      const w = deliveries.slice(1).map((d) => d[k]?.wire ?? Infinity);
      if (w.length) first.push(Math.min(...w));
    }
    // The crowd: a receiver's i-th update frame carries the writer's i-th push (one writer, frames in order).
    const inWindow = pushes.flatMap((p, i) => (p >= windowStart ? [i] : []));
    const crowdWire: number[] = [];
    let crowdDelivered = 0;
    for (const s of stamps) {
      if (s.length !== pushes.length) continue; // a lost or extra frame: counted as not delivered
      for (const i of inWindow) crowdWire.push(s[i]! - pushes[i]!);
      crowdDelivered += inWindow.length;
    }
    const pick = (f: (d: Delivery) => number) => measured.map(f);
    const wt = writerText.toString();
    const latencies = pick((d) => d.latency);
    return {
      latencies,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      wireP50: percentile(pick((d) => d.wire), 50),
      wireP99: percentile(pick((d) => d.wire), 99),
      firstP50: percentile(first, 50),
      firstP99: percentile(first, 99),
      handleP50: percentile(pick((d) => d.handle), 50),
      flushP50: percentile(flushMs, 50),
      harnessP50: percentile(pick((d) => d.harness), 50),
      harnessP99: percentile(pick((d) => d.harness), 99),
      typedP50: percentile(pick((d) => d.typed), 50),
      crowdWireP50: percentile(crowdWire, 50),
      crowdWireP99: percentile(crowdWire, 99),
      serverCpuPct: (serverMs / load.wallMs) * 100,
      serverMainPct: (mainThreadMs / load.wallMs) * 100,
      serverSystemPct: (systemMs / load.wallMs) * 100,
      serverEldP99: cpu1.eldP99,
      journalP50: cpu1.journalP50,
      journalP99: cpu1.journalP99,
      journalCommits: cpu1.journalWrites,
      journalEntries: cpu1.journalEntries,
      clientCpuPct: load.ownPct,
      foreignPct: load.foreignPct,
      delivered,
      expected: (texts.length - 1) * windowKeys,
      crowdDelivered,
      crowdExpected: stamps.length * inWindow.length,
      integrityErrors: integrityErrors(),
      textsMatch: texts.every((t) => t.toString() === wt) && wt.length === total,
      keystrokes: windowKeys,
      frameBytes,
    };
  } finally {
    crowd?.close();
    for (const c of clients) c.destroy();
  }
}

/**
 * Opens the writer, then the receivers: the probes spread over the crowd, the last probe last. The
 * server sends each update to a document's connections in the order they came, so the probes see
 * the fan-out's early, middle and latest positions, not only its first.
 */
async function openInterleaved<T extends CoffreClient | PlainClient>(clients: number, crowd: Crowd, open: (i: number) => T): Promise<T[]> {
  const [writer] = await openMany(1, 1, open);
  const out: T[] = [writer!];
  const probes = Math.min(PROBES, clients - 1);
  const crowdSize = clients - 1 - probes;
  for (let j = 0; j < probes; j++) {
    await crowd.add(Math.floor((crowdSize * (j + 1)) / probes) - Math.floor((crowdSize * j) / probes));
    out.push(...(await openMany(1, 1, () => open(out.length))));
  }
  return out;
}

/** Foreign load (% of one core) above which a run is repeated once. */
const FOREIGN_RETRY_PCT = 30;

/**
 * Steady state, not a cold start. A relay in service runs for days, so its hot paths are compiled
 * and optimised; a fresh server child (and this process's client code) has run nothing yet, and
 * a 5 s window at 10 keys/s is far too short for V8 to get there, so that a fresh child measures
 * mostly its interpreter and the optimising compiler's own work (in helper threads, counted in its
 * CPU). So each mode's server child lives through every repetition of a client count (each on
 * documents of its own), and, before its first, relays SERVER_WARMUP_ROUNDS rounds; before every
 * repetition it relays one more. A round: a writer and a reader on a document of their own
 * exchange WARMUP_KEYS keystrokes, one update or envelope each, each acknowledged before the
 * next (fresh connections each round: a connection may send at most 400 messages at once, see
 * MESSAGE_LIMITS). The same for both modes.
 */
const WARMUP_KEYS = 250;
const SERVER_WARMUP_ROUNDS = 8;
async function warmUp(open: (i: number) => CoffreClient | PlainClient): Promise<void> {
  const [writer, reader] = await openMany(2, 2, open);
  try {
    const provider = 'conn' in writer! ? writer.conn.provider : writer!.provider;
    const text = 'session' in writer! ? writer.session.doc.getText('t') : writer!.doc.getText('t');
    const readerText = 'session' in reader! ? reader.session.doc.getText('t') : reader!.doc.getText('t');
    for (let k = 0; k < WARMUP_KEYS; k++) {
      text.insert(text.length, 'w');
      if ('session' in writer!) writer.session.flush();
      await waitFor(() => !provider.hasUnsyncedChanges, 10_000, 1);
    }
    await waitFor(() => readerText.length === WARMUP_KEYS, 10_000);
  } finally {
    writer!.destroy();
    reader!.destroy();
  }
}

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

const all0 = (runs: Record<'coffre' | 'plain', RunFigures[]>) => [...runs.coffre, ...runs.plain];

export async function fanoutBench(o: FanoutOptions): Promise<{ results: BenchResult[]; checks: BenchCheck[] }> {
  const runs: Record<'coffre' | 'plain', RunFigures[]> = { coffre: [], plain: [] };
  const servers = new Map<'coffre' | 'plain', ServerProcess>();
  // The first run of a mode starts its server and warms it up (see SERVER_WARMUP_ROUNDS); later runs reuse it.
  const run = async (mode: 'coffre' | 'plain') => {
    let server = servers.get(mode);
    const fresh = !server;
    if (!server) servers.set(mode, (server = await startServer(mode)));
    return runOnce(mode, o, server, fresh ? SERVER_WARMUP_ROUNDS : 1);
  };
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      // Alternate the order so a slow phase of the machine does not always hit the same mode.
      const order: Array<'coffre' | 'plain'> = rep % 2 === 0 ? ['plain', 'coffre'] : ['coffre', 'plain'];
      for (const mode of order) {
        await waitForQuiet(10_000);
        let f = await run(mode);
        if (f.foreignPct !== null && f.foreignPct > FOREIGN_RETRY_PCT) {
          // Another job took the machine during the window: once more, keeping the quieter run.
          console.log(`  fan-out N=${o.clients} ${mode}: other processes used ${fmt(f.foreignPct, 0)}% of a core during the window; running it again`);
          await waitForQuiet(20_000);
          const again = await run(mode);
          if (again.foreignPct !== null && again.foreignPct < f.foreignPct) f = again;
        }
        runs[mode].push(f);
        console.log(
          `  fan-out N=${o.clients} ${mode.padEnd(6)} rep ${rep + 1}: latency p50 ${fmt(f.p50, 2)} / p99 ${fmt(f.p99, 2)} ms ` +
            `(wire ${fmt(f.wireP50, 2)}/${fmt(f.wireP99, 2)}, first arrival ${fmt(f.firstP50, 2)}/${fmt(f.firstP99, 2)}, own handling p50 ${fmt(f.handleP50, 3)}` +
            `${Number.isNaN(f.flushP50) ? '' : `, writer seal+send p50 ${fmt(f.flushP50, 3)}`}, harness p50/p99 ${fmt(f.harnessP50)}/${fmt(f.harnessP99)}, ` +
            `typed→applied p50 ${fmt(f.typedP50)}), server CPU ${fmt(f.serverCpuPct)}% (main thread ${fmt(f.serverMainPct)}%, kernel ${fmt(f.serverSystemPct)}%, ELD p99 ${fmt(f.serverEldP99)} ms` +
            `${Number.isNaN(f.journalP50) ? '' : `, journal commit p50/p99 ${fmt(f.journalP50, 2)}/${fmt(f.journalP99, 2)} ms, ${f.journalCommits} commits of ${f.journalEntries} updates`}), clients CPU ${fmt(f.clientCpuPct)}%, ` +
            `foreign ${f.foreignPct === null ? 'n/a' : fmt(f.foreignPct) + '%'}, delivered ${f.delivered}/${f.expected}, frame ${f.frameBytes} B; ` +
            `crowd relay p50/p99 ${fmt(f.crowdWireP50, 2)}/${fmt(f.crowdWireP99, 2)} ms, received ${f.crowdDelivered}/${f.crowdExpected}`,
        );
      }
    }
  } finally {
    for (const server of servers.values()) await server.stop();
  }
  const m = (mode: 'coffre' | 'plain', f: (r: RunFigures) => number) => median(runs[mode].map(f));
  // Latency percentiles over every probe delivery of every repetition: a run's p99 rests on its two or three slowest deliveries.
  const pooled = (mode: 'coffre' | 'plain', p: number) => percentile(runs[mode].flatMap((r) => r.latencies), p);
  const tag = `fan-out N=${o.clients} (1 writer, 1 key/${o.intervalMs} ms, batch ${o.batchMs} ms)`;
  const base = { unit: 'ms', baselineName: 'plain Hocuspocus' };
  const foreign = all0(runs).map((r) => r.foreignPct ?? 0);
  const perRep = (f: (r: RunFigures) => number) => (['coffre', 'plain'] as const).map((mode) => `${mode} ${runs[mode].map((r) => fmt(f(r), 2)).join('/')}`).join(', ');
  const notes =
    `${Math.min(PROBES, o.clients - 1)} probes and ${Math.max(0, o.clients - 1 - PROBES)} crowd receivers; over the probes' deliveries of ${o.reps} run(s) (per run p99: ${perRep((r) => r.p99)} ms); ` +
    `clients CPU coffre ${fmt(m('coffre', (r) => r.clientCpuPct), 0)}% / plain ${fmt(m('plain', (r) => r.clientCpuPct), 0)}%; ` +
    `other processes ${fmt(Math.min(...foreign), 0)}–${fmt(Math.max(...foreign), 0)}% of a core during the windows`;
  const results: BenchResult[] = [
    { ...base, name: `${tag} latency p50`, coffre: pooled('coffre', 50), baseline: pooled('plain', 50), targetDelta: 2, note: notes },
    { ...base, name: `${tag} latency p99`, coffre: pooled('coffre', 99), baseline: pooled('plain', 99), target: 1.5 },
    { ...base, name: `${tag} server CPU`, unit: '% of a core', coffre: m('coffre', (r) => r.serverCpuPct), baseline: m('plain', (r) => r.serverCpuPct), target: 1.5, note: `median of ${o.reps} run(s); main thread alone coffre ${fmt(m('coffre', (r) => r.serverMainPct))}% / plain ${fmt(m('plain', (r) => r.serverMainPct))}%` },
    {
      ...base,
      name: `${tag} harness latency p99 (incl. queueing behind the other probes)`,
      coffre: m('coffre', (r) => r.harnessP99),
      baseline: m('plain', (r) => r.harnessP99),
    },
    { ...base, name: `${tag} relay latency p99 at the crowd receivers (no own handling)`, coffre: m('coffre', (r) => r.crowdWireP99), baseline: m('plain', (r) => r.crowdWireP99) },
  ];
  const all = [...runs.coffre, ...runs.plain];
  const checks: BenchCheck[] = [
    {
      name: `${tag}: every update delivered`,
      ok: all.every((r) => r.delivered === r.expected && r.crowdDelivered === r.crowdExpected && r.textsMatch && r.integrityErrors === 0),
      detail: all
        .map((r) => `${r.delivered}/${r.expected} applied, ${r.crowdDelivered}/${r.crowdExpected} received${r.integrityErrors ? `, ${r.integrityErrors} integrity errors` : ''}${r.textsMatch ? '' : ', texts differ'}`)
        .join('; '),
    },
  ];
  return { results, checks };
}
