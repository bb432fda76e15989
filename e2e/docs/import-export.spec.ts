import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUpViaUi } from '../support/accounts.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const { openPage, problems } = useBrowser();

async function download(page: Page, item: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'File' }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return fs.readFileSync((await dl.path())!);
}

async function importFile(page: Page, name: string, bytes: Buffer) {
  await page.getByRole('button', { name: 'File' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('menuitem', { name: 'Import Word or Markdown…' }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

describe('word processor: export, import, print', () => {
  it('exports Markdown, HTML and DOCX; imports DOCX back; refuses a corrupt file without changing anything', async () => {
    const a = await openPage();
    await signUpViaUi(a, `exporter-${seed}`, 'a long enough password');
    await a.goto('/docs');
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    await a.getByLabel('Title').fill('Travel plan');
    await a.getByLabel('Document body').click();
    await a.keyboard.type('## Packing list');
    await a.keyboard.press('Enter');
    await a.keyboard.type('- passport');
    await a.keyboard.press('Enter');
    await a.keyboard.type('tickets');
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });

    const md = (await download(a, 'Download as Markdown (.md)')).toString('utf8');
    expect(md).toContain('## Packing list');
    expect(md).toMatch(/^[-*] passport$/m);
    const html = (await download(a, 'Download as web page (.html)')).toString('utf8');
    expect(html).toContain('<title>Travel plan</title>');
    expect(html).toContain('<h2>Packing list</h2>');
    const docx = await download(a, 'Download as Word (.docx)');
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip container

    // Garbage is refused with a clear message and the document is untouched.
    await importFile(a, 'broken.docx', Buffer.from('this is not a word file at all'));
    await a.getByRole('alert').filter({ hasText: /could not|not a|damaged|corrupt|read/i }).waitFor();
    expect(await a.getByLabel('Document body').textContent()).toContain('Packing list');

    // Replace the text, then import the exported DOCX: the original comes back.
    await a.getByLabel('Document body').click();
    await a.keyboard.press('Control+A');
    await a.keyboard.type('scratch');
    await importFile(a, 'Travel plan.docx', docx);
    await a.getByText(/Imported Travel plan.docx/).waitFor({ timeout: 15_000 });
    await a.getByRole('heading', { name: 'Packing list' }).waitFor();
    expect(await a.getByLabel('Document body').textContent()).toContain('passport');
    expect(await a.getByLabel('Document body').textContent()).not.toContain('scratch');
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
