import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AEAD_LAYOUT, FILE_CHUNK_SIZE } from '@coffre/crypto';
import type { BenchCheck, BenchResult } from '../printResults.ts';
import { signInViaUi } from '../sheets/signInViaUi.ts';
import { signUpViaUi } from '../sheets/signUpViaUi.ts';
import { startCoffreServers, type CoffreServers } from '../sheets/startCoffreServers.ts';
import { median, waitForQuiet } from '../stats.ts';
import type { CdpPage } from './CdpPage.ts';
import { ChromiumDevice } from './ChromiumDevice.ts';
import { downloadViaUi } from './downloadViaUi.ts';
import { plainTransfers } from './plainTransfers.ts';
import { sha256File } from './sha256File.ts';
import { timeQuietly, type Quiet } from './timeQuietly.ts';
import { uploadViaUi } from './uploadViaUi.ts';
import { writeRandomFile } from './writeRandomFile.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASSWORD = 'correct horse battery staple';
const TIMEOUT_MS = 600_000;
/** Two chunks, moved once each way before the timed runs: wasm tiers up, V8 optimises, the server's routes are warm. */
const WARMUP_MIB = 8;
/** COFFRE_BENCH_DRIVE_PROFILE=/tmp/x writes CPU profiles of the first encrypted upload's page (/tmp/x-upload.cpuprofile) and download's (/tmp/x-download.cpuprofile). Those runs' figures carry the profiler's cost. */
const PROFILE = process.env.COFFRE_BENCH_DRIVE_PROFILE;

export type DriveBenchOptions = {
  /** Size of the file, in MiB. */
  mib: number;
  /** Repetitions of each measurement, alternating which mode goes first; medians are reported. */
  reps: number;
};

type Timed = { ms: number };
const newId = () => randomBytes(16).toString('base64url');
const rate = (mib: number, t: Timed) => mib / (t.ms / 1000);
const list = (mib: number, runs: Timed[]) => runs.map((r) => rate(mib, r).toFixed(1)).join(', ');
const secs = (runs: Timed[]) => runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ');
/** Runs both, `first` first when `firstFirst`, the other way round otherwise. */
async function inTurn<A, B>(firstFirst: boolean, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  if (firstFirst) {
    const x = await first();
    return [x, await second()];
  }
  const y = await second();
  return [await first(), y];
}
const foreign = (runs: Array<Quiet<Timed>>) => {
  const f = runs.map((r) => r.foreignPct ?? 0);
  return `${Math.min(...f).toFixed(0)}–${Math.max(...f).toFixed(0)}%`;
};

/**
 * Encrypted upload and download of one file through the real drive in
 * Chromium, against the same bytes sent unencrypted to the same endpoints
 * from the same browser, and against a plain local copy of the file on the
 * same disk. See bench/README.md, "How the drive benchmark measures".
 */
