import type { Locator, Page } from 'playwright-core';

/** A rendered cell of the sheet's main grid (0-based, the viewport starting at A1). */
export function cell(page: Page, row: number, col: number): Locator {
  return page.locator('.ht_master tbody tr').nth(row).locator('td').nth(col);
}

/** Types into a cell the way a person does: click, type, Enter. */
export async function typeInCell(page: Page, row: number, col: number, text: string): Promise<void> {
  await cell(page, row, col).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Waits until a cell shows exactly `text`. */
export async function expectCell(page: Page, row: number, col: number, text: string, timeout = 15_000): Promise<void> {
  await cell(page, row, col).filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).waitFor({ timeout });
}

/** Opens the grid's context menu on a row header and picks an item. */
export async function rowHeaderMenu(page: Page, row: number, item: string): Promise<void> {
  await page.locator('.ht_clone_inline_start tbody tr, .ht_clone_left tbody tr').nth(row).locator('th').first().click({ button: 'right' });
  await page.locator('.htContextMenu').getByText(item, { exact: true }).click();
}
