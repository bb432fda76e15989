import type { Page } from 'playwright-core';

/** The page's JS heap in use after a forced GC, in bytes (CDP Performance.getMetrics JSHeapUsedSize). */
export async function jsHeapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  } finally {
    await cdp.detach();
  }
}
