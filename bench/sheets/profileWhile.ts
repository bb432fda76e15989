import fs from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Runs `fn`; when `file` is set, records a CPU profile of the page meanwhile
 * (CDP Profiler, 200 µs sampling) and writes it there (a .cpuprofile that
 * Chromium's DevTools opens). Not part of any figure.
 */
export async function profileWhile<T>(page: Page, file: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!file) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  }
}
