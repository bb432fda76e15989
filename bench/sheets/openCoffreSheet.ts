import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gridProbe, type GridProbe } from './gridProbe.ts';
import { signInViaUi } from './signInViaUi.ts';

export type CoffreOpen = {
  context: BrowserContext;
  page: Page;
  probe: GridProbe;
  /** Navigation to the sheet's URL until the known cell of the imported tab shows its value, tab click included. */
  ttiMs: number;
  /** Navigation until the imported tab is in the tab strip (the workbook is decrypted and the first tab's grid is up). */
  openMs: number;
  /** Inside the page: mousedown on the tab until the known cell shows its value. */
  switchMs: number;
  /** Page errors and console errors seen so far. */
  problems: string[];
};

export type CoffreOpenOptions = {
  baseUrl: string;
  viewport: { width: number; height: number };
  username: string;
  password: string;
  sheetPath: string;
  tabName: string;
  known: { row: number; col: number; text: string };
};

/**
 * A cold open: a new browser context (empty cache and storage, a new device),
 * signed in through the UI, then timed from navigation to the sheet's URL
 * until the imported tab is selected and its known cell shows its computed
 * value. The context stays open for the scroll and edit measurements; the
 * caller closes it.
 */
export async function openCoffreSheet(browser: Browser, o: CoffreOpenOptions): Promise<CoffreOpen> {
  const context = await browser.newContext({ baseURL: o.baseUrl, viewport: o.viewport });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await signInViaUi(page, o.username, o.password);
    const probe = gridProbe(page);
    const t0 = performance.now();
    await page.goto(o.sheetPath);
    const tab = page.getByRole('tab', { name: o.tabName, exact: true });
    await tab.waitFor({ timeout: 120_000 });
    const openMs = performance.now() - t0;
    await probe.arm('mousedown', o.known.row, o.known.col, o.known.text, 120_000);
    await tab.click();
    const switchMs = await probe.result();
    const ttiMs = performance.now() - t0;
    return { context, page, probe, ttiMs, openMs, switchMs, problems };
  } catch (e) {
    await context.close();
    throw e;
  }
}
