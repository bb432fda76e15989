import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './chromiumPath.ts';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export type Traffic = { bodies: string[]; urls: string[]; wsFrames: string[] };

/** Every page opened by this spec file, for the failure report (support/reportFailure.ts). */
export const openedPages: Page[] = [];

/**
 * A fresh context that records every request body, URL and WebSocket frame
 * sent, and fails the test on page errors or unexpected console errors.
 */
export async function newRecordedContext(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; traffic: Traffic; problems: string[] }> {
  const context = await browser.newContext({ baseURL });
  const traffic: Traffic = { bodies: [], urls: [], wsFrames: [] };
  const problems: string[] = [];
  const page = await context.newPage();
  openedPages.push(page);
  page.on('request', (req) => {
    traffic.urls.push(req.url());
    const body = req.postDataBuffer();
    if (body) traffic.bodies.push(body.toString('latin1'));
  });
  page.on('websocket', (ws) => {
    traffic.urls.push(ws.url());
    ws.on('framesent', (f) => traffic.wsFrames.push(typeof f.payload === 'string' ? f.payload : Buffer.from(f.payload).toString('latin1')));
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 401s and 409s on purpose (wrong password, taken username) show up as failed-resource lines; anything else is a problem.
    if (m.type() === 'error' && !/status of 40[19]/.test(m.text())) problems.push(`console.error: ${m.text()}`);
  });
  return { context, page, traffic, problems };
}
