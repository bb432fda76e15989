import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newUserPage } from '../support/newUserPage.ts';
import { shareDocumentViaUi } from '../support/shareViaDialog.ts';
import { launchBrowser, type Traffic } from '../support/launchBrowser.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';

const seed = Date.now().toString(36);
const canary = `Sekret${seed}Qx`;
const password = 'correct horse battery staple';
const alice = `alice-${seed}`;
const bob = `bob-${seed}`;
const carol = `carol-${seed}`;

let browser: Browser;
let docPath = '';
const traffics: Traffic[] = [];
const problems: string[][] = [];

const user = (name: string): Promise<Page> => newUserPage(browser, { traffics, problems }, name, password);


describe('word processor: two people edit one document; a viewer only reads', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shares with an editor and a viewer by username; edits and carets flow between people', async () => {
    const [a, b, c] = await Promise.all([user(alice), user(bob), user(carol)]);
    await a.goto('/docs');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    docPath = new URL(a.url()).pathname;
    await a.getByLabel('Title').fill(`Budget ${canary}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Alice wrote ${canary}.`);
    await shareDocumentViaUi(a, bob, 'Can edit');
    await shareDocumentViaUi(a, carol, 'Can view');
    // Safety numbers: 12 words to compare out of band; a changed key blocks sharing until the user confirms.
    await a.getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('dialog').getByRole('listitem').filter({ hasText: bob }).getByRole('button', { name: 'Safety number' }).click();
    await a.getByTestId('safety-words').waitFor();
    const words = (await a.getByTestId('safety-words').textContent())!.split(' ');
    expect(words).toHaveLength(12);
    await a.getByRole('button', { name: 'Close', exact: true }).click();
    await a.evaluate((name) => {
      const pins = JSON.parse(localStorage.getItem('coffre:contacts') ?? '{}');
      pins[name].fingerprint = 'a-key-this-device-saw-before';
      localStorage.setItem('coffre:contacts', JSON.stringify(pins));
    }, bob);
    await a.getByLabel('Username to share with').fill(bob);
    await a.getByLabel('Role', { exact: true }).selectOption({ label: 'Can edit' });
    await a.getByRole('dialog').getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('alert').filter({ hasText: `${bob}’s keys changed` }).waitFor();
    await a.getByTestId('safety-words').waitFor();
    expect((await a.getByTestId('safety-words').textContent())!.split(' ')).toEqual(words);
    await a.screenshot({ path: 'artifacts/safety-number-changed.png' });
    await a.getByRole('button', { name: 'The words match: trust the new keys' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('dialog').getByText(`Shared with ${bob}`).waitFor();
    await a.getByRole('button', { name: 'Done' }).click();

    await b.goto('/docs');
    await b.getByTestId('doc-list').getByText(`Budget ${canary}`).click();
    await b.waitForURL(`**${docPath}`);
    await b.getByLabel('Document body').getByText(`Alice wrote ${canary}.`).waitFor({ timeout: 15_000 });
    expect(await b.getByLabel('Title').inputValue()).toBe(`Budget ${canary}`);
    await b.getByLabel('Document body').click();
    await b.keyboard.press('End');
    await b.keyboard.type(' Bob agrees.');
    await a.getByLabel('Document body').getByText('Bob agrees.').waitFor({ timeout: 15_000 });
    await a.locator('.collaboration-carets__label', { hasText: bob }).waitFor({ timeout: 15_000 });
    // Bob comments on Alice's sentence; Alice sees it, replies, and resolves it.
    await b.getByLabel('Document body').click();
    await b.keyboard.press('End');
    await b.keyboard.press('Shift+Home');
    await b.getByLabel('New comment').fill(`Bob's note ${canary}`);
    await b.getByRole('button', { name: 'Comment', exact: true }).click();
    const thread = a.getByTestId('comment-thread').filter({ hasText: `Bob's note ${canary}` });
    await thread.waitFor({ timeout: 15_000 });
    await thread.getByLabel('Reply').fill(`Thanks ${canary}`);
    await thread.getByLabel('Reply').press('Enter');
    await b.getByTestId('comment-thread').getByText(`Thanks ${canary}`).waitFor({ timeout: 15_000 });
    await a.screenshot({ path: 'artifacts/shared-editing.png' });
    await thread.getByRole('button', { name: 'Resolve' }).click();
    await b.getByText('No open comments.').waitFor({ timeout: 15_000 });

    await c.goto(docPath);
    await expect.poll(() => c.getByLabel('Document body').textContent(), { timeout: 15_000 }).toContain('Bob agrees.');
    await c.getByText('View only').waitFor();
    expect(await c.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    await c.getByLabel('Document body').click();
    await c.keyboard.type('carol tries to edit');
    await a.waitForTimeout(500);
    expect(await a.getByLabel('Document body').textContent()).not.toContain('carol tries');
    // Alice lets Carol edit: a new grant carries the new role; after a reload Carol writes.
    await a.getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByLabel(`Role of ${carol}`).selectOption({ label: 'Can edit' });
    await a.getByRole('dialog').getByText(`${carol} now can edit.`).waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Done' }).click();
    await c.reload();
    await c.getByRole('toolbar', { name: 'Formatting' }).waitFor({ timeout: 30_000 });
    await c.getByLabel('Document body').click();
    await c.keyboard.press('End');
    await c.keyboard.type(' Carol can write now.');
    await a.getByLabel('Document body').getByText('Carol can write now.').waitFor({ timeout: 30_000 });
    // Alice lets Carol only view again: she kept the write key she held, so the document moves to new keys,
    // and Carol's new grant carries no write key (ADR 0016): her editor is read-only at epoch 2.
    await a.getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByLabel(`Role of ${carol}`).selectOption({ label: 'Can view' });
    await a.getByRole('dialog').getByText(`${carol} can only view now and the document has a new key.`).waitFor({ timeout: 60_000 });
    await a.getByRole('button', { name: 'Done' }).click();
    await c.locator('.doc-editor[data-epoch="2"]').waitFor({ timeout: 30_000 });
    await c.getByText('View only').waitFor({ timeout: 30_000 });
    await b.locator('.doc-editor[data-epoch="2"]').waitFor({ timeout: 30_000 });
    // Alice removes Carol: the key rotates, Bob keeps editing with the new key, Carol is cut off.
    await a.getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('dialog').getByRole('listitem').filter({ hasText: carol }).getByRole('button', { name: 'Remove' }).click();
    await a.getByRole('dialog').getByText(`${carol} was removed and the document has a new key.`).waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Done' }).click();
    await c.getByTestId('sync-status').filter({ hasText: 'No access' }).waitFor({ timeout: 20_000 }).catch(async (e) => {
      await c.screenshot({ path: 'artifacts/removed-failure.png' });
      throw e;
    });
    // Bob's editor moves to the new key by itself (his grant for epoch 3); he then keeps writing.
    await b.locator('.doc-editor[data-epoch="3"]').waitFor({ timeout: 30_000 });
    await b.getByLabel('Document body').click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(` After rotation ${canary}.`);
    await expect.poll(() => a.getByLabel('Document body').textContent(), { timeout: 60_000 }).toContain('After rotation');
    expect(await c.getByLabel('Document body').textContent()).not.toContain('After rotation');

    // Bob's list now names the document by its real title.
    await b.goto('/docs');
    await b.getByTestId('doc-list').getByText(`Budget ${canary}`).waitFor({ timeout: 15_000 });
  });

  it('keeps a stranger out: not in their list, and the direct link opens nothing', async () => {
    expect(docPath).not.toBe('');
    const d = await user(`dave-${seed}`);
    await d.goto('/docs');
    await d.getByText('No documents yet').waitFor();
    await d.goto(docPath);
    await d.getByRole('heading', { name: 'Document not found' }).waitFor();
    expect(await d.getByLabel('Document body').count()).toBe(0);
  });

  it('never lets titles or text reach the server in the clear', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
