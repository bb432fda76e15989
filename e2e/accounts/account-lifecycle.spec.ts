import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/useBrowser.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';

const seed = Date.now().toString(36);
const canary = `Canary-${seed}-pw-\u00e9\u6f22`;
const username = `alice-${seed}`;
const password = `${canary} correct horse`;
const newPassword = `${canary} battery staple`;
const resetPassword = `${canary} after recovery`;

const { openPage, traffics, problems } = useBrowser();

async function signIn(page: Page, user: string, pw: string) {
  await page.goto('/login');
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password', { exact: true }).fill(pw);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('account lifecycle in a real browser', () => {
  let recoveryKey = '';

  it('signs up, shows the recovery key once, and lands in the signed-in shell', async () => {
    const page = await openPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Create account' }).click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Repeat password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    recoveryKey = (await page.getByTestId('recovery-key').textContent({ timeout: 30_000 })) ?? '';
    expect(recoveryKey.length).toBeGreaterThan(40);
    await page.getByLabel('I have saved my recovery key').check();
    await page.getByRole('button', { name: 'Continue to Coffre' }).click();
    await page.waitForURL('**/drive');
    await page.getByRole('navigation', { name: 'Folder path' }).getByText('My drive').waitFor();
    await page.screenshot({ path: 'artifacts/signed-in.png' });

    // A reload keeps the session and unlocks the keys again from the sealed cache.
    await page.reload();
    await page.getByRole('button', { name: username }).waitFor();

    // Duplicate usernames are refused clearly.
    const other = await openPage();
    await other.goto('/signup');
    await other.getByLabel('Username').fill(username.toUpperCase());
    await other.getByLabel('Password', { exact: true }).fill('another password 123');
    await other.getByLabel('Repeat password').fill('another password 123');
    await other.getByRole('button', { name: 'Create account' }).click();
    await expect(other.getByRole('alert').textContent()).resolves.toContain('That username is taken');

    await page.getByRole('button', { name: username }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    // Logged out: the shell redirects, and no key cache is left behind.
    await page.goto('/drive');
    await page.waitForURL('**/login');
    expect(await page.evaluate(() => localStorage.getItem('coffre:session-cache'))).toBeNull();
  });

  it('refuses a wrong password with one clear message, the same as an unknown user', async () => {
    const page = await openPage();
    await signIn(page, username, 'not the password at all');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Wrong username or password.');
    await signIn(page, `nobody-${seed}`, 'not the password at all');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Wrong username or password.');
    expect(page.url()).toContain('/login');
  });

  it('logs in, lists sessions, changes the password, and the old one stops working', async () => {
    const page = await openPage();
    await signIn(page, username, password);
    await page.waitForURL('**/drive');
    await page.goto('/settings');
    await expect(page.getByTestId('fingerprint').textContent()).resolves.toMatch(/[0-9a-f]{4}/);
    await page.getByTestId('sessions').getByText('This device').waitFor();

    await page.getByLabel('Current password').first().fill(password);
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: 'artifacts/settings.png', fullPage: true });

    const fresh = await openPage();
    await signIn(fresh, username, password);
    await expect(fresh.getByRole('alert').textContent()).resolves.toBe('Wrong username or password.');
    await signIn(fresh, username, newPassword);
    await fresh.waitForURL('**/drive');
  });

  it('refuses keys a hostile server mauled: clear integrity error, signed out, nothing cached', async () => {
    const page = await openPage();
    // The "server" flips one bit of the wrapped identity keys in its answer.
    await page.route('**/api/auth/login/finish', async (route) => {
      const response = await route.fetch();
      const body = await response.json();
      const bytes = Buffer.from(body.wrappedIdentity, 'base64url');
      bytes[bytes.length - 5]! ^= 0x01;
      body.wrappedIdentity = bytes.toString('base64url');
      await route.fulfill({ response, json: body });
    });
    await signIn(page, username, newPassword);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('failed an integrity check');
    expect(page.url()).toContain('/login');
    expect(await page.evaluate(() => localStorage.getItem('coffre:session-cache'))).toBeNull();
    const status = await page.evaluate(async () => (await fetch('/api/account/session')).status);
    expect(status).toBe(401);
  });

  it('resets a forgotten password with the recovery key and keeps the same keys', async () => {
    const page = await openPage();
    await signIn(page, username, newPassword);
    await page.waitForURL('**/drive');
    await page.goto('/settings');
    const fingerprintBefore = await page.getByTestId('fingerprint').textContent();

    const lost = await openPage();
    await lost.goto('/recover');
    await lost.getByLabel('Username').fill(username);
    await lost.getByLabel('Recovery key').fill('AAAA-BBBB-CCCC');
    await lost.getByLabel('New password').fill(resetPassword);
    await lost.getByRole('button', { name: 'Set new password' }).click();
    await expect(lost.getByRole('alert').textContent()).resolves.toContain('not a valid recovery key');

    await lost.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
    await lost.getByRole('button', { name: 'Set new password' }).click();
    await lost.waitForURL('**/drive', { timeout: 30_000 });
    await lost.goto('/settings');
    await expect(lost.getByTestId('fingerprint').textContent()).resolves.toBe(fingerprintBefore);

    // The reset logged every other session out.
    await page.goto('/drive');
    await page.waitForURL('**/login');
  });

  it('never lets the password reach the server, its database, blobs or logs, in any encoding', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
    // The scan looked at a real database.
    expect(traffics.some((t) => t.bodies.some((b) => b.includes('registrationRecord')))).toBe(true);
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
