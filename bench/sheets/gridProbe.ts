import type { Page } from 'playwright-core';

/**
 * Runs in the page, as a string: tsx compiles functions with esbuild's
 * keepNames, and a serialised function would call a `__name` helper the page
 * does not have. Rows are addressed by their header label (1-based), columns
 * by their place among the rendered cells (0 = A while scrolled fully left).
 * Times are the moment the DOM holds the expected text (a MutationObserver,
 * with a 50 ms poll as a fallback), before paint.
 */
const SCRIPT = String.raw`(() => {
  if (window.__gridProbe) return;
  const rowOf = (row) => {
    const master = document.querySelector('.ht_master');
    if (!master) return null;
    for (const tr of master.querySelectorAll('tbody tr')) {
      const th = tr.querySelector('th');
      if (th && th.textContent.trim() === String(row)) return tr;
    }
    return null;
  };
  const cellOf = (row, col) => rowOf(row)?.querySelectorAll('td')[col] ?? null;
  const cellText = (row, col) => cellOf(row, col)?.textContent ?? null;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  /** Resolves with performance.now() at the first moment cell (row, col) shows text. */
  const seen = (row, col, text, timeoutMs) =>
    new Promise((resolve, reject) => {
      let done = false;
      const finish = (f) => { if (done) return; done = true; obs.disconnect(); clearInterval(poll); clearTimeout(timer); f(); };
      const check = () => { if (cellText(row, col) === text) { const t = performance.now(); finish(() => resolve(t)); } };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      const poll = setInterval(check, 50);
      const timer = setTimeout(() => finish(() => reject(new Error('cell ' + row + ':' + col + ' shows ' + JSON.stringify(cellText(row, col)) + ', not ' + JSON.stringify(text) + ', after ' + timeoutMs + ' ms'))), timeoutMs);
      check();
    });
  let pending = null;
  window.__gridProbe = {
    cellText,
    center(row, col) {
      const td = cellOf(row, col);
      if (!td) return null;
      const r = td.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    /** The selected cell of the main grid (Handsontable marks it "current"), as { row label, column place }. */
    selected() {
      const td = document.querySelector('.ht_master tbody td.current');
      const tr = td?.closest('tr');
      if (!td || !tr) return null;
      return { row: Number(tr.querySelector('th')?.textContent), col: [...tr.querySelectorAll('td')].indexOf(td) };
    },
    /** Waits for a trigger event (keydown Enter, or mousedown), then for the cell; result() gives the delay in ms. */
    arm(trigger, row, col, text, timeoutMs) {
      pending = new Promise((resolve, reject) => {
        const type = trigger === 'enter' ? 'keydown' : 'mousedown';
        const on = (e) => {
          if (trigger === 'enter' && e.key !== 'Enter') return;
          window.removeEventListener(type, on, true);
          const t0 = performance.now();
          seen(row, col, text, timeoutMs).then((t) => resolve(t - t0), reject);
        };
        window.addEventListener(type, on, true);
      });
      pending.catch(() => undefined);
    },
    result: () => pending,
    /** Scrolls the main grid's holder to each target's end and times until its cell shows its text. */
    async scroll(targets, timeoutMs) {
      const holder = document.querySelector('.ht_master .wtHolder');
      if (!holder) throw new Error('no .ht_master .wtHolder');
      const out = [];
      for (const t of targets) {
        await sleep(300);
        await frame();
        const t0 = performance.now();
        holder.scrollTop = t.to === 'end' ? holder.scrollHeight : 0;
        out.push((await seen(t.row, t.col, t.text, timeoutMs)) - t0);
      }
      return out;
    },
    async waitFor(row, col, text, timeoutMs) {
      await seen(row, col, text, timeoutMs);
    },
  };
})()`;

export type ScrollTarget = { to: 'end' | 'start'; row: number; col: number; text: string };

/** Typed access to the in-page probe of a Handsontable grid (Coffre's or the plain one). */
export function gridProbe(page: Page) {
  const call = async <T>(expr: string): Promise<T> => {
    await page.evaluate(SCRIPT);
    return page.evaluate(expr) as Promise<T>;
  };
  const args = (...a: unknown[]) => a.map((x) => JSON.stringify(x)).join(', ');
  return {
    cellText: (row: number, col: number) => call<string | null>(`window.__gridProbe.cellText(${args(row, col)})`),
    waitFor: (row: number, col: number, text: string, timeoutMs = 120_000) => call<void>(`window.__gridProbe.waitFor(${args(row, col, text, timeoutMs)})`),
    center: (row: number, col: number) => call<{ x: number; y: number } | null>(`window.__gridProbe.center(${args(row, col)})`),
    selected: () => call<{ row: number; col: number } | null>('window.__gridProbe.selected()'),
    arm: (trigger: 'enter' | 'mousedown', row: number, col: number, text: string, timeoutMs = 30_000) => call<void>(`window.__gridProbe.arm(${args(trigger, row, col, text, timeoutMs)})`),
    /** The armed measurement, in ms from the trigger to the cell showing its text. */
    result: () => call<number>('window.__gridProbe.result()'),
    scroll: (targets: ScrollTarget[], timeoutMs = 30_000) => call<number[]>(`window.__gridProbe.scroll(${args(targets, timeoutMs)})`),
  };
}

export type GridProbe = ReturnType<typeof gridProbe>;
