import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInViaUi, signUpViaUi } from '../support/accounts.ts';
import { useBrowser } from '../support/useBrowser.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';

const seed = Date.now().toString(36);
const canary = `Kanarie${seed}Zq`;
const username = `writer-${seed}`;
const password = 'a long and private passphrase';

const { openPage, traffics, problems } = useBrowser();

describe('word processor: live encrypted editing in two browsers', () => {
  it('creates a document, and a second browser sees title and body change live, both ways', async () => {
    const a = await openPage();
    await signUpViaUi(a, username, password);
    await a.getByRole('link', { name: 'Docs' }).click();
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    const docUrl = new URL(a.url()).pathname;
    await a.getByLabel('Title').fill(`Plan ${canary} title`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Body text ${canary} from A.`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });

    const b = await openPage();
    await signInViaUi(b, username, password);
    await b.goto('/docs');
    await b.getByTestId('doc-list').getByText(`Plan ${canary} title`).click();
    await b.waitForURL(`**${docUrl}`);
    await b.getByLabel('Document body').getByText(`Body text ${canary} from A.`).waitFor({ timeout: 15_000 });
    expect(await b.getByLabel('Title').inputValue()).toBe(`Plan ${canary} title`);

    await b.getByLabel('Document body').click();
    await b.keyboard.press('End');
    await b.keyboard.type(' And a reply from B.');
    await a.getByLabel('Document body').getByText('And a reply from B.').waitFor({ timeout: 15_000 });
    // B's caret and name show in A's editor, and B is in A's list of people here.
    await a.locator('.collaboration-carets__label', { hasText: username }).waitFor({ timeout: 15_000 });
    await a.getByTestId('presence').getByText(username).waitFor({ state: 'attached' });

    // Formatting travels too: B makes a heading, A sees it.
    await b.keyboard.press('Enter');
    await b.keyboard.type('## Decisions');
    await a.getByRole('heading', { name: 'Decisions' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => a.getByTestId('word-count').textContent()).toMatch(/^11 words/);
    await a.screenshot({ path: 'artifacts/editor.png' });

    // A reload decrypts everything again from the server's ciphertext.
    await a.reload();
    await a.getByLabel('Document body').getByText('And a reply from B.').waitFor({ timeout: 15_000 });
  });

  it('never lets the title or body reach the server in the clear', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
    expect(traffics.some((t) => t.wsFrames.length > 5)).toBe(true);
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
