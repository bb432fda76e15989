import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUpViaUi } from '../support/accounts.ts';
import { newFolder, openFolder, row, rowAction } from '../support/driveActions.ts';
import { guestAppends } from '../support/docActions.ts';
import { createLinkInDialog } from '../support/linkDialog.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const canary = `Fold${seed}Qz`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-folder-link-e2e-'));

const usage = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/usage')).json()) as { used: number }).used);

async function downloadText(page: Page, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), rowAction(page, name, 'Download')]);
  const to = path.join(work, `dl-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(to);
  return fs.readFileSync(to, 'utf8');
}

describe('folder edit links: a guest without an account edits what is in a folder', () => {
  const { openPage, traffics, problems } = useBrowser();

  it('a guest renames, trashes, creates and uploads entries and edits documents inside, live with the owner, until the link stops; a view link offers no editing', async () => {
    const a = await openPage();
    await signUpViaUi(a, `fay-fl-${seed}`, 'correct horse battery staple');
    await newFolder(a, `Team ${canary}`);
    await openFolder(a, `Team ${canary}`);
    const folderPath = new URL(a.url()).pathname;
    await newFolder(a, 'Drafts');
    await newFolder(a, 'Old stuff');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+\?in=/);
    const docPath = new URL(a.url()).pathname + new URL(a.url()).search;
    await a.getByLabel('Title').fill(`Notes ${canary}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Owner wrote ${canary}.`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });

    await a.goto('/drive');
    await row(a, `Team ${canary}`).waitFor({ timeout: 30_000 });
    await rowAction(a, `Team ${canary}`, 'Get link…');
    await a.getByLabel('Link access').selectOption('editor');
    await a.getByText('rename and trash what is in it').waitFor();
    const editUrl = await createLinkInDialog(a);
    await rowAction(a, `Team ${canary}`, 'Get link…');
    const viewUrl = await createLinkInDialog(a, 'viewer');

    // The guest renames a folder and trashes another; the owner, in the folder, sees both live.
    await a.goto(folderPath);
    await row(a, 'Drafts').waitFor({ timeout: 30_000 });
    const g = await openPage();
    await g.goto(editUrl);
    const contents = g.getByRole('list', { name: 'Folder contents' });
    await contents.getByRole('button', { name: 'Drafts', exact: true }).waitFor({ timeout: 30_000 });
    await contents.getByRole('button', { name: 'Rename Drafts' }).click();
    await g.getByLabel('New name').fill(`Final ${canary}`);
    await g.getByLabel('New name').press('Enter');
    await contents.getByRole('button', { name: 'Move Old stuff to the trash' }).click();
    await row(a, `Final ${canary}`).waitFor({ timeout: 30_000 });
    await expect.poll(() => row(a, 'Old stuff').count(), { timeout: 30_000 }).toBe(0);
    await g.screenshot({ path: 'artifacts/folder-edit-link.png' });

    // The guest opens the document inside and edits it; the owner sees the edit live, as a member would.
    await contents.getByRole('button', { name: `Notes ${canary}`, exact: true }).click();
    await guestAppends(g, `Owner wrote ${canary}.`, ' Guest added this.');
    await a.goto(docPath);
    await a.getByLabel('Document body').getByText('Guest added this.').waitFor({ timeout: 30_000 });
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    expect(await a.getByRole('alert').count()).toBe(0);
    await g.screenshot({ path: 'artifacts/folder-edit-link-doc.png' });

    // The guest makes a folder and a document and writes in it; the owner finds them in the drive, the document written.
    await g.getByRole('button', { name: /^‹ Back to / }).click();
    await g.getByRole('button', { name: 'New folder' }).click();
    await g.getByLabel('New name').fill(`Guest folder ${canary}`);
    await g.getByLabel('New name').press('Enter');
    await g.getByRole('button', { name: 'New document' }).click();
    await g.getByLabel('New name').fill(`Guest notes ${canary}`);
    await g.getByLabel('New name').press('Enter');
    await contents.getByRole('button', { name: `Guest notes ${canary}`, exact: true }).click();
    const fresh = g.getByLabel('Document body');
    await fresh.waitFor({ timeout: 30_000 });
    expect(await fresh.getAttribute('contenteditable')).toBe('true');
    await fresh.click();
    await g.keyboard.type(`Guest started ${canary}.`);
    await g.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    await a.goto(folderPath);
    await row(a, `Guest folder ${canary}`).waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: `Guest notes ${canary}` }).click();
    await a.getByLabel('Document body').getByText(`Guest started ${canary}.`).waitFor({ timeout: 30_000 });
    await a.getByLabel('Document body').click();
    await a.keyboard.press('End');
    await a.keyboard.type(' Owner replied.');
    await fresh.getByText('Owner replied.').waitFor({ timeout: 30_000 });
    await g.screenshot({ path: 'artifacts/folder-edit-link-new-doc.png' });

    // The guest uploads a file and a folder tree; they count against the owner's storage, who sees them live and downloads them intact.
    await g.getByRole('button', { name: /^‹ Back to / }).click();
    await a.goto(folderPath);
    await row(a, `Guest notes ${canary}`).waitFor({ timeout: 30_000 });
    const usedBefore = await usage(a);
    const report = path.join(work, `report-${canary}.txt`);
    fs.writeFileSync(report, `guest report ${canary}\n`);
    const tree = path.join(work, `photos-${canary}`);
    fs.mkdirSync(path.join(tree, 'inner'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'top.txt'), `top ${canary}`);
    fs.writeFileSync(path.join(tree, 'inner', `deep-${canary}.txt`), `deep ${canary}`);
    await g.getByTestId('upload-files').setInputFiles([report]);
    await contents.getByRole('button', { name: `report-${canary}.txt`, exact: true }).waitFor({ timeout: 30_000 });
    await g.getByTestId('upload-folder').setInputFiles(tree);
    await contents.getByRole('button', { name: `photos-${canary}`, exact: true }).waitFor({ timeout: 30_000 });
    await g.locator('.transfer[data-state="done"]', { hasText: `deep-${canary}.txt` }).waitFor({ timeout: 30_000 });
    await g.screenshot({ path: 'artifacts/folder-edit-link-upload.png' });
    await row(a, `report-${canary}.txt`).waitFor({ timeout: 30_000 });
    expect(await downloadText(a, `report-${canary}.txt`)).toBe(`guest report ${canary}\n`);
    expect(await usage(a)).toBeGreaterThan(usedBefore + 3 * 16);
    await openFolder(a, `photos-${canary}`);
    await row(a, 'top.txt').waitFor({ timeout: 30_000 });
    await openFolder(a, 'inner');
    expect(await downloadText(a, `deep-${canary}.txt`)).toBe(`deep ${canary}`);

    // Uploading over a file of the same name, the guest is asked, and "Replace" makes a new version of it, not a second file.
    fs.writeFileSync(report, `guest report, second draft ${canary}\n`);
    await g.getByTestId('upload-files').setInputFiles([report]);
    await g.getByRole('dialog').getByText('already exists').waitFor({ timeout: 30_000 });
    await g.getByRole('button', { name: 'Replace' }).click();
    await a.goto(folderPath);
    await rowAction(a, `report-${canary}.txt`, 'Versions…');
    const versions = a.getByRole('dialog', { name: /Versions of/ });
    await versions.locator('tr[data-version="2"]', { hasText: 'A guest (edit link)' }).waitFor({ timeout: 30_000 });
    await versions.getByRole('button', { name: 'Close' }).click();
    expect(await row(a, `report-${canary}`).count()).toBe(1);
    expect(await downloadText(a, `report-${canary}.txt`)).toBe(`guest report, second draft ${canary}\n`);

    // Opening a document never renames it, and a rename in the drive renames inside too: both names stay in step.
    await a.goto(folderPath);
    await a.locator('tr[data-id]').filter({ has: a.getByRole('button', { name: `Notes ${canary}`, exact: true }) }).click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Rename' }).click();
    await a.getByLabel('New name').fill(`Minutes ${canary}`);
    await a.getByLabel('New name').press('Enter');
    await a.getByRole('button', { name: `Minutes ${canary}` }).click({ timeout: 30_000 });
    await expect.poll(() => a.getByLabel('Title').inputValue(), { timeout: 30_000 }).toBe(`Minutes ${canary}`);
    await a.getByLabel('Document body').getByText('Guest added this.').waitFor({ timeout: 30_000 });
    await a.goto(folderPath);
    await row(a, `Minutes ${canary}`).waitFor({ timeout: 30_000 });
    await row(a, `Guest notes ${canary}`).waitFor({ timeout: 30_000 });
    expect(await a.getByRole('button', { name: `Notes ${canary}`, exact: true }).count()).toBe(0);

    // A view link of the same folder offers no editing, and its documents stay read-only.
    const v = await openPage();
    await v.goto(viewUrl);
    const seen = v.getByRole('list', { name: 'Folder contents' });
    await seen.getByRole('button', { name: `Final ${canary}`, exact: true }).waitFor({ timeout: 30_000 });
    expect(await seen.getByRole('button', { name: /^Rename / }).count()).toBe(0);
    expect(await seen.getByRole('button', { name: /to the trash$/ }).count()).toBe(0);
    expect(await v.getByRole('button', { name: 'Upload files' }).count()).toBe(0);
    await seen.getByRole('button', { name: `Minutes ${canary}`, exact: true }).click();
    await v.getByLabel('Document body').getByText('Guest added this.').waitFor({ timeout: 30_000 });
    expect(await v.getByLabel('Document body').getAttribute('contenteditable')).toBe('false');

    // Stopped, the edit link no longer lets the guest write.
    await a.goto('/drive');
    await rowAction(a, `Team ${canary}`, 'Get link…');
    await a.getByRole('list', { name: 'Links' }).locator('li', { hasText: 'Edit link' }).getByRole('button', { name: 'Stop sharing' }).click();
    await a.getByRole('list', { name: 'Links' }).locator('li', { hasText: 'Edit link' }).waitFor({ state: 'detached', timeout: 30_000 });
    await g.getByRole('alert').getByText('does not work any more').waitFor({ timeout: 30_000 });
    const again = await openPage();
    await again.goto(editUrl);
    await again.getByRole('alert').waitFor({ timeout: 30_000 });
    expect(await again.getByRole('list', { name: 'Folder contents' }).count()).toBe(0);
  });

  it('leaves no trace of names or contents on the server or the wire', () => {
    expect(scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics })).toEqual([]);
    expect(problems.flat().filter((p) => !/Failed to load resource.*40[34]/.test(p))).toEqual([]);
  });
});
