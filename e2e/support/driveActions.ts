import type { Download, Page } from 'playwright-core';

/** A row of the drive's list view. */
export const row = (page: Page, name: string) => page.locator('tr[data-id]', { hasText: name });

export async function newFolder(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByLabel('New name').fill(name);
  await page.getByLabel('New name').press('Enter');
  await row(page, name).waitFor();
}

export async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await row(page, name).click({ button: 'right' });
  await page.getByRole('menuitem', { name: action }).click();
}

/**
 * Every download the page starts from now on. A refused file must leave no
 * finished download: none at all (a download saved once verified), or only
 * failed ones (a download streamed to disk, cancelled on the bad chunk).
 */
export function watchDownloads(page: Page): { all: Download[]; finished(): Promise<Download[]> } {
  const all: Download[] = [];
  page.on('download', (d) => all.push(d));
  return {
    all,
    async finished() {
      const out: Download[] = [];
      for (const d of all) if ((await d.failure()) === null) out.push(d);
      return out;
    },
  };
}
