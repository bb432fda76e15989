import type { BenchCheck, BenchResult } from '../printResults.ts';
import { waitForQuiet } from '../stats.ts';
import { createBenchUser, newDocKey, openCoffreClient, openMany, openPlainClient, sleep, waitFor, type CoffreClient, type PlainClient } from './clients.ts';
import type { MemReport } from './serverChild.ts';
import { startServer } from './serverProcess.ts';

export type ServerMemoryOptions = { docs: number; keystrokesPerDoc: number; connections: number };

type Figures = { base: MemReport; docsOpen: MemReport; connsOpen: MemReport; after: MemReport; again: MemReport; envelopeBytesPerDoc: number };

/**
 * Server memory, measured inside the server child after forced GC
 * (`--expose-gc`, four collections), as V8 heap without its code space
 * (compiled code grows as paths get optimised and is not per document):
 *
 * - per open document: `docs` documents, one client each, which typed
 *   `keystrokesPerDoc` keystrokes (one update, or one envelope, each);
 * - per connection: `connections` more clients on one of those documents;
 * - after every client has left and the server has unloaded every
 *   document, against the figure before any was opened.
 *
 * A warm-up cycle (ten documents opened, typed into and left) runs first,
 * so lazily built state is in the baseline as well as in the end figure.
 * Hocuspocus stores (coffre: debounce 500 ms, at most 2 s) are let finish
 * before each reading.
 */
async function runOnce(mode: 'coffre' | 'plain', o: ServerMemoryOptions): Promise<Figures> {
  const server = await startServer(mode);
  const clients: Array<CoffreClient | PlainClient> = [];
  try {
    const warmDocs = Math.min(10, o.docs);
    const docIds = Array.from({ length: 2 * o.docs + warmDocs }, (_, i) => `mem-${mode}-${i}`);
    let open: (docId: string) => CoffreClient | PlainClient;
    let typeInto: (c: CoffreClient | PlainClient) => void;
    if (mode === 'coffre') {
      const user = await createBenchUser('mem');
      await server.setup([user.setup], docIds.map((docId) => ({ docId, ownerId: user.setup.userId })));
      const key = newDocKey();
      open = (docId) => openCoffreClient({ url: server.url, user, docId, key, batchMs: 50 });
      typeInto = (c) => {
        const s = (c as CoffreClient).session;
        const t = s.doc.getText('t');
        for (let k = 0; k < o.keystrokesPerDoc; k++) {
          t.insert(t.length, 'x');
          s.flush(); // one envelope per keystroke
        }
      };
    } else {
      open = (docId) => openPlainClient(server.url, docId);
      typeInto = (c) => {
        const t = (c as PlainClient).doc.getText('t');
        for (let k = 0; k < o.keystrokesPerDoc; k++) t.insert(t.length, 'x'); // one update each
      };
    }
    const provider = (c: CoffreClient | PlainClient) => ('conn' in c ? c.conn.provider : c.provider);
    const allAcked = async () => {
      if (!(await waitFor(() => clients.every((c) => !provider(c).hasUnsyncedChanges), 30_000))) throw new Error('updates not acknowledged');
      await sleep(2500); // debounced stores have run
    };
    const leaveAll = async () => {
      for (const c of clients.splice(0)) c.destroy();
      const gone = await waitFor(async () => {
        const d = await server.docs();
        return d.documents === 0 && d.connections === 0;
      }, 30_000, 100);
      if (!gone) throw new Error(`${mode} server kept documents or connections after every client left`);
      await sleep(500);
    };
    const snapshot = async (tag: string) => {
      if (process.env.COFFRE_BENCH_HEAPSNAPSHOT) await server.heapSnapshot(`${process.env.COFFRE_BENCH_HEAPSNAPSHOT}-${mode}-${tag}.heapsnapshot`);
    };

    const warm = await openMany(warmDocs, 25, (i) => open(docIds[o.docs + i]!));
    clients.push(...warm);
    warm.forEach(typeInto);
    await allAcked();
    await leaveAll();
    const base = await server.mem();
    await snapshot('base');

    const opened = await openMany(o.docs, 25, (i) => open(docIds[i]!));
    clients.push(...opened);
    opened.forEach(typeInto);
    await allAcked();
    const docsOpen = await server.mem();
    await snapshot('docs');
    let envelopeBytesPerDoc = 0;
    if (mode === 'coffre') {
      const log = (opened[0] as CoffreClient).session.envelope.getArray<Uint8Array>('log');
      envelopeBytesPerDoc = log.toArray().reduce((n, b) => n + b.length, 0);
    }

    clients.push(...(await openMany(o.connections, 25, () => open(docIds[0]!))));
    await sleep(2500); // awareness settles
    const connsOpen = await server.mem();

    await leaveAll();
    const after = await server.mem();
    await snapshot('after');

    const second = await openMany(o.docs, 25, (i) => open(docIds[o.docs + warmDocs + i]!));
    clients.push(...second);
    second.forEach(typeInto);
    await allAcked();
    clients.push(...(await openMany(o.connections, 25, () => open(docIds[o.docs + warmDocs]!))));
    await sleep(2500);
    await leaveAll();
    const again = await server.mem();
    return { base, docsOpen, connsOpen, after, again, envelopeBytesPerDoc };
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
  }
}

