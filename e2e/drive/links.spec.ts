import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { signUpViaUi } from '../support/accounts.ts';
import { scanForCanary, scanServerAndTraffic } from '../support/scanForCanary.ts';
import { openFolder, rowAction } from '../support/driveActions.ts';
import { guestAppends } from '../support/docActions.ts';
import { createLinkInDialog } from '../support/linkDialog.ts';
import { shareDocumentViaUi } from '../support/shareViaDialog.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const canary = `Linky${seed}Qz`;
const linkPassword = `pw-${canary}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-links-e2e-'));

describe('share links: a file opened by someone without an account', () => {
  const { openPage, traffics, problems } = useBrowser();
  let url = '';

  it('makes a password link; a fresh browser opens it, needs the password, and downloads the exact file', async () => {
    const a = await openPage();
    await signUpViaUi(a, `alice-l-${seed}`, 'correct horse battery staple');
    const file = path.join(work, `report-${canary}.txt`);
    fs.writeFileSync(file, `quarterly numbers ${canary}\n`.repeat(1000));
    await a.getByTestId('upload-files').setInputFiles([file]);
    const row = a.locator('tr[data-id]', { hasText: `report-${canary}.txt` });
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Get link…' }).click();
    await a.getByLabel('Link password').fill(linkPassword);
    await a.getByRole('button', { name: 'Create link' }).click();
    url = await a.getByLabel('New link').inputValue();
    expect(url).toMatch(/\/s#[A-Za-z0-9_-]{51}$/);
    await a.getByRole('button', { name: 'Done' }).click();
    // "Shared by me" names the file (decrypted here) and can copy the link again.
    await a.getByRole('link', { name: 'Shared by me' }).click();
    const mine = a.getByRole('list', { name: 'Links I made' }).locator('li', { hasText: `report-${canary}.txt` });
    await mine.getByRole('button', { name: 'Copy link' }).waitFor({ timeout: 30_000 });
    await a.screenshot({ path: 'artifacts/shared-by-me.png' });
    await a.getByRole('link', { name: 'My drive' }).click();
    await row.waitFor({ timeout: 30_000 });

    const v = await openPage();
    await v.goto(url);
    await v.getByRole('heading', { name: 'This link has a password' }).waitFor({ timeout: 30_000 });
    // The secret is out of the address bar at once.
    expect(v.url()).not.toContain('#');
    await v.getByLabel('Link password', { exact: true }).fill('not the password');
    await v.getByRole('button', { name: 'Open' }).click();
    await v.getByRole('alert').getByText('not right for this link').waitFor({ timeout: 30_000 });
    await v.getByLabel('Link password', { exact: true }).fill(linkPassword);
    await v.getByRole('button', { name: 'Open' }).click();
    await v.getByRole('heading', { name: `report-${canary}.txt` }).waitFor({ timeout: 30_000 });
    const [dl] = await Promise.all([v.waitForEvent('download'), v.getByRole('button', { name: 'Download' }).click()]);
    const got = path.join(work, 'got.txt');
    await dl.saveAs(got);
    const hash = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
    expect(hash(got)).toBe(hash(file));
    expect(dl.suggestedFilename()).toBe(`report-${canary}.txt`);
    // Streamed through the relay worker on a page without an account, checked against the digest the link carries.
    expect(new URL(dl.url()).pathname).toMatch(/^\/download-stream\//);
    await v.screenshot({ path: 'artifacts/link-file.png' });

    // Stop sharing: the link is dead for everyone at once.
    await row.click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Get link…' }).click();
    await a.getByRole('button', { name: 'Stop sharing' }).click();
    await a.getByText('No links.').waitFor();
    await a.getByRole('button', { name: 'Done' }).click();
    const w = await openPage();
    await w.goto(url);
    await w.getByRole('alert').getByText('does not work any more').waitFor({ timeout: 30_000 });
  });

  let docUrl = '';
  it('makes a view link for a document; a fresh browser reads it live without an account, until it is stopped', async () => {
    const a = await openPage();
    await signUpViaUi(a, `carol-l-${seed}`, 'correct horse battery staple');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+/);
    await a.getByLabel('Title').fill(`Minutes ${canary}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Decided ${canary}.`);
    await a.goto('/drive');
    const row = a.locator('tr[data-id]', { hasText: `Minutes ${canary}` });
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Get link…' }).click();
    await a.getByRole('button', { name: 'Create link' }).click();
    docUrl = await a.getByLabel('New link').inputValue();
    await a.getByRole('button', { name: 'Done' }).click();

    const v = await openPage();
    await v.goto(docUrl);
    await v.getByLabel('Document body').getByText(`Decided ${canary}.`).waitFor({ timeout: 30_000 });
    expect(v.url()).not.toContain('#');
    expect(await v.getByLabel('Document body').getAttribute('contenteditable')).toBe('false');
    // Live: the owner keeps writing, the visitor sees it.
    await row.getByRole('button', { name: `Minutes ${canary}` }).click();
    await a.getByLabel('Document body').click();
    await a.keyboard.press('End');
    await a.keyboard.type(' Next meeting Friday.');
    await v.getByLabel('Document body').getByText('Next meeting Friday.').waitFor({ timeout: 30_000 });
    await v.screenshot({ path: 'artifacts/link-doc.png' });

    await a.goto('/drive/by-me');
    await a.getByRole('list', { name: 'Links I made' }).locator('li', { hasText: `Minutes ${canary}` }).getByRole('button', { name: 'Stop sharing' }).click();
    await v.getByRole('alert').getByText('does not work any more').waitFor({ timeout: 30_000 });
  });

  let editUrl = '';
  it('makes an edit link for a document; a guest in a fresh browser edits it live with the owner, until it is stopped', async () => {
    const a = await openPage();
    await signUpViaUi(a, `erin-l-${seed}`, 'correct horse battery staple');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+/);
    await a.getByLabel('Title').fill(`Draft ${canary}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Owner wrote ${canary}.`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    const docPath = new URL(a.url()).pathname;
    await a.goto('/drive');
    const row = a.locator('tr[data-id]', { hasText: `Draft ${canary}` });
    await row.waitFor({ timeout: 30_000 });
    await row.click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Get link…' }).click();
    await a.getByLabel('Link access').selectOption('editor');
    await a.getByRole('button', { name: 'Create link' }).click();
    editUrl = await a.getByLabel('New link').inputValue();
    await a.getByRole('list', { name: 'Links' }).getByText('Edit link').waitFor();
    await a.screenshot({ path: 'artifacts/link-dialog-edit.png' });
    await a.getByRole('button', { name: 'Done' }).click();

    const g = await openPage();
    await g.goto(editUrl);
    await guestAppends(g, `Owner wrote ${canary}.`, ' Guest added this.');
    // The owner sees the guest's edit live, and it is saved: a reload still shows it.
    await a.goto(docPath);
    await a.getByLabel('Document body').getByText('Guest added this.').waitFor({ timeout: 30_000 });
    await a.getByLabel('Document body').click();
    await a.keyboard.press('End');
    await a.keyboard.type(' Owner again.');
    await g.getByLabel('Document body').getByText('Owner again.').waitFor({ timeout: 30_000 });
    await g.screenshot({ path: 'artifacts/link-doc-edit.png' });

    await a.goto('/drive/by-me');
    await a.getByRole('list', { name: 'Links I made' }).locator('li', { hasText: `Draft ${canary}` }).getByRole('button', { name: 'Stop sharing' }).click();
    await g.getByRole('alert').getByText('does not work any more').waitFor({ timeout: 30_000 });
  });

  let folderUrl = '';
  it('makes a view link for a folder; a fresh browser browses it, downloads a file and reads a document inside', async () => {
    const a = await openPage();
    await signUpViaUi(a, `dan-l-${seed}`, 'correct horse battery staple');
    await a.getByRole('button', { name: 'New folder' }).click();
    await a.getByLabel('New name').fill(`Team ${canary}`);
    await a.getByLabel('New name').press('Enter');
    await openFolder(a, `Team ${canary}`);
    const inner = path.join(work, `agenda-${canary}.txt`);
    fs.writeFileSync(inner, `agenda ${canary}\n`);
    await a.getByTestId('upload-files').setInputFiles([inner]);
    await a.locator('tr[data-id]', { hasText: `agenda-${canary}.txt` }).waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+\?in=/);
    await a.getByLabel('Title').fill(`Notes ${canary}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Inside the folder ${canary}.`);
    await a.goto('/drive');
    await a.locator('tr[data-id]', { hasText: `Team ${canary}` }).click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Get link…' }).click();
    await a.getByRole('button', { name: 'Create link' }).click();
    folderUrl = await a.getByLabel('New link').inputValue();
    await a.getByRole('button', { name: 'Done' }).click();

    const v = await openPage();
    await v.goto(folderUrl);
    const contents = v.getByRole('list', { name: 'Folder contents' });
    await contents.getByRole('button', { name: `agenda-${canary}.txt` }).waitFor({ timeout: 30_000 });
    const [dl] = await Promise.all([v.waitForEvent('download'), contents.getByRole('button', { name: `agenda-${canary}.txt` }).click()]);
    const got = path.join(work, 'agenda-got.txt');
    await dl.saveAs(got);
    expect(fs.readFileSync(got, 'utf8')).toBe(`agenda ${canary}\n`);
    await contents.getByRole('button', { name: `Notes ${canary}` }).click({ timeout: 30_000 });
    await v.getByLabel('Document body').getByText(`Inside the folder ${canary}.`).waitFor({ timeout: 30_000 });
    await v.screenshot({ path: 'artifacts/link-folder-doc.png' });
  });

  it('keeps my links to a document working after someone is removed: each is sealed again with the new key', async () => {
    const a = await openPage();
    const b = await openPage();
    const hugo = `hugo-l-${seed}`;
    await signUpViaUi(b, hugo, 'correct horse battery staple');
    await signUpViaUi(a, `gwen-l-${seed}`, 'correct horse battery staple');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+/);
    const docPath = new URL(a.url()).pathname + new URL(a.url()).search;
    await a.getByLabel('Title').fill(`Plan ${canary}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Before ${canary}.`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    await shareDocumentViaUi(a, hugo, 'Can view');
    await a.goto('/drive');
    await rowAction(a, `Plan ${canary}`, 'Get link…');
    const viewUrl = await createLinkInDialog(a);
    await rowAction(a, `Plan ${canary}`, 'Get link…');
    await a.getByLabel('Link password').fill(linkPassword);
    const passwordUrl = await createLinkInDialog(a);

    // Hugo is removed: the document moves to a new key, and both links are sealed again with it.
    await a.goto(docPath);
    await a.getByRole('button', { name: 'Share', exact: true }).click();
    await a.getByRole('dialog').getByRole('listitem').filter({ hasText: hugo }).getByRole('button', { name: 'Remove' }).click();
    await a.getByRole('dialog').getByText(`${hugo} was removed and the document has a new key. Your 2 links keep working with it.`).waitFor({ timeout: 60_000 });
    await a.getByRole('button', { name: 'Done' }).click();
    await a.locator('.doc-editor[data-epoch="2"]').waitFor({ timeout: 30_000 });
    await a.getByLabel('Document body').click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(` After ${canary}.`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });

    // A fresh visitor of each link reads what was written under the new key.
    const v = await openPage();
    await v.goto(viewUrl);
    await v.getByLabel('Document body').getByText(`After ${canary}.`).waitFor({ timeout: 30_000 });
    expect(await v.locator('.doc-editor').getAttribute('data-epoch')).toBe('2');
    const w = await openPage();
    await w.goto(passwordUrl);
    await w.getByLabel('Link password', { exact: true }).fill(linkPassword);
    await w.getByRole('button', { name: 'Open' }).click();
    await w.getByLabel('Document body').getByText(`After ${canary}.`).waitFor({ timeout: 30_000 });
  });

  it('never sends the link secret, and leaves no trace of the name, contents or link password', () => {
    const captured = Object.fromEntries(traffics.flatMap((t, i) => [[`bodies${i}`, t.bodies], [`urls${i}`, t.urls], [`ws${i}`, t.wsFrames]]));
    for (const link of [url, docUrl, editUrl, folderUrl]) {
      const fragment = link.split('#')[1]!;
      expect(scanForCanary(fragment, { captured, dirs: [inject('dataDir')], files: inject('logFiles') })).toEqual([]);
    }
    for (const secret of [canary, linkPassword]) {
      expect(scanServerAndTraffic(secret, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics })).toEqual([]);
    }
    expect(problems.flat().filter((p) => !/Failed to load resource.*40[34]/.test(p))).toEqual([]);
  });
});
