import type { Page } from 'playwright-core';

/** Signs up through the real UI (as e2e/support/accounts.ts does) and lands in the signed-in shell. `origin` is for a page without a baseURL (a browser Playwright connected to). */
export async function signUpViaUi(page: Page, username: string, password: string, origin = ''): Promise<void> {
  await page.goto(`${origin}/signup`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('I have saved my recovery key').check({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Continue to Coffre' }).click();
  await page.waitForURL('**/drive', { timeout: 60_000 });
}
