import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCheck, BenchResult } from '../printResults.ts';
import { median, percentile, waitForQuiet } from '../stats.ts';
import { buildSheetCsv } from './buildSheetCsv.ts';
import { jsHeapUsed } from './jsHeapUsed.ts';
import { launchChromium } from './launchChromium.ts';
import { loadSheetIntoCoffre } from './loadSheetIntoCoffre.ts';
import { measureEdits } from './measureEdits.ts';
import { measureScroll } from './measureScroll.ts';
import { openCoffreSheet } from './openCoffreSheet.ts';
import { profileWhile } from './profileWhile.ts';
import { openPlainGrid, type PlainGridFiles } from './openPlainGrid.ts';
import { signUpViaUi } from './signUpViaUi.ts';
import { startCoffreServers, type CoffreServers } from './startCoffreServers.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 20_261_203;
const VIEWPORT = { width: 1600, height: 1000 };
/** A new sheet has at least 26 columns (SHEET_LIMITS.NEW_SHEET_COLS): the plain grid gets the same empty ones. */
const GRID_COLS = 26;
const TAB = 'bench-data';
const PASSWORD = 'correct horse battery staple';
/** COFFRE_BENCH_SHEET_PROFILE=/tmp/x writes CPU profiles of both grids' jumps to /tmp/x-coffre-jumps.cpuprofile and /tmp/x-plain-jumps.cpuprofile. */
const PROFILE = process.env.COFFRE_BENCH_SHEET_PROFILE;

export type SheetBenchOptions = {
  rows: number;
  /** Cold opens of each grid, alternating Coffre and plain; the median is reported. */
  opens: number;
  /** Jumps to the last row and back (in the first open of each). */
  scrolls: number;
  /** Timed edits (in the first open of each), after 2 untimed ones. */
  edits: number;
};

const ms = (n: number) => `${n.toFixed(0)} ms`;
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');

/**
 * A `rows` × 20 sheet (100,000 cells at 5,000 rows) in Coffre's spreadsheet
 * against a plain local Handsontable + HyperFormula in the same Chromium:
 * time to interactive on a cold open, scrolling to the far end and back, and
 * the latency from pressing Enter on an edit until the formula that depends on
 * it shows the new value. See bench/README.md for what each figure includes.
 */
