import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { signInViaUi, signUpViaUi } from '../support/accounts.ts';
import { launchBrowser, newRecordedContext } from '../support/launchBrowser.ts';

const seed = Date.now().toString(36);
const username = `nomad-${seed}`;
const password = 'travelling without a network';
let browser: Browser;
const problems: string[][] = [];

describe('word processor: offline editing', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps editing offline, keeps unsent edits across a tab close, and merges on reconnect', async () => {
    const ra = await newRecordedContext(browser, inject('baseUrl'));
    const rb = await newRecordedContext(browser, inject('baseUrl'));
    problems.push(rb.problems);
    const a = ra.page;
    const b = rb.page;
    await signUpViaUi(a, username, password);
    await a.goto('/docs');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    const docUrl = a.url();
    await a.getByLabel('Document body').click();
    await a.keyboard.type('Shared start.');
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });

    await signInViaUi(b, username, password);
    await b.goto(docUrl);
    await b.getByLabel('Document body').getByText('Shared start.').waitFor({ timeout: 15_000 });

    await ra.context.setOffline(true);
    await a.getByTestId('sync-status').filter({ hasText: /Offline/ }).waitFor({ timeout: 20_000 });
    await a.getByLabel('Document body').click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Written offline.');
    await a.getByTestId('sync-status').filter({ hasText: 'Offline — changes kept here' }).waitFor({ timeout: 10_000 });
    await b.getByLabel('Document body').click();
    await b.keyboard.press('Control+Home');
    await b.keyboard.type('Online meanwhile. ');
    await b.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });
    expect(await b.getByLabel('Document body').textContent()).not.toContain('Written offline');

    // Close the tab while offline; the unsent edit is kept (encrypted) on this device.
    await a.close();
    await ra.context.setOffline(false);
    const a2 = await ra.context.newPage();
    a2.on('pageerror', (e) => ra.problems.push(`pageerror: ${e.message}`));
    await a2.goto(docUrl);
    await expect.poll(() => a2.getByLabel('Document body').textContent(), { timeout: 20_000 }).toContain('Written offline.');
    await expect.poll(() => a2.getByLabel('Document body').textContent(), { timeout: 20_000 }).toContain('Online meanwhile.');
    await expect.poll(() => b.getByLabel('Document body').textContent(), { timeout: 20_000 }).toContain('Written offline.');
    // Same text on both sides (carets, which show the other person's name, left out).
    const text = (p: typeof b) =>
      p.getByLabel('Document body').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((c) => c.remove());
        return copy.textContent;
      });
    await expect.poll(async () => (await text(a2)) === (await text(b)), { timeout: 10_000 }).toBe(true);
    problems.push(ra.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|WebSocket/.test(p)));
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