const kib = (b: number) => b / 1024;
const mib = (b: number) => (b / 1024 / 1024).toFixed(1);

export async function serverMemoryBench(o: ServerMemoryOptions): Promise<{ results: BenchResult[]; checks: BenchCheck[] }> {
  const figs: Partial<Record<'coffre' | 'plain', Figures>> = {};
  for (const mode of ['plain', 'coffre'] as const) {
    await waitForQuiet(15_000);
    const f = await runOnce(mode, o);
    figs[mode] = f;
    const series = (pick: (m: MemReport) => number) => [f.base, f.docsOpen, f.connsOpen, f.after, f.again].map((m) => mib(pick(m))).join(' → ');
    console.log(
      `  server memory ${mode.padEnd(6)} (before → ${o.docs} documents → +${o.connections} connections → all left → same again, all left), MiB: heap without code ${series((m) => m.heap)}; ` +
        `code ${series((m) => m.codeSpace)}; array buffers ${series((m) => m.arrayBuffers)}; RSS ${series((m) => m.rss)}` +
        (f.envelopeBytesPerDoc ? `; envelopes per document ${(f.envelopeBytesPerDoc / 1024).toFixed(1)} KiB` : ''),
    );
  }
  const c = figs.coffre!;
  const p = figs.plain!;
  const perDoc = (f: Figures) => kib(f.docsOpen.heap - f.base.heap + f.docsOpen.arrayBuffers - f.base.arrayBuffers) / o.docs;
  const perConn = (f: Figures) => kib(f.connsOpen.heap - f.docsOpen.heap + f.connsOpen.arrayBuffers - f.docsOpen.arrayBuffers) / o.connections;
  const base = { unit: 'KiB', baselineName: 'plain Hocuspocus' };
  const results: BenchResult[] = [
    {
      ...base,
      name: `server memory per open document (1 client, ${o.keystrokesPerDoc} keystrokes each; heap without code + array buffers)`,
      coffre: perDoc(c),
      baseline: perDoc(p),
      target: 1.5,
    },
    { ...base, name: `server memory per connection (${o.connections} more clients on one document)`, coffre: perConn(c), baseline: perConn(p), target: 1.5 },
  ];
  const back = (f: Figures) => f.after.heap <= f.base.heap * 1.1 && f.again.heap <= f.base.heap * 1.1;
  const line = (f: Figures) => `heap ${mib(f.base.heap)} → ${mib(f.after.heap)} → ${mib(f.again.heap)} MiB (RSS ${mib(f.base.rss)} → ${mib(f.after.rss)} → ${mib(f.again.rss)})`;
  const checks: BenchCheck[] = [
    { name: 'server heap returns to within 10% of its baseline once every client has left (twice)', ok: back(c), detail: `coffre ${line(c)}; plain ${line(p)}` },
  ];
  return { results, checks };
}
