import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Identity, SymmetricKey } from '@coffre/crypto';
import { EncryptedDocSession, type CompactionPolicy } from '@coffre/docs';
import { benchKeys } from './benchKeys.ts';
import * as Y from 'yjs';
import type { BenchCheck, BenchResult } from '../printResults.ts';
import { median, waitForQuiet } from '../stats.ts';
import { createBenchUser, dispatch, newDocKey, now, openCoffreClient, openPlainClient, sleep, waitFor, withTimeout, type CoffreClient, type PlainClient } from './clients.ts';
import { startServer } from './serverProcess.ts';
import { loadTrace } from './trace.ts';

/**
 * COFFRE_BENCH_COLD_PROFILE=/tmp/x writes CPU profiles of this process (the fresh clients) and of the server
 * during five more opens of each kind, after the measured ones: /tmp/x-loaded.cpuprofile and
 * /tmp/x-sqlite.cpuprofile, /tmp/x-loaded-server.cpuprofile and /tmp/x-sqlite-server.cpuprofile.
 */
const PROFILE = process.env.COFFRE_BENCH_COLD_PROFILE;

/** Replay pace: below the collab server's per-connection message rate (100/s refill, 400 burst). */
const ENVELOPES_PER_SECOND = 80;

export type ColdOpenOptions = {
  /** Replay only the first `edits` patches (quick runs); undefined = the whole trace. */
  edits?: number;
  /** Keystrokes per envelope during the replay. */
  editsPerEnvelope: number;
  /** Fresh clients timed per server state (warm and cold), median reported. */
  opens: number;
};

/**
 * Cold open of a long-history document.
 *
 * 1. A writer (EncryptedDocSession + connectHocuspocus, compaction on: a
 *    snapshot once the log holds 300 envelopes) replays the automerge-paper
 *    trace into a Y.Text against the real collab server, one Yjs transaction
 *    per keystroke, sealing `editsPerEnvelope` keystrokes per envelope and
 *    waiting for the server's acknowledgement of each envelope before the
 *    next, at most ENVELOPES_PER_SECOND (the server rate-limits each
 *    connection). When compaction is due the replay pauses until the
 *    snapshot is in: compaction waits for a moment with nothing
 *    unacknowledged, which real typing offers all the time and a
 *    back-to-back replay never does.
 * 2. Fresh clients (new device key, no local state) open the document and
 *    are timed from construction until their plaintext equals the final
 *    text: connect, authenticate, sync the envelope document (snapshot
 *    pointer + tail), fetch the snapshot, verify and decrypt it and the tail.
 *    Once with the document loaded on the server (a plain connection of the
 *    writer's account holds it open), once after the server unloaded it
 *    (loaded back from SQLite). The writer's session, and the trace, are
 *    dropped first: they are not part of a fresh client's heap.
 * 3. Baseline: `Y.applyUpdateV2(new Y.Doc(), encodeStateAsUpdateV2(final))`
 *    and reading the text, in this process.
 */
