import type { Page } from 'playwright-core';
import { waitForSaved } from './waitForSaved.ts';

/** "New spreadsheet" on /sheets; returns the sheet's path once its first grid is up and saved. */
export async function createSpreadsheet(page: Page): Promise<string> {
  await page.goto('/sheets');
  await page.getByRole('button', { name: 'New spreadsheet' }).click();
  await page.waitForURL(/\/sheets\/[A-Za-z0-9_-]+$/);
  await page.locator('.ht_master tbody tr td').first().waitFor();
  await waitForSaved(page, 30_000);
  return new URL(page.url()).pathname;
}