export async function sheetBench(o: SheetBenchOptions): Promise<{ results: BenchResult[]; checks: BenchCheck[] } | null> {
  const nm = path.join(REPO, 'node_modules');
  const files: PlainGridFiles = {
    hyperformula: path.join(nm, 'hyperformula/dist/hyperformula.full.min.js'),
    handsontable: path.join(nm, 'handsontable/dist/handsontable.full.min.js'),
    css: [path.join(nm, 'handsontable/styles/handsontable.min.css'), path.join(nm, 'handsontable/styles/ht-theme-main.min.css')],
  };
  const missing = [files.hyperformula, files.handsontable, ...files.css].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    console.log(`  sheet: SKIPPED — missing ${missing.map((f) => path.relative(REPO, f)).join(', ')}`);
    return null;
  }
  const browser = await launchChromium();
  if (!browser) {
    console.log('  sheet: SKIPPED — no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)');
    return null;
  }
  const data = buildSheetCsv(o.rows, SEED);
  const matrix = data.inputs.map((line) => [...line, ...Array<null>(GRID_COLS - line.length).fill(null)]);
  const known = { row: 1, col: 1, text: String(2 * data.a(0)) };
  const last = { row: o.rows, b: String(2 * data.a(o.rows - 1)) };
  const editPlan = { rows: Array.from({ length: 15 }, (_, i) => i + 2), edits: o.edits, warmup: 2 };
  console.log(`  ${o.rows.toLocaleString('en')} rows × ${data.cols} columns (${(o.rows * data.cols).toLocaleString('en')} cells, seed ${SEED}), CSV ${(data.csv.length / 1024).toFixed(0)} KiB`);

  let servers: CoffreServers | null = null;
  const checks: BenchCheck[] = [];
  try {
    await waitForQuiet();
    servers = await startCoffreServers(REPO);
    const username = `bench-${Date.now().toString(36)}`;
    const setup = await browser.newContext({ baseURL: servers.baseUrl, viewport: VIEWPORT });
    const setupPage = await setup.newPage();
    await signUpViaUi(setupPage, username, PASSWORD);
    const srv = servers;
    const loaded = await loadSheetIntoCoffre(setupPage, data, TAB, (since) => srv.refusal(since));
    const cells = `${(o.rows * data.cols).toLocaleString('en')} cells`;
    checks.push({
      name: `sheet: a ${(o.rows * data.cols).toLocaleString('en')}-cell CSV import is saved on the server`,
      ok: loaded.importRefused === null,
      detail: loaded.importRefused === null
        ? `tab added after ${ms(loaded.importMs)}, saved ${ms(loaded.savedMs)} later`
        : `${loaded.importRefused}; the figures are of the same sheet loaded as ${loaded.how}`,
    });
    console.log(loaded.importRefused === null ? `  import: ${ms(loaded.importMs)} until the tab was added, saved ${ms(loaded.savedMs)} later` : `  import REFUSED (${loaded.importRefused}); loaded as ${loaded.how} in ${ms(loaded.savedMs)}`);
    await setup.close();

    const coffre = { tti: [] as number[], open: [] as number[], switch: [] as number[], scroll: [] as number[], edits: [] as number[], heap: NaN };
    const plain = { tti: [] as number[], libs: [] as number[], built: [] as number[], scroll: [] as number[], edits: [] as number[], heap: NaN };
    const problems: string[] = [];
    let size = { width: VIEWPORT.width, height: VIEWPORT.height };
    let editsSaved: BenchCheck | null = null;
    for (let i = 0; i < o.opens; i++) {
      await waitForQuiet(10_000);
      const c = await openCoffreSheet(browser, { baseUrl: servers.baseUrl, viewport: VIEWPORT, username, password: PASSWORD, sheetPath: loaded.path, tabName: TAB, known });
      try {
        coffre.tti.push(c.ttiMs);
        coffre.open.push(c.openMs);
        coffre.switch.push(c.switchMs);
        console.log(`  coffre open ${i + 1}: ${ms(c.ttiMs)} (tab strip after ${ms(c.openMs)}, tab switch ${ms(c.switchMs)})`);
        if (i === 0) {
          const box = await c.page.getByTestId('sheet-grid').boundingBox();
          if (box) size = { width: Math.round(box.width), height: Math.round(box.height) };
          coffre.heap = await jsHeapUsed(c.page);
          coffre.scroll = await profileWhile(c.page, PROFILE && `${PROFILE}-coffre-jumps.cpuprofile`, () => measureScroll(c.probe, o.scrolls, last, { row: 1, b: known.text }));
          coffre.edits = await measureEdits(c.page, c.probe, editPlan);
          console.log(`  coffre: heap ${(coffre.heap / 2 ** 20).toFixed(1)} MiB; scroll ${list(coffre.scroll)} ms; edits p50 ${ms(median(coffre.edits))}, max ${ms(Math.max(...coffre.edits))}`);
          const badge = c.page.getByTestId('sync-status');
          const ok = await badge.filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 }).then(() => true, () => false);
          editsSaved = { name: 'sheet: the timed edits are saved on the server', ok, detail: ok ? 'sync badge says Saved' : `sync badge says "${await badge.textContent()}" after 30 s` };
        }
        problems.push(...c.problems);
      } finally {
        await c.context.close();
      }

      const p = await openPlainGrid(browser, { files, viewport: VIEWPORT, size, matrix, known });
      try {
        plain.tti.push(p.ttiMs);
        plain.libs.push(p.libsMs);
        plain.built.push(p.builtMs);
        console.log(`  plain open ${i + 1}: ${ms(p.ttiMs)} (libraries in after ${ms(p.libsMs)}, grid built after ${ms(p.builtMs)})`);
        if (i === 0) {
          plain.heap = await jsHeapUsed(p.page);
          plain.scroll = await profileWhile(p.page, PROFILE && `${PROFILE}-plain-jumps.cpuprofile`, () => measureScroll(p.probe, o.scrolls, last, { row: 1, b: known.text }));
          plain.edits = await measureEdits(p.page, p.probe, editPlan);
          console.log(`  plain: heap ${(plain.heap / 2 ** 20).toFixed(1)} MiB; scroll ${list(plain.scroll)} ms; edits p50 ${ms(median(plain.edits))}, max ${ms(Math.max(...plain.edits))}`);
        }
      } finally {
        await p.context.close();
      }
    }
    if (editsSaved) checks.push(editsSaved);
    checks.push({ name: 'sheet: no page or console errors in Coffre', ok: problems.length === 0, detail: problems.length === 0 ? 'none' : problems.slice(0, 3).join(' | ') });

    const baselineName = 'plain Handsontable';
    const results: BenchResult[] = [
      {
        name: `sheet ${cells}, time to interactive (cold open)`,
        unit: 'ms',
        baselineName,
        baseline: median(plain.tti),
        coffre: median(coffre.tti),
        target: 3,
        note: `median of ${o.opens}; coffre ${list(coffre.tti)} ms = tab strip ${list(coffre.open)} + tab switch ${list(coffre.switch)}; plain ${list(plain.tti)} ms (libraries in after ${list(plain.libs)}, built after ${list(plain.built)})`,
      },
      {
        name: `sheet ${cells}, jump to the last row or the first`,
        unit: 'ms',
        baselineName,
        baseline: median(plain.scroll),
        coffre: median(coffre.scroll),
        target: 1.5,
        note: `median of ${o.scrolls}; coffre ${list(coffre.scroll)} ms; plain ${list(plain.scroll)} ms`,
      },
      { name: `sheet ${cells}, edit → dependent formula shown, p50`, unit: 'ms', baselineName, baseline: median(plain.edits), coffre: median(coffre.edits), targetDelta: 16, note: `${o.edits} edits after 2 untimed` },
      { name: `sheet ${cells}, edit → dependent formula shown, p95`, unit: 'ms', baselineName, baseline: percentile(plain.edits, 95), coffre: percentile(coffre.edits, 95) },
      { name: `sheet ${cells}, JS heap after the first open`, unit: 'MiB', baselineName, baseline: plain.heap / 2 ** 20, coffre: coffre.heap / 2 ** 20 },
    ];
    return { results, checks };
  } catch (e) {
    if (servers) console.log(servers.logTail());
    throw e;
  } finally {
    await browser.close();
    await servers?.stop();
  }
}