export async function coldOpenBench(o: ColdOpenOptions): Promise<{ results: BenchResult[]; checks: BenchCheck[] } | null> {
  const trace = loadTrace();
  if (!trace) {
    console.log('  cold open: SKIPPED — the editing trace is not at ../shared/data/automerge-paper.json.gz (set COFFRE_TRACE)');
    return null;
  }
  const patches = o.edits === undefined ? trace.patches : trace.patches.slice(0, o.edits);
  const policy: CompactionPolicy = { afterEnvelopes: 300, afterBytes: 1024 * 1024, jitterMs: 0 };
  await waitForQuiet();
  const server = await startServer('coffre');
  const docId = `trace-${Date.now()}`;
  const live: CoffreClient[] = [];
  let holder: PlainClient | null = null;
  try {
    const user = await createBenchUser('trace');
    await server.setup([user.setup], [{ docId, ownerId: user.setup.userId }]);
    const key = newDocKey();
    const open = (compaction?: CompactionPolicy) => {
      const c = openCoffreClient({ url: server.url, user, docId, key, batchMs: 100, ...(compaction ? { compaction } : {}) });
      live.push(c);
      return c;
    };

    // 1. Replay.
    const writer = open(policy);
    await withTimeout(writer.synced, 30_000, 'writer did not sync');
    const text = writer.session.doc.getText('t');
    if (trace.startContent) text.insert(0, trace.startContent);
    const log = writer.session.envelope.getArray<Uint8Array>('log');
    const sent: Uint8Array[] = [];
    log.observe((e, tx) => {
      if (!tx.local) return;
      for (const item of e.changes.added) for (const c of item.content.getContent()) sent.push(c as Uint8Array);
    });
    let snapshots = 0;
    writer.conn.provider.on('stateless', ({ payload }: { payload: string }) => {
      if (payload.startsWith('{"t":"snap-ack"')) snapshots++;
    });
    const provider = writer.conn.provider;
    const acked = () =>
      new Promise<void>((resolve) => {
        if (!provider.hasUnsyncedChanges) return resolve();
        const on = ({ number }: { number: number }) => {
          if (number === 0) (provider.off('unsyncedChanges', on), resolve());
        };
        provider.on('unsyncedChanges', on);
      });
    let maxLog = 0;
    let pausedMs = 0;
    const t0 = now();
    for (let i = 0, k = 0; i < patches.length; i += o.editsPerEnvelope, k++) {
      // The collab server closes a connection that sends more than 100 messages/s for long (LimitsExtension).
      const due = t0 + pausedMs + (k * 1000) / ENVELOPES_PER_SECOND;
      if (now() < due) await sleep(due - now());
      for (const [pos, del, ins] of patches.slice(i, i + o.editsPerEnvelope)) {
        if (del) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
      }
      writer.session.flush();
      maxLog = Math.max(maxLog, log.length);
      await withTimeout(acked(), 30_000, `envelope ${sent.length} not acknowledged`);
      await new Promise((r) => setTimeout(r, 0)); // let due timers run
      if (log.length >= policy.afterEnvelopes) {
        // Real typing leaves the socket idle nearly all the time, and compaction waits for such a
        // moment (nothing unacknowledged); back-to-back envelopes never give it one. Pause like a typist.
        const p0 = now();
        await waitFor(() => log.length < policy.afterEnvelopes, 10_000, 5);
        pausedMs += now() - p0;
      }
      if ((i / o.editsPerEnvelope) % 1000 === 999) console.log(`  cold open: replayed ${i + o.editsPerEnvelope} of ${patches.length} edits, log ${log.length}, ${snapshots} snapshots`);
    }
    await sleep(1000); // a compaction in flight lands
    const replayS = (now() - t0) / 1000;
    const finalText = text.toString();
    const expected = o.edits === undefined ? trace.endContent : replayPlain(trace.startContent, patches);
    const edits = patches.length;
    const serverLog = (await server.docs(docId)).logLength ?? -1;
    const envelopeBytes = sent.reduce((n, b) => n + b.length, 0);
    console.log(
      `  cold open: replayed ${edits} edits as ${sent.length} envelopes (${o.editsPerEnvelope} edits each, ${(envelopeBytes / sent.length).toFixed(0)} B avg) in ${replayS.toFixed(1)} s (typing paused ${(pausedMs / 1000).toFixed(1)} s in all for compaction); ` +
        `${snapshots} snapshots; log at most ${maxLog} on the writer, ${serverLog} on the server at the end; integrity errors ${writer.errors.length}`,
    );

    // 3. Baseline (measured between the Coffre opens, on the same final state).
    const state = Y.encodeStateAsUpdateV2(writer.session.doc);

    // The fresh clients are timed in this process, so what only the replay needed leaves its heap, which every
    // major GC marks: the trace's 260k patch arrays, and the writer's session (a whole document and its history).
    // A plain connection of the same account keeps the document loaded on the server instead.
    patches.length = 0;
    trace.patches.length = 0;
    const writerErrors = writer.errors.length;
    holder = openPlainClient(server.url, docId, user.cookie);
    await withTimeout(holder.synced, 30_000, 'holder did not sync');
    writer.destroy();
    live.splice(live.indexOf(writer), 1);
    const plainOpen = () => {
      const s = now();
      const d = new Y.Doc();
      Y.applyUpdateV2(d, state);
      const ok = d.getText('t').toString() === finalText;
      const ms = now() - s;
      d.destroy();
      if (!ok) throw new Error('plain load differs');
      return ms;
    };
    plainOpen(); // warm-up

    // 2. Fresh clients.
    type Open = {
      ms: number;
      syncedMs: number;
      snapshotArrivedMs: number;
      snapshotOpenMs: number;
      tailOpenMs: number;
      /** Signatures of the tail checked while the snapshot was on its way (EncryptedDocSession.checkAhead), and when that began. */
      aheadMs: number;
      aheadAtMs: number;
      /** When the session began to handle the snapshot (after the frame was decoded). */
      snapshotAtMs: number;
      tail: number;
      tailBytes: number;
      snapshotBytes: number;
      snapshotsFetched: number;
      errors: number;
    };
    const openFresh = async (): Promise<Open> => {
      const start = now();
      let syncedMs = NaN;
      let snapshotArrivedMs = NaN;
      let snapshotBytes = 0;
      let snapshotsFetched = 0;
      const c = open(); // default compaction policy, like any client
      c.conn.onStatus((s) => {
        if (s === 'synced' && Number.isNaN(syncedMs)) syncedMs = now() - start;
      });
      // Breakdown only: time the session's snapshot handling, and within it the tail (a private method, wrapped from outside).
      const session = c.session as unknown as { receiveSnapshot(b: Uint8Array): void; receive(b: Uint8Array[]): void; checkAhead(): void };
      let inSnapshot = false;
      let snapshotOpenMs = 0;
      let tailOpenMs = 0;
      let aheadMs = 0;
      let aheadAtMs = NaN;
      let snapshotAtMs = NaN;
      const receiveSnapshot = session.receiveSnapshot.bind(session);
      const receive = session.receive.bind(session);
      const checkAhead = session.checkAhead?.bind(session) ?? (() => undefined); // absent before the check ahead existed
      session.checkAhead = () => {
        const t = now();
        if (Number.isNaN(aheadAtMs)) aheadAtMs = t - start;
        checkAhead();
        aheadMs += now() - t;
      };
      session.receiveSnapshot = (b) => {
        const arrival = dispatch.current?.arrival;
        if (arrival !== undefined) snapshotArrivedMs = arrival - start;
        snapshotsFetched++;
        snapshotBytes += b.length;
        const t = now();
        if (Number.isNaN(snapshotAtMs)) snapshotAtMs = t - start;
        inSnapshot = true;
        try {
          receiveSnapshot(b);
        } finally {
          inSnapshot = false;
          snapshotOpenMs += now() - t;
        }
      };
      session.receive = (b) => {
        const t = now();
        receive(b);
        if (inSnapshot) tailOpenMs += now() - t;
      };
      const t = c.session.doc.getText('t');
      const done = new Promise<number>((resolve) => {
        const check = () => {
          if (t.length === finalText.length && t.toString() === finalText) (off(), resolve(now() - start));
        };
        const off = c.session.onChange(check);
      });
      const ms = await withTimeout(done, 60_000, 'fresh client did not reach the final text');
      const tailLog = c.session.envelope.getArray<Uint8Array>('log');
      const r: Open = {
        ms,
        syncedMs,
        snapshotArrivedMs,
        snapshotOpenMs: snapshotOpenMs - tailOpenMs,
        tailOpenMs,
        aheadMs,
        aheadAtMs,
        snapshotAtMs,
        tail: tailLog.length,
        tailBytes: tailLog.toArray().reduce((n, b) => n + b.length, 0),
        snapshotBytes,
        snapshotsFetched,
        errors: c.errors.length,
      };
      const f = (x: number) => x.toFixed(1);
      console.log(
        `    fresh client: synced ${f(r.syncedMs)}, checked ahead ${f(r.aheadAtMs)}+${f(r.aheadMs)}, frame ${f(r.snapshotArrivedMs)}, ` +
          `handled ${f(r.snapshotAtMs)}: snapshot ${f(r.snapshotOpenMs)} + tail ${f(r.tailOpenMs)}; done ${f(r.ms)} ms`,
      );
      c.destroy();
      live.splice(live.indexOf(c), 1);
      return r;
    };
    const profiled = async (file: string, run: () => Promise<unknown>) => {
      const inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.post('Profiler.start');
      await server.profile(`${file}-server.cpuprofile`);
      for (let i = 0; i < 5; i++) await run();
      const { profile } = await inspector.post('Profiler.stop');
      inspector.disconnect();
      fs.writeFileSync(`${file}.cpuprofile`, JSON.stringify(profile));
      await server.profile(null);
      console.log(`  cold open: CPU profiles of five more opens in ${file}.cpuprofile and ${file}-server.cpuprofile`);
    };
    const plainMs: number[] = [];
    const warm: Open[] = [];
    for (let i = 0; i < o.opens; i++) {
      warm.push(await openFresh());
      plainMs.push(plainOpen());
      await sleep(200);
    }
    if (PROFILE) await profiled(`${PROFILE}-loaded`, async () => (await openFresh(), await sleep(200)));
    // The fresh clients may have compacted nothing (tail < 300); the holder leaves, and the server unloads the document.
    holder.destroy();
    holder = null;
    const unloaded = () => waitFor(async () => (await server.docs()).documents === 0, 15_000, 50);
    if (!(await unloaded())) throw new Error('server did not unload the document');
    const cold: Open[] = [];
    for (let i = 0; i < o.opens; i++) {
      cold.push(await openFresh());
      plainMs.push(plainOpen());
      if (!(await unloaded())) throw new Error('server did not unload the document');
    }
    if (PROFILE) await profiled(`${PROFILE}-sqlite`, async () => (await openFresh(), await unloaded()));

    // Information: what a client would pay with no compaction at all (the whole log, one batch, no server).
    let fullLogMs = NaN;
    {
      const s = now();
      const c = openCoffreClientOffline(docId, key, user.identity);
      c.envelope.transact(() => c.envelope.getArray<Uint8Array>('log').push(sent));
      const ok = c.doc.getText('t').toString() === finalText;
      fullLogMs = now() - s;
      c.destroy();
      if (!ok) console.warn('  cold open: full-log replay did not reach the final text');
    }

    const plain = median(plainMs);
    const med = (x: Open[], f: (r: Open) => number) => median(x.map(f)).toFixed(0);
    // Medians of each part, as a timeline from the client's start (ms).
    const fmtOpen = (x: Open[]) =>
      `synced at ${med(x, (r) => r.syncedMs)}; tail (${x.map((r) => r.tail).join('/')} envelopes, ${(median(x.map((r) => r.tailBytes)) / 1024).toFixed(0)} KiB) signatures checked ahead ` +
      `from ${med(x, (r) => r.aheadAtMs)} for ${med(x, (r) => r.aheadMs)}; snapshot frame (${(median(x.map((r) => r.snapshotBytes)) / 1024).toFixed(0)} KiB) arrived at ` +
      `${med(x, (r) => r.snapshotArrivedMs)}, handled from ${med(x, (r) => r.snapshotAtMs)}: verify+decrypt+apply ${med(x, (r) => r.snapshotOpenMs)}, then the tail ${med(x, (r) => r.tailOpenMs)}; ` +
      `total ${x.map((r) => r.ms.toFixed(0)).join('/')} ms`;
    console.log(`  cold open, document loaded on the server: ${fmtOpen(warm)}`);
    console.log(`  cold open, document loaded from SQLite:   ${fmtOpen(cold)}`);
    const tag = `cold open of the editing trace (${edits} edits, ${sent.length} envelopes)`;
    const base = { unit: 'ms', baselineName: 'plain Y.Doc load of the same state' };
    const results: BenchResult[] = [
      { ...base, name: `${tag}, fresh client, server has it loaded`, coffre: median(warm.map((r) => r.ms)), baseline: plain, target: 3, note: `median of ${o.opens}; baseline median of ${plainMs.length}` },
      { ...base, name: `${tag}, fresh client, server loads it from SQLite`, coffre: median(cold.map((r) => r.ms)), baseline: plain, target: 3 },
      { ...base, name: `${tag}, whole envelope log without compaction (no network)`, coffre: fullLogMs, baseline: plain },
    ];
    const opens = [...warm, ...cold];
    const checks: BenchCheck[] = [
      { name: `${tag}: final text equals ${o.edits === undefined ? "the trace's endContent" : 'a plain Yjs replay of the same edits'}`, ok: finalText === expected && (o.edits !== undefined || finalText === trace.endContent), detail: `${finalText.length} characters, expected ${expected.length}` },
      {
        name: `${tag}: a fresh client fetches one snapshot and ≤ 300 envelopes`,
        ok: opens.every((r) => r.tail <= 300 && r.snapshotsFetched === 1),
        detail: `tails ${opens.map((r) => r.tail).join(', ')}; snapshots fetched ${opens.map((r) => r.snapshotsFetched).join(', ')}; at most ${maxLog} envelopes in the log during the replay`,
      },
      { name: `${tag}: no integrity errors`, ok: writerErrors === 0 && opens.every((r) => r.errors === 0), detail: `writer ${writerErrors}, fresh clients ${opens.map((r) => r.errors).join(', ')}` },
    ];
    return { results, checks };
  } finally {
    for (const c of live) c.destroy();
    holder?.destroy();
    await server.stop();
  }
}

/** Replays patches on a plain string (the expected text for a prefix of the trace). */
function replayPlain(start: string, patches: ReadonlyArray<readonly [number, number, string]>): string {
  const d = new Y.Doc();
  const t = d.getText('t');
  d.transact(() => {
    if (start) t.insert(0, start);
    for (const [pos, del, ins] of patches) {
      if (del) t.delete(pos, del);
      if (ins) t.insert(pos, ins);
    }
  });
  return t.toString();
}

/** A session with no transport: envelopes are handed to it directly. */
function openCoffreClientOffline(docId: string, key: SymmetricKey, identity: Identity): EncryptedDocSession {
  return new EncryptedDocSession({ docId, keys: benchKeys(key), identity });
}
