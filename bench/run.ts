/**
 * Benchmarks that print ratios against a baseline measured in the same run.
 * Usage: npm run bench [-- --quick]; pick benchmarks with COFFRE_BENCH_ONLY=crypto,fanout,writers,cold,memory,sheet,chat,drive
 * (or `tsx run.ts --only=…` in bench/).
 *
 * --quick is a smoke run (small loads, one repetition, a prefix of the
 * editing trace): its figures are not the ones to quote.
 *
 * Each benchmark's module is loaded only when it runs: a selection
 * (COFFRE_BENCH_ONLY) loads only what it needs.
 */
import os from 'node:os';
import { printResults, type BenchCheck, type BenchResult } from './printResults.ts';
import type { FanoutOptions } from './sync/fanoutBench.ts';

// `npm run bench -- --quick` at the root reaches this script as npm's config (npm_config_quick), not as an argument.
const quick = process.argv.includes('--quick') || process.env.npm_config_quick === 'true';
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? process.env.COFFRE_BENCH_ONLY;
const only = onlyArg ? new Set(onlyArg.split(',')) : null;
const wanted = (name: string) => only === null || only.has(name);

const results: BenchResult[] = [];
const checks: BenchCheck[] = [];
const started = performance.now();
const section = (name: string) => console.log(`\n== ${name} (${((performance.now() - started) / 1000).toFixed(0)} s) ==`);
console.log(`coffre bench${quick ? ' --quick (smoke run)' : ''}: ${os.cpus().length} cores, node ${process.version}`);

if (wanted('crypto')) {
  section('keystroke envelope');
  const { cryptoEnvelopeBench } = await import('./crypto/cryptoEnvelopeBench.ts');
  results.push(await cryptoEnvelopeBench({ iterations: quick ? 500 : 4_000 }));
  section('file download: decrypt + plaintext digest');
  const { fileDownloadBench } = await import('./crypto/fileDownloadBench.ts');
  results.push(await fileDownloadBench({ chunks: quick ? 4 : 16 }));
}

if (wanted('fanout')) {
  // One writer typing 10 keys/s; four probes (full clients) and a crowd of protocol-level receivers
  // (fanoutBench.ts). Before 2026-12-07 every receiver was a full client in this process, and at 200 the
  // writer typed 4 keys/s to keep that harness below saturation.
  const configs: Array<Pick<FanoutOptions, 'clients' | 'intervalMs'>> = quick
    ? [
        { clients: 10, intervalMs: 100 },
        { clients: 50, intervalMs: 100 },
      ]
    : [
        { clients: 10, intervalMs: 100 },
        { clients: 50, intervalMs: 100 },
        { clients: 200, intervalMs: 100 },
      ];
  // COFFRE_BENCH_FANOUT_CLIENTS=10,50 runs only those client counts; COFFRE_BENCH_FANOUT_WINDOW_MS sets the measured window, COFFRE_BENCH_FANOUT_REPS the repetitions a mode.
  const counts = process.env.COFFRE_BENCH_FANOUT_CLIENTS?.split(',').map(Number);
  const windowMs = Number(process.env.COFFRE_BENCH_FANOUT_WINDOW_MS) || (quick ? 1500 : 5000);
  const reps = Number(process.env.COFFRE_BENCH_FANOUT_REPS) || (quick ? 1 : 3);
  const { fanoutBench } = await import('./sync/fanoutBench.ts');
  for (const c of configs.filter((x) => !counts || counts.includes(x.clients))) {
    section(`fan-out, ${c.clients} clients`);
    const r = await fanoutBench({ ...c, batchMs: 50, warmupMs: quick ? 500 : 1000, windowMs, reps });
    results.push(...r.results);
    checks.push(...r.checks);
  }
}

if (wanted('writers')) {
  // Many documents with one writer each (writersBench.ts): the journal's group commit under load (ADR 0021).
  // COFFRE_BENCH_WRITERS sets the number of documents, COFFRE_BENCH_WRITERS_WINDOW_MS the measured window.
  section('many writers');
  const { writersBench } = await import('./sync/writersBench.ts');
  const writers = Number(process.env.COFFRE_BENCH_WRITERS) || (quick ? 20 : 50);
  const r = await writersBench({ writers, intervalMs: 100, warmupMs: quick ? 1000 : 3000, windowMs: Number(process.env.COFFRE_BENCH_WRITERS_WINDOW_MS) || (quick ? 2000 : 5000), reps: quick ? 1 : 3 });
  results.push(...r.results);
  checks.push(...r.checks);
}

if (wanted('cold')) {
  section('cold open of the editing trace');
  const { coldOpenBench } = await import('./sync/coldOpenBench.ts');
  const r = await coldOpenBench(quick ? { edits: 20_000, editsPerEnvelope: 50, opens: 2 } : { editsPerEnvelope: 50, opens: 5 });
  if (r) {
    results.push(...r.results);
    checks.push(...r.checks);
  }
}

if (wanted('memory')) {
  section('server memory');
  const { serverMemoryBench } = await import('./sync/serverMemoryBench.ts');
  const r = await serverMemoryBench(quick ? { docs: 10, keystrokesPerDoc: 20, connections: 20 } : { docs: 50, keystrokesPerDoc: 20, connections: 200 });
  results.push(...r.results);
  checks.push(...r.checks);
}

if (wanted('sheet')) {
  section('spreadsheet in Chromium');
  const { sheetBench } = await import('./sheets/sheetBench.ts');
  const r = await sheetBench(quick ? { rows: 1_000, opens: 1, scrolls: 2, edits: 10 } : { rows: 5_000, opens: 3, scrolls: 6, edits: 30 });
  if (r) {
    results.push(...r.results);
    checks.push(...r.checks);
  }
}

if (wanted('chat')) {
  section('chat room open');
  const { chatOpenBench } = await import('./chat/chatOpenBench.ts');
  const r = await chatOpenBench(quick ? { messages: 2_000, opens: 3 } : { messages: 10_000, opens: 10 });
  results.push(...r.results);
  checks.push(...r.checks);
}

if (wanted('drive')) {
  section('drive upload and download in Chromium');
  const { driveBench } = await import('./drive/driveBench.ts');
  const r = await driveBench(quick ? { mib: 32, reps: 1 } : { mib: 256, reps: 3 });
  if (r) {
    results.push(...r.results);
    checks.push(...r.checks);
  }
}

const misses = printResults(results, checks);
console.log(`\n${misses === 0 ? 'every target met' : `${misses} target(s) missed`}; ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
