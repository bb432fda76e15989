import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUpViaUi } from '../support/accounts.ts';
import { inFolder, newFolder, openFolder, row } from '../support/driveActions.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
console.log(`grid-zip seed ${seed}`);
const canary = `Kanari${seed}Zq`;
const password = 'correct horse battery staple';
const alice = `alice-z-${seed}`;
const folder = `Zip ${canary}`;
const picName = `pic-${canary}.png`;
const alphaName = `alpha-${canary}.txt`;
const betaName = `beta-${canary}.txt`;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-grid-zip-e2e-'));
const tile = (page: Page, name: string) => page.locator('.entry-grid [data-id]', { hasText: name });

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A real RGB PNG: a gradient, with the canary in a text chunk so its bytes must stay encrypted. */
function makePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([(x * 255) / width, (y * 255) / height, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${canary}`, 'latin1')),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Reads a zip through its central directory (stored or deflated members; no zip64), checking every CRC. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? zlib.inflateRawSync(raw) : expect.unreachable(`method ${method}`);
    if (!name.endsWith('/')) expect(crc32(data), name).toBe(crc);
    out.set(name, data);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

async function saveDownload(page: Page, start: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), start()]);
  // Streamed to disk through the relay service worker, never gathered whole in the page.
  expect(new URL(dl.url()).pathname).toMatch(/^\/download-stream\//);
  const file = path.join(work, `dl-${Date.now()}.zip`);
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

async function tileAction(page: Page, name: string, action: string) {
  await tile(page, name).click({ button: 'right' });
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

function blobFile(fileId: string, version: number, index: number): string {
  const key = `f_${fileId}_${version}_${index}`;
  return path.join(inject('dataDir'), 'blobs', key.slice(0, 2), key);
}

describe('drive: grid view, encrypted thumbnails, zip downloads', () => {
  const { openPage, traffics, problems } = useBrowser();
  const png = makePng(320, 200);
  const alpha = `alpha ${canary}\n`;
  const beta = `beta ${canary}\n`;
  let a: Page;
  let folderUrl = '';
  let thumbnail = '';

  it('shows a grid with a thumbnail made and encrypted in the browser, remembered across reloads', async () => {
    a = await openPage();
    await signUpViaUi(a, alice, password);
    await newFolder(a, folder);
    await openFolder(a, folder);
    folderUrl = new URL(a.url()).pathname;

    fs.writeFileSync(path.join(work, picName), png);
    fs.writeFileSync(path.join(work, alphaName), alpha);
    fs.writeFileSync(path.join(work, 'gone.txt'), 'to the trash');
    fs.writeFileSync(path.join(work, betaName), beta);
    await newFolder(a, 'sub');
    await a.getByTestId('upload-files').setInputFiles([picName, alphaName, 'gone.txt'].map((n) => path.join(work, n)));
    await row(a, 'gone.txt').waitFor({ timeout: 30_000 });
    await row(a, alphaName).waitFor();
    await row(a, picName).waitFor();
    await row(a, 'gone.txt').click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Move to trash' }).click();
    await row(a, 'gone.txt').waitFor({ state: 'detached' });
    // A document in the folder: documents stay out of archives for now.
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+\?in=/);
    await a.goto(folderUrl);
    await a.getByRole('button', { name: 'sub' }).click();
    await inFolder(a, 'sub');
    await a.getByTestId('upload-files').setInputFiles([path.join(work, betaName)]);
    await row(a, betaName).waitFor({ timeout: 30_000 });
    await a.goto(folderUrl);
    await row(a, 'Untitled document').waitFor({ timeout: 30_000 });

    await a.getByRole('button', { name: 'Grid', exact: true }).click();
    const thumb = tile(a, picName).locator('img.entry-thumb');
    await thumb.waitFor();
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const src = (await thumb.getAttribute('src'))!;
    expect(src).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    thumbnail = src.slice('data:image/jpeg;base64,'.length);
    // A text file has no thumbnail: its icon.
    expect(await tile(a, alphaName).locator('img').count()).toBe(0);
    await tile(a, alphaName).locator('svg.entry-icon').waitFor();

    // The choice survives a reload.
    await a.reload();
    await tile(a, picName).locator('img.entry-thumb').waitFor({ timeout: 30_000 });
    await a.screenshot({ path: 'artifacts/drive-grid.png' });
  });

  it('selects, moves by arrow keys and opens from the keyboard in the grid', async () => {
    const ids = await a.locator('.entry-grid [data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    await tile(a, 'sub').click();
    expect(await tile(a, 'sub').getAttribute('aria-selected')).toBe('true');
    await a.keyboard.press('ArrowRight');
    await expect.poll(() => a.locator('.entry-grid [aria-selected="true"]').getAttribute('data-id')).toBe(ids[1]);
    await a.keyboard.press('ArrowLeft');
    await expect.poll(() => a.locator('.entry-grid [aria-selected="true"]').getAttribute('data-id')).toBe(ids[0]);
    await tile(a, picName).click();
    await tile(a, alphaName).click({ modifiers: ['ControlOrMeta'] });
    await a.locator('.selection-bar', { hasText: '2 selected' }).waitFor();
    await tile(a, picName).press('F2');
    await a.getByLabel('New name').press('Escape');
    await tile(a, 'sub').press('Enter');
    await inFolder(a, 'sub');
    await tile(a, betaName).waitFor({ timeout: 30_000 });
    await a.goto(folderUrl);
  });

  it('downloads a folder as one zip: sub-folders walked, trash and documents left out, files intact', async () => {
    await a.goto('/drive');
    const { name, file } = await saveDownload(a, () => tileAction(a, folder, 'Download'));
    expect(name).toBe(`${folder}.zip`);
    const members = readZip(fs.readFileSync(file));
    expect([...members.keys()].sort()).toEqual([`${folder}/`, `${folder}/${alphaName}`, `${folder}/${picName}`, `${folder}/sub/`, `${folder}/sub/${betaName}`].sort());
    expect(members.get(`${folder}/${picName}`)!.equals(png)).toBe(true);
    expect(members.get(`${folder}/${alphaName}`)!.toString('utf8')).toBe(alpha);
    expect(members.get(`${folder}/sub/${betaName}`)!.toString('utf8')).toBe(beta);
    await a.locator('.transfer.done', { hasText: `${folder}.zip` }).waitFor();

    // A multi-selection is one zip too, named after the folder it is in.
    await a.goto(folderUrl);
    await tile(a, picName).click();
    await tile(a, alphaName).click({ modifiers: ['ControlOrMeta'] });
    const selection = await saveDownload(a, () => a.locator('.selection-bar').getByRole('button', { name: 'Download' }).click());
    expect(selection.name).toBe(`${folder}.zip`);
    expect([...readZip(fs.readFileSync(selection.file)).keys()].sort()).toEqual([alphaName, picName].sort());
  });

  it('fails the whole zip, saving nothing, when one file fails its integrity check', async () => {
    await a.getByRole('button', { name: 'sub' }).click();
    const betaId = (await tile(a, betaName).getAttribute('data-id'))!;
    const chunk = blobFile(betaId, 1, 0);
    const original = fs.readFileSync(chunk);
    const tampered = Buffer.from(original);
    tampered[tampered.length - 20]! ^= 1;
    fs.writeFileSync(chunk, tampered);
    try {
      await a.goto('/drive');
      // The archive streams: the browser starts the download, then must fail it and keep nothing.
      const [dl] = await Promise.all([a.waitForEvent('download', { timeout: 30_000 }), tileAction(a, folder, 'Download')]);
      await a.locator('.transfer.failed', { hasText: 'failed its integrity check' }).waitFor({ timeout: 30_000 });
      expect(await dl.failure()).not.toBeNull();
      await expect(dl.path()).rejects.toThrow();
      await a.screenshot({ path: 'artifacts/drive-zip-failed.png' });
    } finally {
      fs.writeFileSync(chunk, original);
    }
  });

  it('moves tiles by dragging them onto a folder tile', async () => {
    await a.goto(folderUrl);
    await tile(a, alphaName).dragTo(tile(a, 'sub'));
    await tile(a, alphaName).waitFor({ state: 'detached', timeout: 30_000 });
    await a.getByRole('button', { name: 'sub' }).click();
    await tile(a, alphaName).waitFor({ timeout: 30_000 });
    await a.screenshot({ path: 'artifacts/drive-grid-sub.png' });
  });

  it('leaves no trace of names, contents or thumbnails in the database, blobs, logs or traffic', () => {
    const where = { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics };
    expect(scanServerAndTraffic(canary, where)).toEqual([]);
    // The thumbnail travels only inside the encrypted folder document.
    expect(thumbnail.length).toBeGreaterThan(100);
    expect(scanServerAndTraffic(thumbnail.slice(8, 72), where)).toEqual([]);
    expect(problems.flat().filter((p) => !/Failed to load resource.*40[34]/.test(p))).toEqual([]);
  });
});
