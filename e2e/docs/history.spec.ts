import { describe, expect, it } from 'vitest';
import { signUpViaUi } from '../support/accounts.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const { openPage, problems } = useBrowser();

describe('word processor: version history', () => {
  it('saves a version, previews it, and restores it as a new change', async () => {
    const a = await openPage();
    await signUpViaUi(a, `historian-${seed}`, 'an adequately long password');
    await a.goto('/docs');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    await a.getByLabel('Document body').click();
    await a.keyboard.type('First draft of the minutes.');
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });

    await a.getByRole('button', { name: 'History' }).click();
    await a.getByRole('button', { name: 'Save a version now' }).click();
    await a.getByText('Version saved.').waitFor({ timeout: 15_000 });
    await a.getByRole('button', { name: 'Close' }).click();

    await a.getByLabel('Document body').click();
    await a.keyboard.press('Control+A');
    await a.keyboard.type('Completely rewritten by mistake.');
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });

    await a.getByRole('button', { name: 'History' }).click();
    const versions = a.getByRole('list', { name: 'Versions' }).locator('button.version');
    await versions.first().waitFor();
    expect(await versions.count()).toBe(1);
    await versions.first().click();
    await a.getByLabel('Version preview').getByText('First draft of the minutes.').waitFor();
    await a.screenshot({ path: 'artifacts/history.png' });
    await a.getByRole('button', { name: 'Restore this version' }).click();
    await a.getByText(/Restored the version/).waitFor({ timeout: 15_000 });
    // Restoring saved the replaced text as a version too.
    expect(await versions.count()).toBe(2);
    await a.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => a.getByLabel('Document body').textContent()).toBe('First draft of the minutes.');

    // A reload (fresh decryption from snapshot + tail) shows the restored text.
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });
    await a.reload();
    await a.getByLabel('Document body').getByText('First draft of the minutes.').waitFor({ timeout: 15_000 });
    expect(await a.getByLabel('Document body').textContent()).not.toContain('rewritten');
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
