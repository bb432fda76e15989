import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signInViaUi, signUpViaUi } from '../support/accounts.ts';
import { launchBrowser, newRecordedContext } from '../support/launchBrowser.ts';
import { shareDocumentViaUi } from '../support/shareViaDialog.ts';
import { startSuite, type Suite } from '../support/startSuite.ts';

// Servers of this spec's own (it stops them and restores their data directory), beside the suite's.
const WEB_PORT = Number(process.env.E2E_RESTORE_WEB_PORT ?? 3120);
const COLLAB_PORT = Number(process.env.E2E_RESTORE_COLLAB_PORT ?? 1255);
const seed = Date.now().toString(36);
const password = 'a backup from last night';
const owner = `olga-${seed}`;
const editor = `ed-${seed}`;

let browser: Browser;
let suite: Suite | null = null;
let dataDir = '';
let backupDir = '';
const problems: string[][] = [];

const start = async () => (suite = await startSuite({ dataDir, webPort: WEB_PORT, collabPort: COLLAB_PORT, logName: 'restore-' }));
const stop = async () => (await suite?.stop(), (suite = null));
const body = (p: Page) => p.getByLabel('Document body');
// Exactly 'Saved': a text filter matches any part, in any case, and 'Not saved: refused by the server' holds 'saved'.
const saved = (p: Page) => p.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });

describe('word processor: a server restored from an older backup gets back what members’ devices hold (ADR 0020)', () => {
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-restore-'));
    backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-restore-backup-'));
    for (const name of ['restore-web.log', 'restore-collab.log']) fs.rmSync(path.join('artifacts', name), { force: true });
    await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  it('an editor’s browser gives the restored server the owner’s edits made after the backup; the owner never comes back', async () => {
    const base = suite!.baseUrl;
    const ra = await newRecordedContext(browser, base);
    const rb = await newRecordedContext(browser, base);
    // Both pages see the servers go away twice; their failed reconnects are expected.
    problems.push(ra.problems, rb.problems);
    const [a, b] = [ra.page, rb.page];
    await signUpViaUi(a, owner, password);
    await signUpViaUi(b, editor, password);
    await a.goto('/docs');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    const docPath = new URL(a.url()).pathname;
    await body(a).click();
    await a.keyboard.type('Kept in the backup.');
    await shareDocumentViaUi(a, editor, 'Can edit');
    await saved(a);
    await b.goto(docPath);
    await body(b).getByText('Kept in the backup.').waitFor({ timeout: 15_000 });

    // Last night's backup: the servers stopped, the data directory copied, the servers started again.
    await stop();
    fs.cpSync(dataDir, backupDir, { recursive: true });
    await start();
    await saved(a);
    await saved(b);
    await body(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Written after it.');
    await saved(a);
    await expect.poll(() => body(b).textContent(), { timeout: 15_000 }).toContain('Kept in the backup. Written after it.');

    // The owner's browser is gone for good; the server is restored from the backup.
    await ra.context.close();
    await stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.cpSync(backupDir, dataDir, { recursive: true });
    await start();

    // The editor's page reconnects and hands the owner's envelope back: no refusal, Saved, and it stays so.
    await saved(b);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await b.getByTestId('sync-status').textContent()).toBe('Saved');
    await b.screenshot({ path: 'artifacts/restore-editor-after.png' });
    // A new device of the owner opens the restored document and reads the edit made after the backup.
    const rc = await newRecordedContext(browser, base);
    problems.push(rc.problems);
    await signInViaUi(rc.page, owner, password);
    await rc.page.goto(docPath);
    await expect.poll(() => body(rc.page).textContent(), { timeout: 20_000 }).toContain('Kept in the backup. Written after it.');
    await saved(rc.page);
    await rc.page.screenshot({ path: 'artifacts/restore-owner-new-device.png' });
  });

  it('had no page errors or unexpected console errors', () => {
    // Reconnect attempts while the servers were down are the only errors expected.
    expect(problems.flat().filter((p) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to fetch|NetworkError/.test(p))).toEqual([]);
  });
});
