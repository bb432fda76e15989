import type { Page } from 'playwright-core';

/** Fills the open share dialog: a username and a role, then waits for the confirmation and closes it. */
export async function fillShareDialog(page: Page, username: string, role: 'Can view' | 'Can edit' | 'Can edit and share'): Promise<void> {
  await page.getByLabel('Username to share with').fill(username);
  await page.getByLabel('Role', { exact: true }).selectOption({ label: role });
  await page.getByRole('dialog').getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('dialog').getByText(`Shared with ${username}`).waitFor();
  await page.getByRole('button', { name: 'Done' }).click();
}

/** Shares the open document through its header's Share button. */
export async function shareDocumentViaUi(page: Page, username: string, role: 'Can view' | 'Can edit' | 'Can edit and share'): Promise<void> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await fillShareDialog(page, username, role);
}
