import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newUserPage } from '../support/newUserPage.ts';
import { shareDocumentViaUi } from '../support/shareViaDialog.ts';
import { launchBrowser, type Traffic } from '../support/launchBrowser.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';
import { createLinkInDialog, openLinkAsVisitor } from '../support/linkDialog.ts';
import { cell, expectCell, rowHeaderMenu, typeInCell } from './sheetHelpers.ts';

const seed = Date.now().toString(36);
const canary = `Tabell${seed}Vx`;
const password = 'correct horse battery staple';
const alice = `alice-${seed}`;
const bob = `bob-${seed}`;

let browser: Browser;
const traffics: Traffic[] = [];
const problems: string[][] = [];
let sheetPath = '';

const user = (name: string): Promise<Page> => newUserPage(browser, { traffics, problems }, name, password);

describe('spreadsheet: two people edit one encrypted sheet', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  let a: Page;
  let b: Page;

  it('computes formulas across sheets, and a second person sees and edits them live', async () => {
    [a, b] = await Promise.all([user(alice), user(bob)]);
    await a.getByRole('button', { name: 'New spreadsheet' }).click();
    await a.waitForURL(/\/sheets\/[A-Za-z0-9_-]+/);
    sheetPath = new URL(a.url()).pathname;
    await cell(a, 0, 0).waitFor();
    await a.getByLabel('Title').fill(`Budget ${canary}`);
    await typeInCell(a, 0, 0, '10');
    await typeInCell(a, 1, 0, '32');
    await typeInCell(a, 2, 0, '=SUM(A1:A2)');
    await typeInCell(a, 0, 1, `Note ${canary}`);
    await expectCell(a, 2, 0, '42');
    // Rename the sheet (its name is a canary too), then a second sheet refers to it.
    await a.getByRole('tab', { name: 'Sheet 1' }).dblclick();
    await a.getByLabel('Sheet name').fill(`Data ${canary}`);
    await a.getByLabel('Sheet name').press('Enter');
    await a.getByRole('button', { name: 'Add sheet' }).click();
    await a.getByRole('tab', { name: 'Sheet 2', selected: true }).waitFor();
    await typeInCell(a, 0, 0, `='Data ${canary}'!A3*2`);
    await expectCell(a, 0, 0, '84');
    await typeInCell(a, 1, 0, `=1/0`);
    await expectCell(a, 1, 0, '#DIV/0!');
    await a.getByRole('tab', { name: `Data ${canary}` }).click();
    await expectCell(a, 2, 0, '42');
    await shareDocumentViaUi(a, bob, 'Can edit');

    await b.goto('/sheets');
    await b.getByTestId('doc-list').getByText(`Budget ${canary}`).click();
    await b.waitForURL(`**${sheetPath}*`);
    await expectCell(b, 2, 0, '42');
    await typeInCell(b, 0, 0, '20');
    await expectCell(a, 2, 0, '52');
    await expectCell(b, 2, 0, '52');
    // The other sheet's formula recomputes on both sides too.
    await b.getByRole('tab', { name: 'Sheet 2' }).click();
    await expectCell(b, 0, 0, '104');
    await b.getByRole('tab', { name: `Data ${canary}` }).click();
    // Bob's selection shows in Alice's grid with his name.
    await cell(b, 1, 1).click();
    await a.locator(`td.remote-anchor[data-remote-name="${bob}"]`).waitFor({ timeout: 15_000 });
    await a.screenshot({ path: 'artifacts/sheet-two-users.png' });
  });

  it('keeps an edit in its cell when someone inserts a row above it meanwhile', async () => {
    // Bob starts typing into A2 (32); before he presses Enter, Alice inserts a row at the top.
    await cell(b, 1, 0).click();
    await b.keyboard.type('99');
    await rowHeaderMenu(a, 0, 'Insert row above');
    await expectCell(a, 3, 0, '52');
    await b.keyboard.press('Enter');
    // Everything moved down one row, Bob's 99 replaced the 32 (now A3), and the sum follows: 20 + 99.
    for (const p of [a, b]) {
      await expectCell(p, 3, 0, '119');
      await expectCell(p, 2, 0, '99');
      await expectCell(p, 1, 0, '20');
      expect(await cell(p, 0, 0).textContent()).toBe('');
    }
    // The formula's text moved with its cells.
    await cell(a, 3, 0).click();
    expect(await a.getByLabel('Cell contents').inputValue()).toBe('=SUM(A2:A3)');
  });

  it('undoes only my own change', async () => {
    await typeInCell(a, 5, 0, '7');
    await typeInCell(b, 6, 0, '8');
    await expectCell(a, 6, 0, '8');
    await cell(a, 0, 2).click();
    await a.keyboard.press('Control+z');
    await expectCell(a, 5, 0, '');
    await expectCell(b, 5, 0, '');
    expect(await cell(a, 6, 0).textContent()).toBe('8');
  });

  it('exports the workbook as XLSX and imports it back with formulas across two sheets', async () => {
    await a.getByRole('button', { name: 'File' }).click();
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('menuitem', { name: 'Download as Excel (.xlsx)' }).click()]);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    fs.copyFileSync(file, 'artifacts/sheet-export.xlsx');

    // Into a fresh spreadsheet: both sheets come back, and the cross-sheet formula computes again.
    await a.goto('/sheets');
    await a.getByRole('button', { name: 'New spreadsheet' }).click();
    await a.waitForURL(/\/sheets\/[A-Za-z0-9_-]+$/);
    await cell(a, 0, 0).waitFor();
    await a.getByRole('button', { name: 'File' }).click();
    const [chooser] = await Promise.all([a.waitForEvent('filechooser'), a.getByRole('menuitem', { name: 'Import .xlsx or .csv…' }).click()]);
    await chooser.setFiles({ name: 'round-trip.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await a.getByRole('status').filter({ hasText: 'Imported 2 sheets' }).waitFor({ timeout: 20_000 });
    await a.getByRole('tab', { name: `Data ${canary}` }).click();
    await expectCell(a, 3, 0, '119');
    await cell(a, 3, 0).click();
    expect(await a.getByLabel('Cell contents').inputValue()).toBe('=SUM(A2:A3)');
    await a.getByRole('tab', { name: 'Sheet 2' }).click();
    await expectCell(a, 0, 0, '238');
    await cell(a, 0, 0).click();
    expect(await a.getByLabel('Cell contents').inputValue()).toBe(`='Data ${canary}'!A4*2`);

    // A damaged file gives a clear message and changes nothing.
    const tabsBefore = await a.getByRole('tab').count();
    await a.getByRole('button', { name: 'File' }).click();
    const [chooser2] = await Promise.all([a.waitForEvent('filechooser'), a.getByRole('menuitem', { name: 'Import .xlsx or .csv…' }).click()]);
    await chooser2.setFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, bytes.length / 2) });
    await a.getByRole('alert').filter({ hasText: /damaged|not an Excel/ }).waitFor();
    expect(await a.getByRole('tab').count()).toBe(tabsBefore);
  });

  it('a view link opens the live sheet, read-only, in a browser without an account', async () => {
    await a.goto('/drive');
    const row = a.locator('tr[data-id]', { hasText: `Budget ${canary}` });
    await row.click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Get link…' }).click();
    const url = await createLinkInDialog(a);
    const v = await openLinkAsVisitor(browser, inject('baseUrl'), url, { traffics, problems });
    await expectCell(v, 3, 0, '119', 30_000);
    expect(await v.getByLabel('Cell contents').getAttribute('readonly')).not.toBeNull();
    expect(await v.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0);
    // Live: Bob changes a number, the visitor's sum follows.
    await typeInCell(b, 1, 0, '1');
    await expectCell(v, 3, 0, '100');
    // Typing into the visitor's grid changes nothing.
    await cell(v, 1, 0).dblclick();
    await v.keyboard.type('5');
    await v.keyboard.press('Enter');
    await expectCell(b, 1, 0, '1');
    await expectCell(v, 1, 0, '1');
  });

  it('an edit link lets a guest without an account edit the live sheet with the others', async () => {
    await a.goto('/drive');
    const row = a.locator('tr[data-id]', { hasText: `Budget ${canary}` });
    await row.click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Get link…' }).click();
    const url = await createLinkInDialog(a, 'editor');
    const g = await openLinkAsVisitor(browser, inject('baseUrl'), url, { traffics, problems });
    await expectCell(g, 3, 0, '100', 30_000);
    // The guest's number reaches Bob, and Bob's formula recomputes on both sides.
    await typeInCell(g, 1, 0, '21');
    await expectCell(b, 1, 0, '21');
    await expectCell(b, 3, 0, '120');
    await expectCell(g, 3, 0, '120');
    await g.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    await g.screenshot({ path: 'artifacts/link-sheet-edit.png' });
  });

  it('never lets cells, formulas, sheet names or the title reach the server in the clear', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
    expect(traffics.some((t) => t.wsFrames.length > 5)).toBe(true);
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
