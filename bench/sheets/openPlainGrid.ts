import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gridProbe, type GridProbe } from './gridProbe.ts';

export type PlainGridFiles = { hyperformula: string; handsontable: string; css: string[] };

export type PlainOpen = {
  context: BrowserContext;
  page: Page;
  probe: GridProbe;
  ttiMs: number;
  /** Until both libraries and the CSS are in the page. */
  libsMs: number;
  /** Until the data is in the page and `new Handsontable(…)` has returned. */
  builtMs: number;
};

export type PlainOpenOptions = {
  files: PlainGridFiles;
  viewport: { width: number; height: number };
  /** The grid's size, set to Coffre's grid's so both render the same number of cells. */
  size: { width: number; height: number };
  /** Row-major cell inputs, formulas as `=A1*2` text. */
  matrix: Array<Array<string | number | null>>;
  known: { row: number; col: number; text: string };
};

/** Handsontable with its settings as close to Coffre's grid (SheetGrid.tsx) as a plain one gets; formulas by the Formulas plugin. */
const INIT = String.raw`(() => {
  const data = window.__benchData;
  const cols = data[0].length;
  window.hot = new Handsontable(document.getElementById('grid'), {
    data,
    licenseKey: 'non-commercial-and-evaluation',
    themeName: 'ht-theme-main',
    formulas: { engine: HyperFormula, sheetName: 'Sheet1' },
    rowHeaders: true,
    colHeaders: true,
    width: '100%',
    height: '100%',
    contextMenu: true,
    copyPaste: true,
    hiddenRows: { rows: [], indicators: true },
    fillHandle: { autoInsertRow: false },
    manualRowMove: true,
    manualColumnMove: true,
    manualColumnResize: Array.from({ length: cols }, () => 100),
    manualRowResize: true,
    mergeCells: [],
    fixedRowsTop: 0,
    fixedColumnsStart: 0,
    undo: false,
    outsideClickDeselects: false,
    autoWrapRow: true,
    autoWrapCol: true,
    rowHeights: 23,
    wordWrap: false,
    enterBeginsEditing: true,
  });
})()`;

/**
 * The baseline: a plain, local, unencrypted Handsontable with HyperFormula in
 * a page of its own, no server involved. Timed from setContent (an empty
 * container) through loading the two libraries and their CSS from
 * node_modules, handing the data to the page and building the grid, until the
 * known cell shows its computed value.
 */
export async function openPlainGrid(browser: Browser, o: PlainOpenOptions): Promise<PlainOpen> {
  const context = await browser.newContext({ viewport: o.viewport });
  try {
    const page = await context.newPage();
    const probe = gridProbe(page);
    const t0 = performance.now();
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="grid" style="width:${o.size.width}px;height:${o.size.height}px"></div></body></html>`);
    for (const css of o.files.css) await page.addStyleTag({ path: css });
    // handsontable.full bundles HyperFormula 3.3 as a global; the one loaded after it is the version Coffre uses.
    await page.addScriptTag({ path: o.files.handsontable });
    await page.addScriptTag({ path: o.files.hyperformula });
    const libsMs = performance.now() - t0;
    await page.evaluate(`window.__benchData = ${JSON.stringify(o.matrix)}`);
    await page.evaluate(INIT);
    const builtMs = performance.now() - t0;
    await probe.waitFor(o.known.row, o.known.col, o.known.text);
    return { context, page, probe, ttiMs: performance.now() - t0, libsMs, builtMs };
  } catch (e) {
    await context.close();
    throw e;
  }
}
