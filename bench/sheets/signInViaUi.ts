import type { Page } from 'playwright-core';

/** Signs in through the real UI (as e2e/support/accounts.ts does) and lands in the signed-in shell. `origin` is for a page without a baseURL (a browser Playwright connected to). */
export async function signInViaUi(page: Page, username: string, password: string, origin = ''): Promise<void> {
  await page.goto(`${origin}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/drive', { timeout: 60_000 });
}
