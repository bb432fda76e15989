import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUpViaUi } from '../support/accounts.ts';
import { useBrowser } from '../support/useBrowser.ts';
import { cell, expectCell, typeInCell } from './sheetHelpers.ts';

const seed = Date.now().toString(36);
const { openPage, problems } = useBrowser();

async function newSheet(page: Page): Promise<void> {
  await page.goto('/sheets');
  await page.getByRole('button', { name: 'New spreadsheet' }).click();
  await page.waitForURL(/\/sheets\/[A-Za-z0-9_-]+$/);
  await cell(page, 0, 0).waitFor();
}

async function importFile(page: Page, name: string, mimeType: string, text: string): Promise<void> {
  await page.getByRole('button', { name: 'File' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Import .xlsx or .csv…' }).click()]);
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(text) });
}

describe('spreadsheet grid: what a person does with a sheet', () => {
  let a: Page;

  it('imports a CSV as a new tab, sorts, filters and exports it back', async () => {
    a = await openPage();
    await a.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signUpViaUi(a, `grid-${seed}`, 'a long and private passphrase');
    await newSheet(a);
    await importFile(a, 'fruit.csv', 'text/csv', 'Fruit,Price,Code\r\npear,3.5,007\r\napple,1.25,012\r\n"fig, dried",12,100\r\n');
    await a.getByRole('tab', { name: 'fruit', selected: true }).waitFor();
    await expectCell(a, 1, 2, '007');
    await expectCell(a, 3, 0, 'fig, dried');
    // Keep the header on top: freeze the first row, then sort by price, high to low.
    await cell(a, 1, 0).click();
    await a.getByRole('button', { name: 'Freeze', exact: true }).click();
    await cell(a, 1, 1).click();
    await a.getByRole('button', { name: 'Sort Z→A' }).click();
    await expectCell(a, 1, 0, 'fig, dried');
    await expectCell(a, 3, 0, 'apple');
    await expectCell(a, 0, 0, 'Fruit');
    // A filter hides rows in my view only.
    await a.getByRole('button', { name: 'Filter', exact: true }).click();
    await a.getByLabel('Filter column').selectOption({ label: 'A' });
    await a.getByLabel('Filter text').fill('pe');
    await expect.poll(() => a.getByTestId('filter-count').textContent()).toMatch(/^1 matching row /);
    await a.getByRole('button', { name: 'Clear filter' }).click();
    await a.getByRole('button', { name: 'File' }).click();
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByRole('menuitem', { name: 'Download this sheet as CSV' }).click()]);
    const csv = await download.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(csv.split('\r\n').slice(0, 4)).toEqual(['Fruit,Price,Code', '"fig, dried",12,100', 'pear,3.5,007', 'apple,1.25,012']);
  });

  it('formats numbers, styles cells and keeps formulas relative when filled and pasted', async () => {
    await a.getByRole('tab', { name: 'Sheet 1' }).click();
    await typeInCell(a, 0, 0, '1234.5');
    await typeInCell(a, 1, 0, '0.25');
    await typeInCell(a, 0, 1, '=A1*2');
    await cell(a, 0, 0).click();
    await a.getByLabel('Number format').selectOption({ label: 'Euro €' });
    await expectCell(a, 0, 0, '€1,234.50');
    await cell(a, 1, 0).click();
    await a.getByLabel('Number format').selectOption({ label: 'Percent %' });
    await expectCell(a, 1, 0, '25%');
    await a.getByRole('button', { name: 'Bold' }).click();
    expect(await cell(a, 1, 0).evaluate((td) => getComputedStyle(td).fontWeight)).toBe('700');
    // Fill B1 down over B2:B3 with the fill handle: the reference follows each row.
    await cell(a, 0, 1).click();
    const handle = a.locator('.ht_master .wtBorder.corner').first();
    const box = (await handle.boundingBox())!;
    const target = (await cell(a, 2, 1).boundingBox())!;
    await a.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await a.mouse.down();
    await a.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
    await a.mouse.up();
    await expectCell(a, 1, 1, '0.5');
    await cell(a, 2, 1).click();
    expect(await a.getByLabel('Cell contents').inputValue()).toBe('=A3*2');
    // Copy B1 and paste into C2: =B2*2.
    await cell(a, 0, 1).click();
    await a.keyboard.press('Control+c');
    await cell(a, 1, 2).click();
    await a.keyboard.press('Control+v');
    await expectCell(a, 1, 2, '1');
    await cell(a, 1, 2).click();
    expect(await a.getByLabel('Cell contents').inputValue()).toBe('=B2*2');
    // From another program: tab-separated text wider than the sheet grows it by a column.
    await a.evaluate(() => navigator.clipboard.writeText('x\ty\t=SUM(1,2)\n1\t2\t3'));
    await a.getByLabel('Cell address').fill('Z1');
    await a.getByLabel('Cell address').press('Enter');
    await a.keyboard.press('Control+v');
    await expect.poll(() => a.getByLabel('Cell contents').inputValue()).toBe('x');
    await a.getByLabel('Cell address').fill('AB2');
    await a.getByLabel('Cell address').press('Enter');
    await expect.poll(() => a.getByLabel('Cell contents').inputValue()).toBe('3');
    await a.getByLabel('Cell address').fill('AB1');
    await a.getByLabel('Cell address').press('Enter');
    await expect.poll(() => a.getByLabel('Cell contents').inputValue()).toBe('=SUM(1,2)');
  });

  it('merges cells, deletes a column from the context menu and names errors', async () => {
    // Back to the top-left corner after the paste far to the right.
    await a.getByLabel('Cell address').fill('A1');
    await a.getByLabel('Cell address').press('Enter');
    await a.locator('.ht_clone_top th', { hasText: /^A$/ }).waitFor();
    await typeInCell(a, 5, 0, 'Merged title');
    await cell(a, 5, 0).click();
    await cell(a, 5, 2).click({ modifiers: ['Shift'] });
    await a.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect.poll(() => cell(a, 5, 0).getAttribute('colspan')).toBe('3');
    // Deleting column A breaks B1's reference to it.
    await cell(a, 0, 0).click({ button: 'right' });
    await a.locator('.htContextMenu').getByText('Delete columns', { exact: true }).click();
    await expectCell(a, 0, 0, '#REF!');
    await typeInCell(a, 8, 3, '=1/0');
    await expectCell(a, 8, 3, '#DIV/0!');
    // A cell over the limit is refused with a message, and nothing changes.
    await cell(a, 9, 3).click();
    await a.getByLabel('Cell contents').fill('x'.repeat(32_768));
    await a.getByLabel('Cell contents').press('Enter');
    await a.getByRole('alert').filter({ hasText: 'at most 32,767 characters' }).waitFor();
    expect(await cell(a, 9, 3).textContent()).toBe('');
    await a.screenshot({ path: 'artifacts/sheet-grid.png' });
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
