import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { signUpViaUi } from '../support/accounts.ts';
import { newFolder, row, rowAction, watchDownloads } from '../support/driveActions.ts';
import { forgeBundle } from '../support/forgeBundle.ts';
import { HostileCollab } from '../support/hostileCollab.ts';
import { scanForCanary, scanServerAndTraffic } from '../support/scanForCanary.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const canary = `Hostil${seed}Qv`;
const password = 'correct horse battery staple';
const alice = `alice-h-${seed}`;
const bob = `bob-h-${seed}`;
const CHUNK = 4 * 1024 * 1024;
const INTEGRITY = 'failed its integrity check';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-hostile-e2e-'));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const flip = (b: Uint8Array, at: number) => {
  const out = new Uint8Array(b);
  out[at]! ^= 1;
  return out;
};

/**
 * Each attack is mounted by a hostile layer between the browser and the
 * real servers (Playwright's route and routeWebSocket): it must be refused
 * with a clear message, change nothing, and honest service must resume.
 */
describe('drive: a hostile server is caught, changes nothing, and honest service resumes', () => {
  const { openPage, traffics, problems } = useBrowser();
  let a: Page;
  let hostile: HostileCollab;
  const files = { two: Buffer.alloc(0), other: Buffer.alloc(0) };
  const ids = { vault: '', decoy: '', two: '', other: '' };
  const vaultUrl = () => `/drive/f/${ids.vault}`;
  const links: string[] = [];

  it('refuses a file whose chunks were swapped, taken from another file, dropped, cut or extended; nothing is saved', async () => {
    a = await openPage();
    hostile = await HostileCollab.install(a);
    await signUpViaUi(a, alice, password);
    await newFolder(a, `Decoy ${canary}`);
    ids.decoy = (await row(a, `Decoy ${canary}`).getAttribute('data-id'))!;
    await newFolder(a, `Vault ${canary}`);
    ids.vault = (await row(a, `Vault ${canary}`).getAttribute('data-id'))!;
    await a.getByRole('button', { name: `Decoy ${canary}` }).click();
    await a.getByRole('navigation', { name: 'Folder path' }).getByText(`Decoy ${canary}`).waitFor();
    await a.getByTestId('upload-files').setInputFiles([{ name: `decoy-${canary}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`decoy ${canary}`) }]);
    await row(a, `decoy-${canary}.txt`).waitFor({ timeout: 30_000 });
    await a.goto(vaultUrl());
    await a.getByRole('navigation', { name: 'Folder path' }).getByText(`Vault ${canary}`).waitFor();
    files.two = randomBytes(CHUNK + 1000); // two chunks
    files.other = randomBytes(2000);
    await a.getByTestId('upload-files').setInputFiles([
      { name: 'two.bin', mimeType: 'application/octet-stream', buffer: files.two },
      { name: 'other.bin', mimeType: 'application/octet-stream', buffer: files.other },
    ]);
    await row(a, 'two.bin').waitFor({ timeout: 60_000 });
    await row(a, 'other.bin').waitFor({ timeout: 60_000 });
    ids.two = (await row(a, 'two.bin').getAttribute('data-id'))!;
    ids.other = (await row(a, 'other.bin').getAttribute('data-id'))!;

    const chunkUrl = (fileId: string, index: number) => new URL(`/api/files/${fileId}/versions/1/chunks/${index}`, inject('baseUrl')).href;
    const indexOf = (route: Route) => Number(route.request().url().split('/').pop());
    const body = async (route: Route, url = route.request().url()) => (await route.fetch({ url })).body();
    const attacks: Array<{ name: string; message: string; answer(route: Route): Promise<void> }> = [
      { name: 'two chunks swapped', message: INTEGRITY, answer: async (r) => r.fulfill({ body: await body(r, chunkUrl(ids.two, 1 - indexOf(r))) }) },
      { name: 'a chunk of another file', message: INTEGRITY, answer: async (r) => r.fulfill({ body: indexOf(r) === 0 ? await body(r, chunkUrl(ids.other, 0)) : await body(r) }) },
      { name: 'the last chunk dropped', message: 'no longer on the server', answer: async (r) => (indexOf(r) === 1 ? r.fulfill({ status: 404, json: { code: 'NOT_FOUND', message: 'gone' } }) : r.fulfill({ body: await body(r) })) },
      { name: 'the last chunk empty', message: INTEGRITY, answer: async (r) => r.fulfill({ body: indexOf(r) === 1 ? Buffer.alloc(0) : await body(r) }) },
      { name: 'a chunk cut short', message: INTEGRITY, answer: async (r) => r.fulfill({ body: indexOf(r) === 0 ? (await body(r)).subarray(0, CHUNK / 2) : await body(r) }) },
      { name: 'a chunk extended', message: INTEGRITY, answer: async (r) => r.fulfill({ body: indexOf(r) === 1 ? Buffer.concat([await body(r), randomBytes(64)]) : await body(r) }) },
      { name: 'a byte changed', message: INTEGRITY, answer: async (r) => r.fulfill({ body: Buffer.from(flip(await body(r), 100)) }) },
    ];
    const downloads = watchDownloads(a);
    for (const [i, attack] of attacks.entries()) {
      await a.route(`**/api/files/${ids.two}/versions/*/chunks/*`, attack.answer);
      await rowAction(a, 'two.bin', 'Download');
      await expect.poll(() => a.locator('.transfer.failed').count(), { timeout: 30_000, message: attack.name }).toBe(i + 1);
      await expect(a.locator('.transfer.failed').nth(i).innerText(), attack.name).resolves.toContain(attack.message);
      await a.unroute(`**/api/files/${ids.two}/versions/*/chunks/*`);
    }
    await a.screenshot({ path: 'artifacts/hostile-chunks.png' });
    expect(await downloads.finished()).toEqual([]);
    // The server tree is unchanged and the honest file still downloads, exactly.
    const [dl] = await Promise.all([a.waitForEvent('download'), rowAction(a, 'two.bin', 'Download')]);
    const got = path.join(work, 'two.bin');
    await dl.saveAs(got);
    expect(sha256(fs.readFileSync(got))).toBe(sha256(files.two));
  });

  it('shows and saves hostile file names (markup, ../, control and bidi characters) only as safe text', async () => {
    const dialogs: string[] = [];
    a.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    // A name a Linux disk allows (backslashes, a bell, a right-to-left override), then one typed in.
    await a.getByTestId('upload-files').setInputFiles([{ name: '<img src=x onerror=alert(1)>..\\..\\x\u0007\u202Etxt.exe', mimeType: 'text/plain', buffer: Buffer.from('named badly') }]);
    const stored = '<img src=x onerror=alert(1)>.._.._xtxt.exe';
    await row(a, stored).waitFor({ timeout: 30_000 });
    await rowAction(a, stored, 'Rename');
    await a.getByLabel('New name').fill('../../<img src=x onerror=alert(2)>\n\u202Egnp.exe');
    await a.getByLabel('New name').press('Enter');
    const renamed = '.._.._<img src=x onerror=alert(2)> gnp.exe';
    await row(a, renamed).waitFor({ timeout: 30_000 });
    expect(await a.locator('img[src="x"]').count()).toBe(0);
    const [dl] = await Promise.all([a.waitForEvent('download'), rowAction(a, renamed, 'Download')]);
    // The app saves it as ".._.._" + "_img src=x onerror=alert(2)_ gnp.exe" (Chromium then also replaces the leading dot).
    expect(dl.suggestedFilename()).toMatch(/^[^/\\<>\u0000-\u001f\u202a-\u202e\u2066-\u2069]*img src=x onerror=alert\(2\)_ gnp\.exe$/);
    const got = path.join(work, 'named.txt');
    await dl.saveAs(got);
    expect(fs.readFileSync(got, 'utf8')).toBe('named badly');
    expect(dialogs).toEqual([]);
  });

  it('a folder answered with another folder’s document: nothing of it is shown, the problem is said, and an honest reload is intact', async () => {
    await a.goto(vaultUrl());
    await row(a, 'two.bin').waitFor({ timeout: 30_000 });
    hostile.swap.set(ids.vault, ids.decoy);
    hostile.dropWrites.add(ids.vault);
    await a.reload();
    await a.getByTestId('folder-integrity').getByText('WRONG_DOCUMENT').waitFor({ timeout: 30_000 });
    await a.screenshot({ path: 'artifacts/hostile-swapped-folder.png' });
    expect(await row(a, `decoy-${canary}.txt`).count()).toBe(0);
    hostile.stop();
    await a.reload();
    await row(a, 'two.bin').waitFor({ timeout: 30_000 });
    await row(a, 'other.bin').waitFor();
    expect(await row(a, `decoy-${canary}.txt`).count()).toBe(0);
    expect(await a.getByTestId('folder-integrity').count()).toBe(0);
    // Honest writes still go through, and are still there after a reload.
    await newFolder(a, 'after the swap');
    await a.reload();
    await row(a, 'after the swap').waitFor({ timeout: 30_000 });
  });

  it('an envelope nobody signed, injected into a folder, is never applied; the problem is said; the folder stays usable', async () => {
    await expect.poll(() => hostile.log(ids.vault).length, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await a.locator('tr[data-id]').count();
    const real = hostile.log(ids.vault).at(-1)!;
    // A real envelope with one bit changed in its signature, and one with a changed ciphertext.
    expect(hostile.inject(ids.vault, (d) => d.getArray<Uint8Array>('log').push([flip(real, real.length - 1), flip(real, Math.floor(real.length / 2))]))).toBeGreaterThan(0);
    await a.getByTestId('folder-integrity').getByText('failed verification').waitFor({ timeout: 30_000 });
    expect(await a.locator('tr[data-id]').count()).toBe(before);
    hostile.stop();
    await a.reload();
    await row(a, 'after the swap').waitFor({ timeout: 30_000 });
    await newFolder(a, 'after the forgery');
    await a.reload();
    await row(a, 'after the forgery').waitFor({ timeout: 30_000 });
    expect(await a.getByTestId('folder-integrity').count()).toBe(0);
  });

  it('an older document state (a rolled-back snapshot) is refused, also after a reload', async () => {
    await a.goto(vaultUrl());
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+\?in=/);
    const docId = new URL(a.url()).pathname.split('/').pop()!;
    await a.getByLabel('Document body').click();
    await a.keyboard.type('First state.');
    const saveVersion = async (versions: number) => {
      await a.getByRole('button', { name: 'History' }).click();
      await a.getByRole('button', { name: 'Save a version now' }).click();
      await expect.poll(() => a.getByRole('list', { name: 'Versions' }).locator('button.version').count(), { timeout: 30_000 }).toBe(versions);
      await a.getByRole('button', { name: 'Close' }).click();
    };
    await saveVersion(1);
    await expect.poll(() => hostile.meta(docId).snapshotId, { timeout: 30_000 }).toBeTruthy();
    const older = hostile.meta(docId);
    await a.getByLabel('Document body').click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Second state.');
    await saveVersion(2);
    await expect.poll(() => hostile.meta(docId).snapshotId, { timeout: 30_000 }).not.toBe(older.snapshotId);
    // The newest snapshot this device saw is kept across reloads (localStorage), not only in memory.
    await a.reload();
    await a.getByLabel('Document body').getByText('Second state.').waitFor({ timeout: 30_000 });
    // Synced first: the text shows from this device's own copy before the connection is up, and a change
    // injected before the sync would go back to the (honest) server in the client's sync reply, which the
    // guard refuses (DELETE_REFUSED) and closes, so the check below could never fetch the older snapshot.
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    const anchor = await a.evaluate((id) => Object.entries(localStorage).find(([k]) => k.startsWith('coffre:anchor:') && k.endsWith(`:${id}`))?.[1], docId);
    expect(JSON.parse(anchor!).snapshotId).toBe(hostile.meta(docId).snapshotId);
    // The server now says the current snapshot is the older one.
    expect(hostile.inject(docId, (d) => Object.entries(older).forEach(([k, v]) => d.getMap('meta').set(k, v)))).toBeGreaterThan(0);
    await a.getByTestId('sync-status').filter({ hasText: 'Integrity problem' }).waitFor({ timeout: 30_000 });
    expect(await a.getByTestId('sync-status').getAttribute('title')).toContain('ROLLBACK');
    await a.screenshot({ path: 'artifacts/hostile-rollback.png' });
    expect(await a.getByLabel('Document body').textContent()).toContain('Second state.');
    hostile.stop();
    await a.reload();
    await a.getByLabel('Document body').getByText('Second state.').waitFor({ timeout: 30_000 });
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    // The server loaded the document afresh (nobody had it open): this device writes on, and a version saves,
    // although the envelopes of the devices before it were all pruned.
    await a.getByLabel('Document body').click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(' Third state.');
    await saveVersion(3);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
  });

  it('a change slipped into this device’s copy is refused by the honest server when the copy syncs again: the page says so, and a reload starts afresh', async () => {
    const docId = new URL(a.url()).pathname.split('/').pop()!;
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    // Nothing the client checks (a meta key it does not read), so only the server's guard can notice it.
    expect(hostile.inject(docId, (d) => d.getMap('meta').set('note', 'slipped in'))).toBeGreaterThan(0);
    hostile.stop();
    await hostile.disconnectAll();
    const badge = a.getByTestId('sync-status').filter({ hasText: 'Not saved: refused by the server' });
    await badge.waitFor({ timeout: 30_000 });
    // The guard names what it refused first: the write to meta, or the deletions the hostile copy carries with it.
    expect(await badge.getAttribute('title')).toMatch(/\((FORBIDDEN_WRITE|DELETE_REFUSED)\)/);
    await a.screenshot({ path: 'artifacts/hostile-refused-write.png' });
    // The copy that held it was forgotten: the next open syncs from what the server holds (kept, the copy
    // would be sent and refused again right after the sync).
    await a.reload();
    await a.getByLabel('Document body').getByText('Third state.').waitFor({ timeout: 30_000 });
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await a.getByTestId('sync-status').textContent()).toBe('Saved');
  });

  it('a substituted public key blocks sharing, and a grant signed by a key that is not the sender’s pinned one is ignored', async () => {
    const b = await openPage();
    await signUpViaUi(b, bob, password);
    // Honest first share: each side pins the other's keys.
    await a.goto('/drive');
    await rowAction(a, `Vault ${canary}`, 'Share…');
    await a.getByLabel('Username to share with').fill(bob);
    await a.getByRole('dialog').getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('dialog').getByText(`Shared with ${bob}`).waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Done' }).click();
    await b.goto('/drive/shared');
    await row(b, `Vault ${canary}`).waitFor({ timeout: 30_000 });

    const members: string[] = [];
    a.on('request', (r) => r.method() === 'POST' && /\/api\/docs\/[^/]+\/members$/.test(r.url()) && members.push(r.url()));
    const realBundle = (await a.evaluate((u) => fetch(`/api/users/${u}`).then((r) => r.json()), bob)) as { publicBundle: string };
    const aliceBundle = (await a.evaluate((u) => fetch(`/api/users/${u}`).then((r) => r.json()), alice)) as { publicBundle: string };
    const serveBundle = (bundle: string) => a.route(`**/api/users/${bob}`, async (r) => r.fulfill({ json: { ...(await (await r.fetch()).json()), publicBundle: bundle } }));
    await rowAction(a, `Decoy ${canary}`, 'Share…');
    // Someone else's (valid) keys under Bob's name, then Bob's own record re-signed under a key the server holds.
    await serveBundle(aliceBundle.publicBundle);
    await a.getByLabel('Username to share with').fill(bob);
    await a.getByRole('dialog').getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('dialog').getByRole('alert').getByText('belong to someone else').waitFor({ timeout: 30_000 });
    await a.unroute(`**/api/users/${bob}`);
    await serveBundle(forgeBundle(realBundle.publicBundle));
    await a.getByRole('dialog').getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('alert').filter({ hasText: `${bob}’s keys changed` }).waitFor({ timeout: 30_000 });
    await a.screenshot({ path: 'artifacts/hostile-substituted-key.png' });
    await a.unroute(`**/api/users/${bob}`);
    expect(members).toEqual([]);
    await a.keyboard.press('Escape');

    // Bob's server answers Alice's next grant with her record re-signed under another key: it is not filed.
    const grantsSeen: number[] = [];
    await b.route('**/api/grants', async (r) => {
      const grants = (await (await r.fetch()).json()) as Array<{ sender: { publicBundle: string } }>;
      grantsSeen.push(grants.length);
      await r.fulfill({ json: grants.map((g) => ({ ...g, sender: { ...g.sender, publicBundle: forgeBundle(g.sender.publicBundle) } })) });
    });
    await a.goto('/drive');
    await rowAction(a, `Decoy ${canary}`, 'Share…');
    await a.getByLabel('Username to share with').fill(bob);
    await a.getByRole('dialog').getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('dialog').getByText(`Shared with ${bob}`).waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Done' }).click();
    await b.reload();
    await expect.poll(() => grantsSeen.some((n) => n >= 2), { timeout: 30_000 }).toBe(true);
    await row(b, `Vault ${canary}`).waitFor({ timeout: 30_000 });
    await b.waitForTimeout(1000);
    expect(await row(b, `Decoy ${canary}`).count()).toBe(0);
    await b.unroute('**/api/grants');
    await b.reload();
    await row(b, `Decoy ${canary}`).waitFor({ timeout: 30_000 });
  });

  it('a link answered with another link’s content, or with another file’s chunks, is refused as broken', async () => {
    await a.goto(vaultUrl());
    for (const name of ['two.bin', 'other.bin']) {
      await rowAction(a, name, 'Get link…');
      await a.getByRole('button', { name: 'Create link' }).click();
      links.push(await a.getByLabel('New link').inputValue());
      await a.getByRole('button', { name: 'Done' }).click();
    }
    const v = await openPage();
    const opened: Array<{ itemId: string; sealed: string }> = [];
    v.on('response', (r) => void (r.url().endsWith('/open') && r.ok() && r.json().then((j) => opened.push(j), () => undefined)));
    await v.goto(links[1]!);
    await v.getByRole('heading', { name: 'other.bin' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => opened.length).toBe(1);
    const otherLink = opened[0]!;
    // The other link's sealed payload, then this link's payload claiming the other item.
    for (const forged of [(own: typeof otherLink) => ({ ...own, ...otherLink }), (own: typeof otherLink) => ({ ...own, itemId: otherLink.itemId })]) {
      await v.route('**/api/links/*/open', async (r) => r.fulfill({ json: forged((await (await r.fetch()).json()) as typeof otherLink) }));
      await v.goto('about:blank');
      await v.goto(links[0]!);
      await v.getByRole('alert').getByText('incomplete or damaged').waitFor({ timeout: 30_000 });
      expect(await v.getByRole('heading', { name: 'other.bin' }).count()).toBe(0);
      await v.unroute('**/api/links/*/open');
    }
    // Honest again: the link opens its own file; chunks of another file are refused.
    await v.goto('about:blank');
    await v.goto(links[0]!);
    await v.getByRole('heading', { name: 'two.bin' }).waitFor({ timeout: 30_000 });
    const downloads = watchDownloads(v);
    await v.route('**/api/links/*/files/*/versions/*/chunks/*', async (r) => r.fulfill({ body: await (await r.fetch({ url: r.request().url().replace(ids.two, ids.other).replace(/chunks\/\d+$/, 'chunks/0') })).body() }));
    await v.getByRole('button', { name: 'Download' }).click();
    await v.getByRole('alert').getByText(INTEGRITY).waitFor({ timeout: 30_000 });
    expect(await downloads.finished()).toEqual([]);
    await v.unroute('**/api/links/*/files/*/versions/*/chunks/*');
    const [dl] = await Promise.all([v.waitForEvent('download'), v.getByRole('button', { name: 'Download' }).click()]);
    await dl.saveAs(path.join(work, 'two-via-link.bin'));
    expect(sha256(fs.readFileSync(path.join(work, 'two-via-link.bin')))).toBe(sha256(files.two));
  });

  it('never sends a link secret, leaves no trace of names, and had no unexpected errors', () => {
    const captured = Object.fromEntries(traffics.flatMap((t, i) => [[`bodies${i}`, t.bodies], [`urls${i}`, t.urls], [`ws${i}`, t.wsFrames]]));
    for (const link of links) expect(scanForCanary(link.split('#')[1]!, { captured, dirs: [inject('dataDir')], files: inject('logFiles') })).toEqual([]);
    expect(scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics })).toEqual([]);
    expect(problems.flat().filter((p) => !/Failed to load resource.*40[34]/.test(p))).toEqual([]);
  });
});
