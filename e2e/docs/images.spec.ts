import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUpViaUi } from '../support/accounts.ts';
import { shareDocumentViaUi } from '../support/shareViaDialog.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const canary = `Bildkanarie${seed}Qz`;
const password = 'a long and private passphrase';
const alice = `painter-${seed}`;
const bob = `member-${seed}`;
const fileName = `diagram-${canary}.png`;

const { openPage, traffics, problems } = useBrowser();
let member: Page | null = null;

/** A 48×32 gradient PNG with the canary in a tEXt chunk: if the bytes reached the server in the clear, the scan would find it. */
function canaryPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const [width, height] = [48, 32];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: height }, (_, y) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => [x * 5, y * 8, 160]).flat()]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('tEXt', Buffer.from(`Comment\0${canary}`, 'latin1')),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}


/** Waits until the document shows the image decrypted: a blob: source the browser could decode. */
async function decryptedImage(page: Page): Promise<{ src: string; alt: string; naturalWidth: number }> {
  const img = page.getByLabel('Document body').getByTestId('doc-image').locator('img');
  await img.waitFor({ timeout: 20_000 });
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 10_000 }).toBe(48);
  return img.evaluate((el: HTMLImageElement) => ({ src: el.getAttribute('src') ?? '', alt: el.alt, naturalWidth: el.naturalWidth }));
}

describe('word processor: images are encrypted files of the document', () => {
  it('inserts an image that the author and a second member both see decrypted; refuses SVG', async () => {
    const png = canaryPng();
    const [a, b] = [await openPage(), await openPage()];
    await signUpViaUi(a, alice, password);
    await signUpViaUi(b, bob, password);

    await a.goto('/docs');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    const docPath = new URL(a.url()).pathname;
    await a.getByLabel('Title').fill(`Pictures ${seed}`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type('Here is the diagram:');
    await a.getByTestId('insert-image').setInputFiles({ name: fileName, mimeType: 'image/png', buffer: png });
    const mine = await decryptedImage(a);
    expect(mine.src).toMatch(/^blob:/);
    expect(mine.alt).toBe(fileName);
    // The node's HTML carries no key and no source: only the file id and the name.
    const html = await a.getByLabel('Document body').innerHTML();
    expect(html).not.toMatch(/data:image|base64/);

    // SVG is refused with a reason, and nothing is inserted.
    await a.getByTestId('insert-image').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
    await a.getByTestId('image-status').filter({ hasText: 'SVG images can carry scripts' }).waitFor();
    expect(await a.getByLabel('Document body').getByTestId('doc-image').count()).toBe(1);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });
    await a.screenshot({ path: 'artifacts/images-author.png' });

    await shareDocumentViaUi(a, bob, 'Can edit');
    await b.goto('/docs');
    await b.getByTestId('doc-list').getByText(`Pictures ${seed}`).click();
    await b.waitForURL(`**${docPath}`);
    member = b;
    const theirs = await decryptedImage(b);
    expect(theirs.src).toMatch(/^blob:/);
    expect(theirs.alt).toBe(fileName);
    await b.screenshot({ path: 'artifacts/images-member.png' });

    // The HTML export embeds the decrypted image; it is made in B's tab and never sent anywhere.
    await b.getByRole('button', { name: 'File' }).click();
    const [dl] = await Promise.all([b.waitForEvent('download'), b.getByRole('menuitem', { name: 'Download as web page (.html)' }).click()]);
    const exported = fs.readFileSync((await dl.path())!, 'utf8');
    expect(exported).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="${fileName}">`);
  });

  it('never lets the image bytes or its name reach the server in the clear', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
    // The image did travel, sealed: the browsers sent and fetched its chunk.
    expect(traffics.some((t) => t.urls.some((u) => /\/api\/files\/[A-Za-z0-9_-]+\/versions\/1\/chunks\/0$/.test(u)))).toBe(true);
  });

  it('shows a clear error, not the image, when the server changes the stored chunk', async () => {
    const chunkUrl = traffics.flatMap((t) => t.urls).find((u) => /\/api\/files\/[A-Za-z0-9_-]+\/versions\/1\/chunks\/0$/.test(u))!;
    const fileId = /\/files\/([A-Za-z0-9_-]+)\//.exec(chunkUrl)![1]!;
    // The disk blob store shards by the key's first two characters.
    const stored = path.join(inject('dataDir'), 'blobs', 'f_', `f_${fileId}_1_0`);
    const sealed = fs.readFileSync(stored);
    sealed[sealed.length - 1] = sealed[sealed.length - 1]! ^ 1;
    fs.writeFileSync(stored, sealed);
    await member!.reload();
    await member!.getByLabel('Document body').getByRole('alert').filter({ hasText: 'This image failed its integrity check' }).waitFor({ timeout: 20_000 });
    expect(await member!.getByLabel('Document body').locator('img').count()).toBe(0);
    await member!.screenshot({ path: 'artifacts/images-tampered.png' });
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
