import type { Download, Page } from 'playwright-core';

/** A row of the drive's list view. */
export const row = (page: Page, name: string) => page.locator('tr[data-id]', { hasText: name });

export async function newFolder(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByLabel('New name').fill(name);
  await page.getByLabel('New name').press('Enter');
  await row(page, name).waitFor();
}

/** Waits until the folder view shows `name` as the current folder: the URL changes before its view is there. */
export async function inFolder(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Folder path' }).locator('[aria-current="page"]', { hasText: name }).waitFor({ timeout: 30_000 });
}

/**
 * Opens folder `name` from the current view and waits for its view: until
 * then the old folder's toolbar is still on the page, and an upload or a
 * "New …" would go there.
 */
export async function openFolder(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name }).click({ timeout: 30_000 });
  await page.waitForURL(/\/drive\/f\//);
  await inFolder(page, name);
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
