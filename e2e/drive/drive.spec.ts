import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildPdf } from '../support/buildPdf.ts';
import { signUpViaUi } from '../support/accounts.ts';
import { newFolder, openFolder, row, rowAction } from '../support/driveActions.ts';
import { fillShareDialog } from '../support/shareViaDialog.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const canary = `Kanari${seed}Zq`;
const password = 'correct horse battery staple';
const alice = `alice-d-${seed}`;
const bob = `bob-d-${seed}`;
const BIG_MB = 200;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-drive-e2e-'));
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function download(page: Page, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 170_000 }), rowAction(page, name, 'Download')]);
  // Streamed to disk through the relay service worker's one-time URL, not gathered as a Blob in the page.
  expect(new URL(dl.url()).pathname).toMatch(/^\/download-stream\/[A-Za-z0-9_-]{22}$/);
  const to = path.join(work, `dl-${Date.now()}-${dl.suggestedFilename()}`);
  await dl.saveAs(to);
  return to;
}

function blobFile(fileId: string, version: number, index: number): string {
  const key = `f_${fileId}_${version}_${index}`;
  return path.join(inject('dataDir'), 'blobs', key.slice(0, 2), key);
}

describe('drive: encrypted files and folders', () => {
  const { openPage, traffics, problems } = useBrowser();
  let a: Page;
  let folderUrl = '';

  it('makes folders, uploads files and a folder tree, previews, keeps versions, trashes and restores', async () => {
    a = await openPage();
    await signUpViaUi(a, alice, password);
    await newFolder(a, `Projects ${canary}`);
    await openFolder(a, `Projects ${canary}`);
    folderUrl = new URL(a.url()).pathname;

    const notes = path.join(work, `notes-${canary}.txt`);
    fs.writeFileSync(notes, `first draft ${canary}\n`);
    const tree = path.join(work, `tree-${canary}`);
    fs.mkdirSync(path.join(tree, 'inner'), { recursive: true });
    fs.writeFileSync(path.join(tree, 'top.txt'), 'top');
    fs.writeFileSync(path.join(tree, 'inner', `deep-${canary}.txt`), `deep ${canary}`);
    const hostile = path.join(work, '..evil<img src=x onerror=alert(1)>.txt');
    fs.writeFileSync(hostile, 'hostile name');

    await a.getByTestId('upload-files').setInputFiles([notes, hostile]);
    await row(a, `notes-${canary}.txt`).waitFor({ timeout: 30_000 });
    // The name is text, never markup.
    await row(a, '..evil<img src=x onerror=alert(1)>.txt').waitFor();
    expect(await a.locator('img[src="x"]').count()).toBe(0);
    await a.getByTestId('upload-folder').setInputFiles(tree);
    await row(a, `tree-${canary}`).waitFor({ timeout: 30_000 });

    // Preview decrypts in the browser.
    await a.getByRole('button', { name: `notes-${canary}.txt` }).click();
    await a.locator('.text-preview', { hasText: `first draft ${canary}` }).waitFor();
    await a.getByRole('button', { name: 'Close' }).click();

    // A PDF is drawn page by page in the tab (pdf.js); a damaged one says so.
    const pdf = path.join(work, `minutes-${canary}.pdf`);
    fs.writeFileSync(pdf, buildPdf(['First page of the minutes', 'Second page']));
    const broken = path.join(work, 'broken.pdf');
    fs.writeFileSync(broken, '%PDF-1.4\nthis is not really a PDF\n');
    await a.getByTestId('upload-files').setInputFiles([pdf, broken]);
    await a.getByRole('button', { name: `minutes-${canary}.pdf` }).click({ timeout: 30_000 });
    const preview = a.getByRole('dialog', { name: `Preview of minutes-${canary}.pdf` });
    await preview.getByText('2 pages').waitFor({ timeout: 30_000 });
    await preview.locator('canvas.pdf-page[data-page="2"]').waitFor();
    // Something was drawn: the first page has dark pixels (its text).
    await expect
      .poll(() =>
        preview.locator('canvas.pdf-page[data-page="1"]').evaluate((c: HTMLCanvasElement) => {
          const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i]! < 100 && d[i + 3]! > 0) dark++;
          return dark;
        }),
      )
      .toBeGreaterThan(100);
    await a.screenshot({ path: 'artifacts/preview-pdf.png' });
    await preview.getByRole('button', { name: 'Close' }).click();
    await a.getByRole('button', { name: 'broken.pdf' }).click({ timeout: 30_000 });
    await a.getByRole('dialog', { name: 'Preview of broken.pdf' }).getByRole('alert').getByText('could not be shown').waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Close' }).click();

    // Uploading the same name again asks; "Replace" keeps the old one as a version.
    fs.writeFileSync(notes, `second draft ${canary}\n`);
    await a.getByTestId('upload-files').setInputFiles([notes]);
    await a.getByRole('dialog').getByText('already exists').waitFor();
    await a.getByRole('button', { name: 'Replace' }).click();
    await rowAction(a, `notes-${canary}.txt`, 'Versions…');
    const versions = a.getByRole('dialog', { name: /Versions of/ });
    await versions.locator('tr[data-version="2"]').waitFor({ timeout: 30_000 });
    await versions.locator('tr[data-version="1"]').getByRole('button', { name: 'Restore' }).click();
    await versions.locator('tr[data-version="3"]').waitFor({ timeout: 30_000 });
    await versions.getByRole('button', { name: 'Close' }).click();
    await a.getByRole('button', { name: `notes-${canary}.txt` }).click();
    await a.locator('.text-preview', { hasText: `first draft ${canary}` }).waitFor();
    await a.getByRole('button', { name: 'Close' }).click();

    // A copy is a new file (new id, new key) with the same contents.
    await rowAction(a, `notes-${canary}.txt`, 'Make a copy');
    await a.getByRole('button', { name: `notes-${canary} (copy).txt` }).click({ timeout: 30_000 });
    await a.locator('.text-preview', { hasText: `first draft ${canary}` }).waitFor();
    await a.getByRole('button', { name: 'Close' }).click();

    // The folder tree arrived as folders.
    await a.getByRole('button', { name: `tree-${canary}` }).click();
    await a.getByRole('button', { name: 'inner' }).click();
    await row(a, `deep-${canary}.txt`).waitFor({ timeout: 30_000 });
    await a.getByRole('navigation', { name: 'Folder path' }).getByRole('link', { name: `Projects ${canary}` }).click();

    // A folder copy is a new folder holding copies of everything inside, down the tree.
    await rowAction(a, `tree-${canary}`, 'Make a copy');
    await a.getByRole('button', { name: `tree-${canary} (copy)` }).click({ timeout: 60_000 });
    await a.getByRole('button', { name: 'inner' }).click({ timeout: 60_000 });
    await a.getByRole('button', { name: `deep-${canary}.txt` }).click({ timeout: 60_000 });
    await a.locator('.text-preview', { hasText: `deep ${canary}` }).waitFor();
    await a.getByRole('button', { name: 'Close' }).click();
    await a.getByRole('navigation', { name: 'Folder path' }).getByRole('link', { name: `Projects ${canary}` }).click();
    await row(a, `tree-${canary} (copy)`).waitFor({ timeout: 30_000 });

    // Trash, restore, delete forever gives the space back.
    const usage = async () => (await a.evaluate(() => fetch('/api/usage').then((r) => r.json()))) as { used: number };
    const before = (await usage()).used;
    await rowAction(a, '..evil<img src=x onerror=alert(1)>.txt', 'Move to trash');
    await row(a, '..evil<img').waitFor({ state: 'detached' });
    await a.getByRole('link', { name: 'Trash' }).click();
    await row(a, '..evil<img').waitFor({ timeout: 30_000 });
    await rowAction(a, '..evil<img src=x onerror=alert(1)>.txt', 'Restore');
    await a.getByText('The trash is empty.').waitFor();
    await a.goto(folderUrl);
    await rowAction(a, '..evil<img src=x onerror=alert(1)>.txt', 'Move to trash');
    await a.getByRole('link', { name: 'Trash' }).click();
    await rowAction(a, '..evil<img src=x onerror=alert(1)>.txt', 'Delete forever');
    await a.getByText('The trash is empty.').waitFor();
    expect((await usage()).used).toBeLessThan(before);
    await a.goto(folderUrl);
    await row(a, `notes-${canary}.txt`).waitFor({ timeout: 30_000 });
    await a.screenshot({ path: 'artifacts/drive-folder.png' });
  });

  it(`uploads and downloads a ${BIG_MB} MB file intact; a changed chunk is refused and nothing is saved`, async () => {
    const big = path.join(work, 'big.bin');
    const fd = fs.openSync(big, 'w');
    for (let i = 0; i < BIG_MB; i++) fs.writeSync(fd, randomBytes(1024 * 1024));
    fs.closeSync(fd);
    await a.getByTestId('upload-files').setInputFiles([big]);
    await row(a, 'big.bin').waitFor({ timeout: 170_000 });
    const got = await download(a, 'big.bin');
    expect(fs.statSync(got).size).toBe(BIG_MB * 1024 * 1024);
    expect(sha256(got)).toBe(sha256(big));

    // Cancelled from the transfer panel: the browser fails the download and keeps nothing of it.
    const [stopped] = await Promise.all([a.waitForEvent('download'), rowAction(a, 'big.bin', 'Download')]);
    await a.locator('.transfer[data-state="running"]', { hasText: 'big.bin' }).getByRole('button', { name: 'Cancel' }).click();
    await a.locator('.transfer[data-state="cancelled"]', { hasText: 'big.bin' }).waitFor();
    expect(await stopped.failure()).not.toBeNull();

    // A hostile server changes one byte of one stored chunk.
    const fileId = (await row(a, 'big.bin').getAttribute('data-id'))!;
    const chunk = blobFile(fileId, 1, 7);
    const original = fs.readFileSync(chunk);
    const tampered = Buffer.from(original);
    tampered[1000]! ^= 1;
    fs.writeFileSync(chunk, tampered);
    try {
      // The first chunks were already streamed: the browser must fail the download and keep nothing of it.
      const [dl] = await Promise.all([a.waitForEvent('download', { timeout: 60_000 }), rowAction(a, 'big.bin', 'Download')]);
      await a.locator('.transfer.failed', { hasText: 'failed its integrity check' }).waitFor({ timeout: 60_000 });
      expect(await dl.failure()).not.toBeNull();
      await expect(dl.path()).rejects.toThrow();
    } finally {
      fs.writeFileSync(chunk, original);
    }
    // Dropping the last chunk is noticed too: the count comes from the signed folder entry.
    const last = blobFile(fileId, 1, BIG_MB / 4 - 1);
    const lastBytes = fs.readFileSync(last);
    fs.rmSync(last);
    try {
      await rowAction(a, 'big.bin', 'Download');
      await a.locator('.transfer.failed', { hasText: 'no longer on the server' }).waitFor({ timeout: 60_000 });
    } finally {
      fs.writeFileSync(last, lastBytes);
    }
    fs.rmSync(big);
    fs.rmSync(got);
  });

  it('pauses an upload (nothing more is sent) and resumes it where it stopped; a digest that disagrees with the chunks is refused at download', async () => {
    const file = path.join(work, `paused-${canary}.bin`);
    fs.writeFileSync(file, randomBytes(8 * 4 * 1024 * 1024));
    const puts: number[] = [];
    // The uploader's first chunk reads differently after it was sent (every later read has its first byte flipped):
    // the resumed upload hashes what it reads now, so the recorded digest is not that of the authentic chunks on the
    // server. The AEAD cannot see this (the uploader holds the key); only the digest can.
    await a.evaluate(() => {
      const w = window as unknown as { restoreBlob?: () => void };
      const { slice, arrayBuffer } = Blob.prototype;
      const firstChunks = new WeakSet<Blob>();
      let reads = 0;
      Blob.prototype.slice = function (this: Blob, ...args: Parameters<Blob['slice']>) {
        const part = slice.apply(this, args);
        if (this instanceof File && this.name.startsWith('paused-') && (args[0] ?? 0) === 0) firstChunks.add(part);
        return part;
      };
      Blob.prototype.arrayBuffer = async function (this: Blob) {
        const bytes = await arrayBuffer.call(this);
        if (firstChunks.has(this) && ++reads > 1) new Uint8Array(bytes)[0]! ^= 1;
        return bytes;
      };
      w.restoreBlob = () => Object.assign(Blob.prototype, { slice, arrayBuffer });
    });
    // A slow line, so there is time to press Pause mid-way.
    await a.route('**/api/files/*/versions/*/chunks/*', async (route) => {
      if (route.request().method() === 'PUT') {
        puts.push(Date.now());
        await new Promise((r) => setTimeout(r, 400));
      }
      await route.continue().catch(() => undefined);
    });
    try {
      await a.getByTestId('upload-files').setInputFiles([file]);
      const transfer = a.locator('.transfer', { hasText: `paused-${canary}.bin` });
      await expect.poll(() => puts.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
      await transfer.getByRole('button', { name: 'Pause' }).click();
      await a.locator('.transfer[data-state="paused"]', { hasText: `paused-${canary}.bin` }).waitFor();
      const atPause = puts.length;
      await a.waitForTimeout(2000);
      // At most the chunk already on its way; nothing after it.
      expect(puts.length).toBeLessThanOrEqual(atPause + 1);
      await transfer.getByRole('button', { name: 'Resume' }).click();
      await row(a, `paused-${canary}.bin`).waitFor({ timeout: 60_000 });
      expect(puts.length).toBeLessThanOrEqual(8 + 2);
    } finally {
      await a.unroute('**/api/files/*/versions/*/chunks/*');
      await a.evaluate(() => (window as unknown as { restoreBlob?: () => void }).restoreBlob?.());
    }
    const [dl] = await Promise.all([a.waitForEvent('download', { timeout: 60_000 }), rowAction(a, `paused-${canary}.bin`, 'Download')]);
    // Only this download's row: the 200 MB file's refusals above say the same.
    const refused = a.locator('.transfer.failed', { hasText: `paused-${canary}.bin` }).filter({ hasText: 'changed on the server' });
    await refused.waitFor({ timeout: 60_000 });
    expect(await dl.failure()).not.toBeNull();
    await expect(dl.path()).rejects.toThrow();
    await refused.screenshot({ path: 'artifacts/drive-download-refused.png' });
  });

  it('finishes an upload after a page reload, sending only the chunks the server does not have', async () => {
    const file = path.join(work, `resume-${canary}.bin`);
    fs.writeFileSync(file, randomBytes(10 * 4 * 1024 * 1024 - 123));
    let accepted = 0;
    // The connection stalls after four chunks: the tab is closed mid-upload.
    await a.route('**/api/files/*/versions/*/chunks/*', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      if (++accepted <= 4) return route.continue();
      await new Promise((r) => setTimeout(r, 120_000));
      await route.abort().catch(() => undefined);
    });
    await a.getByTestId('upload-files').setInputFiles([file]);
    await a.locator('.transfer', { hasText: `resume-${canary}.bin` }).locator('progress').waitFor();
    await expect.poll(() => accepted, { timeout: 30_000 }).toBeGreaterThan(4);
    await a.unroute('**/api/files/*/versions/*/chunks/*');
    const puts: string[] = [];
    a.on('request', (r) => r.method() === 'PUT' && r.url().includes('/chunks/') && puts.push(r.url()));
    await a.reload();
    await row(a, `resume-${canary}.bin`).waitFor({ timeout: 60_000 });
    expect(puts.length).toBeLessThanOrEqual(6);
    const got = await download(a, `resume-${canary}.bin`);
    expect(sha256(got)).toBe(sha256(file));
  });

  it('shares a folder with another person, who sees it live and edits a document inside', async () => {
    const b = await openPage();
    await signUpViaUi(b, bob, password);
    await a.goto('/drive');
    await rowAction(a, `Projects ${canary}`, 'Share…');
    await fillShareDialog(a, bob, 'Can edit');

    await b.goto('/drive/shared');
    await b.getByRole('button', { name: `Projects ${canary}` }).click({ timeout: 30_000 });
    await row(b, `notes-${canary}.txt`).waitFor({ timeout: 30_000 });

    // Alice adds a document; Bob sees it appear without reloading, opens it and writes.
    await a.goto(folderUrl);
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+\?in=/);
    await a.getByLabel('Title').fill(`Plan ${canary}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Alice starts ${canary}.`);
    await b.getByRole('button', { name: `Plan ${canary}` }).click({ timeout: 30_000 });
    await b.getByLabel('Document body').getByText(`Alice starts ${canary}.`).waitFor({ timeout: 30_000 });
    await b.getByLabel('Document body').click();
    await b.keyboard.press('End');
    await b.keyboard.type(' Bob adds a line.');
    await a.getByLabel('Document body').getByText('Bob adds a line.').waitFor({ timeout: 30_000 });
    // A reload finds the key again through the folder path.
    await b.reload();
    await b.getByLabel('Document body').getByText('Bob adds a line.').waitFor({ timeout: 30_000 });
    await b.screenshot({ path: 'artifacts/drive-shared-doc.png' });
    // A copy of the document is a new document with the same text, under a new key.
    await a.goto(folderUrl);
    await rowAction(a, `Plan ${canary}`, 'Make a copy');
    await a.getByRole('button', { name: `Plan ${canary} (copy)` }).click({ timeout: 30_000 });
    await a.getByLabel('Document body').getByText('Bob adds a line.').waitFor({ timeout: 30_000 });
    expect(await a.getByLabel('Title').inputValue()).toBe(`Plan ${canary} (copy)`);
    // Recent finds it again, through its folder path (no key is kept there).
    await b.goto('/drive/recent');
    await b.getByRole('list', { name: 'Recently opened' }).getByRole('link', { name: `Plan ${canary}` }).click();
    await b.getByLabel('Document body').getByText('Bob adds a line.').waitFor({ timeout: 30_000 });
  });

  it('leaves no trace of names, contents or the folder tree in the database, blobs, logs or traffic', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
    expect(problems.flat().filter((p) => !/Failed to load resource.*40[34]/.test(p))).toEqual([]);
  });
});
