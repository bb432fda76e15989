import type { Page } from 'playwright-core';

/** Signs up through the real UI and lands in the signed-in shell. */
export async function signUpViaUi(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByLabel('I have saved my recovery key').check({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Continue to Coffre' }).click();
  await page.waitForURL('**/drive');
}

export async function signInViaUi(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/drive');
}