export async function driveBench(o: DriveBenchOptions): Promise<{ results: BenchResult[]; checks: BenchCheck[] } | null> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    console.log(`  drive: SKIPPED — no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-bench-drive-'));
  const source = path.join(dir, 'source.bin');
  writeRandomFile(source, o.mib);
  const sourceHash = await sha256File(source);
  const warmSource = path.join(dir, 'warm.bin');
  writeRandomFile(warmSource, WARMUP_MIB);
  const warmHash = await sha256File(warmSource);
  // Every upload needs a name of its own (a clash would open the conflict dialog): hard links, the same bytes on disk.
  const named = (from: string, name: string) => {
    const to = path.join(dir, name);
    fs.linkSync(from, to);
    return to;
  };
  const chunkCount = Math.ceil((o.mib * 2 ** 20) / FILE_CHUNK_SIZE);
  console.log(`  ${o.mib} MiB of random bytes (${chunkCount} chunks of ${FILE_CHUNK_SIZE / 2 ** 20} MiB), ${o.reps} repetition(s)`);

  let servers: CoffreServers | null = null;
  const devices: ChromiumDevice[] = [];
  const pages: CdpPage[] = [];
  const hashes = { ok: 0, all: 0, bad: [] as string[] };
  const checkHash = async (file: string, want: string, what: string) => {
    hashes.all++;
    if ((await sha256File(file)) === want) hashes.ok++;
    else hashes.bad.push(what);
    fs.rmSync(file);
  };
  try {
    await waitForQuiet();
    servers = await startCoffreServers(REPO);
    const origin = servers.baseUrl;
    const username = `bench-drive-${Date.now().toString(36)}`;
    // Two devices of one person: A uploads; B, open on the same folder, lists each upload once the server has it, and downloads.
    const deviceA = await ChromiumDevice.launch(executablePath, path.join(dir, 'device-a'));
    devices.push(deviceA);
    const deviceB = await ChromiumDevice.launch(executablePath, path.join(dir, 'device-b'));
    devices.push(deviceB);
    // Playwright signs in on each and lets go: the transfers are timed with no Playwright attached.
    for (const [device, enter] of [[deviceA, signUpViaUi], [deviceB, signInViaUi]] as const) {
      const pw = await chromium.connectOverCDP(device.httpEndpoint);
      try {
        const context = pw.contexts()[0]!;
        const page = context.pages()[0] ?? (await context.newPage());
        await enter(page, username, PASSWORD, origin);
      } finally {
        await pw.close();
      }
    }
    const a = await deviceA.page('uploader');
    const b = await deviceB.page('downloader');
    pages.push(a, b);
    const plainA = plainTransfers(a);
    const plainB = plainTransfers(b);

    const encryptedUpload = (file: string, profile?: string) => a.profileWhile(profile, () => uploadViaUi(a, b, file, TIMEOUT_MS));
    const plainUpload = async (file: string, parentId: string) => {
      const fileId = newId();
      const t0 = performance.now();
      await plainA.pick(file);
      await plainA.upload(fileId, parentId, FILE_CHUNK_SIZE);
      return { ms: performance.now() - t0, fileId };
    };
    const encryptedDownload = async (fileId: string, want: string, what: string, profile?: string) => {
      const d = await b.profileWhile(profile, () => downloadViaUi(deviceB, b, fileId, TIMEOUT_MS));
      await checkHash(d.path, want, what);
      return { ms: d.ms };
    };
    const plainDownload = async (fileId: string, chunks: number, want: string, what: string) => {
      const saved = deviceB.nextDownload(TIMEOUT_MS);
      const t0 = performance.now();
      await plainB.download(fileId, chunks, `${fileId}.bin`);
      const file = await saved;
      const ms = performance.now() - t0;
      await checkHash(file, want, what);
      return { ms };
    };

    // Warm-up, untimed. It also learns the folder the drive uploads into (from its POST /api/files), for the baseline.
    const warmChunks = WARMUP_MIB / (FILE_CHUNK_SIZE / 2 ** 20);
    const { body, result: warm } = await a.postBodyDuring('/api/files', () => encryptedUpload(named(warmSource, 'warm-coffre.bin')));
    const parentId = body === null ? null : (JSON.parse(body) as { parentId?: string }).parentId;
    if (!parentId) throw new Error('the drive\'s upload did not name its folder (POST /api/files)');
    const warmPlain = await plainUpload(named(warmSource, 'warm-plain.bin'), parentId);
    await encryptedDownload(warm.fileId, warmHash, 'warm-up, Coffre');
    await plainDownload(warmPlain.fileId, warmChunks, warmHash, 'warm-up, unencrypted');
    const sealedSize = await plainA.size(warm.fileId);
    const plainSize = await plainA.size(warmPlain.fileId);
    const sealedWant = WARMUP_MIB * 2 ** 20 + warmChunks * AEAD_LAYOUT.overheadBytes;
    const checks: BenchCheck[] = [
      {
        name: 'drive: the server holds sealed chunks for Coffre, the plain bytes for the baseline',
        ok: sealedSize === sealedWant && plainSize === WARMUP_MIB * 2 ** 20,
        detail: `${WARMUP_MIB} MiB file: Coffre's version is ${sealedSize} B (${warmChunks} × ${AEAD_LAYOUT.overheadBytes} B of sealing overhead: ${sealedWant} expected), the baseline's ${plainSize} B`,
      },
    ];
    await plainA.remove(warm.fileId);
    await plainA.remove(warmPlain.fileId);

    const up = { coffre: [] as Array<Quiet<Timed>>, plain: [] as Array<Quiet<Timed>> };
    const down = { coffre: [] as Array<Quiet<Timed>>, plain: [] as Array<Quiet<Timed>> };
    const copy: Array<Quiet<Timed>> = [];
    const drop = (r: { fileId: string }) => plainA.remove(r.fileId);
    const show = (what: string, r: Quiet<Timed>) =>
      console.log(`  ${what}: ${(r.ms / 1000).toFixed(2)} s, ${rate(o.mib, r).toFixed(1)} MiB/s (other processes ${r.foreignPct === null ? 'n/a' : `${r.foreignPct.toFixed(0)}%`} of a core)`);
    for (let rep = 0; rep < o.reps; rep++) {
      const profile = rep === 0 && PROFILE ? PROFILE : undefined;
      const upCoffre = () => timeQuietly('Coffre upload', (t) => encryptedUpload(named(source, `coffre-${rep}-${t}.bin`), profile && t === 0 ? `${profile}-upload.cpuprofile` : undefined), drop);
      const upPlain = () => timeQuietly('unencrypted upload', (t) => plainUpload(named(source, `plain-${rep}-${t}.bin`), parentId), drop);
      const [c, p] = await inTurn(rep % 2 === 0, upCoffre, upPlain);
      up.coffre.push(c);
      up.plain.push(p);
      show(`rep ${rep + 1}, Coffre upload`, c);
      show(`rep ${rep + 1}, unencrypted upload`, p);

      const downCoffre = () => timeQuietly('Coffre download', () => encryptedDownload(c.fileId, sourceHash, `rep ${rep + 1}, Coffre`, profile && `${profile}-download.cpuprofile`));
      const downPlain = () => timeQuietly('unencrypted download', () => plainDownload(p.fileId, chunkCount, sourceHash, `rep ${rep + 1}, unencrypted`));
      const [dc, dp] = await inTurn(rep % 2 === 0, downCoffre, downPlain);
      down.coffre.push(dc);
      down.plain.push(dp);
      show(`rep ${rep + 1}, Coffre download`, dc);
      show(`rep ${rep + 1}, unencrypted download`, dp);

      const k = await timeQuietly('local copy', async () => {
        const to = path.join(dir, `copy-${rep}.bin`);
        const t0 = performance.now();
        await fs.promises.copyFile(source, to);
        const ms = performance.now() - t0;
        fs.rmSync(to);
        return { ms };
      });
      copy.push(k);
      show(`rep ${rep + 1}, local copy`, k);
      await plainA.remove(c.fileId);
      await plainA.remove(p.fileId);
    }

    checks.push(
      { name: 'drive: every download has the SHA-256 of the source', ok: hashes.ok === hashes.all, detail: hashes.bad.length === 0 ? `${hashes.ok}/${hashes.all}` : `differs: ${hashes.bad.join(', ')}` },
      { name: 'drive: no page or console errors', ok: a.problems.length + b.problems.length === 0, detail: [...a.problems, ...b.problems].slice(0, 3).join(' | ') || 'none' },
    );
    const size = `${o.mib} MiB`;
    const base = { unit: 'MiB/s' };
    const results: BenchResult[] = [
      {
        ...base,
        name: `drive ${size} upload, encrypted vs unencrypted (throughput)`,
        baselineName: 'unencrypted, same server',
        coffre: median(up.coffre.map((r) => rate(o.mib, r))),
        baseline: median(up.plain.map((r) => rate(o.mib, r))),
        targetMin: 0.5,
        note: `median of ${o.reps}; Coffre ${list(o.mib, up.coffre)} MiB/s (${secs(up.coffre)} s, until a second device lists the file); unencrypted ${list(o.mib, up.plain)} MiB/s (${secs(up.plain)} s); other processes ${foreign([...up.coffre, ...up.plain])} of a core`,
      },
      {
        ...base,
        name: `drive ${size} download, encrypted vs unencrypted (throughput)`,
        baselineName: 'unencrypted, same server',
        coffre: median(down.coffre.map((r) => rate(o.mib, r))),
        baseline: median(down.plain.map((r) => rate(o.mib, r))),
        targetMin: 0.5,
        note: `median of ${o.reps}; Coffre ${list(o.mib, down.coffre)} MiB/s (${secs(down.coffre)} s, until the browser has written the file); unencrypted ${list(o.mib, down.plain)} MiB/s (${secs(down.plain)} s); other processes ${foreign([...down.coffre, ...down.plain])} of a core`,
      },
      {
        ...base,
        name: `drive ${size} upload, encrypted vs a local file copy`,
        baselineName: 'fs.copyFile',
        coffre: median(up.coffre.map((r) => rate(o.mib, r))),
        baseline: median(copy.map((r) => rate(o.mib, r))),
        note: `copy ${list(o.mib, copy)} MiB/s, same disk (page cache, no fsync; the server fsyncs each chunk)`,
      },
      {
        ...base,
        name: `drive ${size} download, encrypted vs a local file copy`,
        baselineName: 'fs.copyFile',
        coffre: median(down.coffre.map((r) => rate(o.mib, r))),
        baseline: median(copy.map((r) => rate(o.mib, r))),
      },
    ];
    return { results, checks };
  } catch (e) {
    if (servers) console.log(servers.logTail());
    for (const [i, page] of pages.entries()) {
      const shot = path.join(os.tmpdir(), `coffre-bench-drive-failure-${i === 0 ? 'uploader' : 'downloader'}.png`);
      if (await page.screenshot(shot).then(() => true, () => false)) console.log(`  screenshot: ${shot}`);
    }
    throw e;
  } finally {
    for (const d of devices) await d.close();
    await servers?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
