import type { BenchCheck, BenchResult } from '../printResults.ts';
import { loadWindow, median, waitForQuiet } from '../stats.ts';
import { createBenchUser, newDocKey, openCoffreClient, openMany, openPlainClient, sleep, waitFor, type CoffreClient, type PlainClient } from './clients.ts';
import { startServer, type ServerProcess } from './serverProcess.ts';

/**
 * Many writers: `writers` documents, each with one person typing into it (one keystroke every
 * `intervalMs`, the writers' phases spread evenly over the interval, each keystroke sent at once:
 * an envelope for Coffre, a Yjs update for plain Hocuspocus). A server hosting many documents at
 * once, where the fan-out benchmark has one: every keystroke is a journal write for Coffre's server
 * (ADR 0006), and the updates that arrive in one turn of its event loop share a commit (ADR 0021).
 * Figures: the server's CPU over the window, and for Coffre its journal commits against the updates
 * they wrote. Information only: the issue sets its server-CPU target on one document's fan-out.
 */
export type WritersOptions = { writers: number; intervalMs: number; warmupMs: number; windowMs: number; reps: number };

type RunFigures = { serverCpuPct: number; serverSystemPct: number; keystrokes: number; commits: number; entries: number; journalP99: number; acknowledged: boolean; foreignPct: number | null };

/** Diagnostics: COFFRE_BENCH_WRITERS_PROFILE=/tmp/x writes a CPU profile of the server over each window (`/tmp/x-coffre.cpuprofile`; with COFFRE_BENCH_PERF=1 a Linux perf record); the last repetition's is kept. */
const PROFILE = process.env.COFFRE_BENCH_WRITERS_PROFILE;

const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

async function runOnce(mode: 'coffre' | 'plain', o: WritersOptions, server: ServerProcess, rep: number): Promise<RunFigures> {
  const docIds = Array.from({ length: o.writers }, (_, i) => `writers-${mode}-${rep}-${i}-${Date.now()}`);
  let clients: Array<CoffreClient | PlainClient> = [];
  const timers: Array<ReturnType<typeof setTimeout>> = [];
  try {
    if (mode === 'coffre') {
      const user = await createBenchUser('writers');
      await server.setup([user.setup], docIds.map((docId) => ({ docId, ownerId: user.setup.userId })));
      const key = newDocKey();
      clients = await openMany(o.writers, 10, (i) => openCoffreClient({ url: server.url, user, docId: docIds[i]!, key, batchMs: o.intervalMs }));
    } else {
      clients = await openMany(o.writers, 10, (i) => openPlainClient(server.url, docIds[i]!));
    }
    let keystrokes = 0;
    let counting = false;
    const type = (c: CoffreClient | PlainClient) => {
      if ('session' in c) {
        const t = c.session.doc.getText('t');
        t.insert(t.length, 'x');
        c.session.flush();
      } else {
        const t = c.doc.getText('t');
        t.insert(t.length, 'x');
      }
      if (counting) keystrokes++;
    };
    // Each writer's phase: i / writers of the interval.
    clients.forEach((c, i) => timers.push(setTimeout(() => timers.push(setInterval(() => type(c), o.intervalMs)), (i * o.intervalMs) / o.writers)));
    await sleep(o.warmupMs);
    if (PROFILE) await server.profile(`${PROFILE}-${mode}.cpuprofile`);
    const cpu0 = await server.cpu();
    const win = await loadWindow();
    counting = true;
    await sleep(o.windowMs);
    counting = false;
    const cpu1 = await server.cpu();
    if (PROFILE) await server.profile(null);
    const serverMs = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000;
    const load = await win.end(serverMs);
    timers.forEach((t) => clearInterval(t));
    const providers = clients.map((c) => ('conn' in c ? c.conn.provider : c.provider));
    const acknowledged = await waitFor(() => providers.every((p) => !p.hasUnsyncedChanges), 10_000);
    return {
      serverCpuPct: (serverMs / load.wallMs) * 100,
      serverSystemPct: ((cpu1.system - cpu0.system) / 1000 / load.wallMs) * 100,
      keystrokes,
      commits: cpu1.journalWrites,
      entries: cpu1.journalEntries,
      journalP99: cpu1.journalP99,
      acknowledged,
      foreignPct: load.foreignPct,
    };
  } finally {
    timers.forEach((t) => clearInterval(t));
    clients.forEach((c) => c.destroy());
  }
}

export async function writersBench(o: WritersOptions): Promise<{ results: BenchResult[]; checks: BenchCheck[] }> {
  const runs: Record<'coffre' | 'plain', RunFigures[]> = { coffre: [], plain: [] };
  const servers = new Map<'coffre' | 'plain', ServerProcess>();
  try {
    for (let rep = 0; rep < o.reps; rep++) {
      const order: Array<'coffre' | 'plain'> = rep % 2 === 0 ? ['plain', 'coffre'] : ['coffre', 'plain'];
      for (const mode of order) {
        let server = servers.get(mode);
        if (!server) servers.set(mode, (server = await startServer(mode)));
        await waitForQuiet(10_000);
        const f = await runOnce(mode, o, server, rep);
        runs[mode].push(f);
        console.log(
          `  writers N=${o.writers} ${mode.padEnd(6)} rep ${rep + 1}: server CPU ${fmt(f.serverCpuPct)}% (kernel ${fmt(f.serverSystemPct)}%) for ${f.keystrokes} keystrokes` +
            `${mode === 'coffre' ? `, ${f.commits} journal commits of ${f.entries} updates (commit p99 ${fmt(f.journalP99, 2)} ms)` : ''}` +
            `, all acknowledged ${f.acknowledged ? 'yes' : 'NO'}, foreign ${f.foreignPct === null ? 'n/a' : fmt(f.foreignPct) + '%'}`,
        );
      }
    }
  } finally {
    for (const server of servers.values()) await server.stop();
  }
  const tag = `many writers: ${o.writers} documents × 1 writer at 1 key/${o.intervalMs} ms`;
  const m = (mode: 'coffre' | 'plain', f: (r: RunFigures) => number) => median(runs[mode].map(f));
  const results: BenchResult[] = [
    {
      name: `${tag}, server CPU`,
      unit: '% of a core',
      baselineName: 'plain Hocuspocus',
      coffre: m('coffre', (r) => r.serverCpuPct),
      baseline: m('plain', (r) => r.serverCpuPct),
      note: `median of ${o.reps} run(s); Coffre's journal: ${runs.coffre.map((r) => `${r.commits} commits of ${r.entries} updates`).join(', ')}`,
    },
  ];
  const all = [...runs.coffre, ...runs.plain];
  const checks: BenchCheck[] = [
    {
      name: `${tag}: every keystroke acknowledged`,
      ok: all.every((r) => r.acknowledged && r.keystrokes > 0),
      detail: all.map((r) => `${r.keystrokes} typed, ${r.acknowledged ? 'all acknowledged' : 'NOT all acknowledged'}`).join('; '),
    },
  ];
  return { results, checks };
}
