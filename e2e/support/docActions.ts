import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/**
 * Through an edit link: waits for the document to show `shown`, checks it is
 * editable, appends `text` at the end of its line and waits until it is saved.
 */
export async function guestAppends(page: Page, shown: string, text: string): Promise<void> {
  const body = page.getByLabel('Document body');
  await body.getByText(shown).waitFor({ timeout: 30_000 });
  expect(await body.getAttribute('contenteditable')).toBe('true');
  await body.click();
  await page.keyboard.press('End');
  await page.keyboard.type(text);
  await page.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
}
