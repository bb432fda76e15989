import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signInViaUi, signUpViaUi } from '../support/accounts.ts';
import { useBrowser } from '../support/useBrowser.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';

const seed = Date.now().toString(36);
const canary = `Kanarie${seed}Zq`;
const username = `writer-${seed}`;
const password = 'a long and private passphrase';

const { openPage, traffics, problems } = useBrowser();

describe('word processor: live encrypted editing in two browsers', () => {
  it('creates a document, and a second browser sees title and body change live, both ways', async () => {
    const a = await openPage();
    await signUpViaUi(a, username, password);
    await a.getByRole('link', { name: 'Docs' }).click();
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+$/);
    const docUrl = new URL(a.url()).pathname;
    await a.getByLabel('Title').fill(`Plan ${canary} title`);
    await a.getByLabel('Document body').click();
    await a.keyboard.type(`Body text ${canary} from A.`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });

    const b = await openPage();
    await signInViaUi(b, username, password);
    await b.goto('/docs');
    await b.getByTestId('doc-list').getByText(`Plan ${canary} title`).click();
    await b.waitForURL(`**${docUrl}`);
    await b.getByLabel('Document body').getByText(`Body text ${canary} from A.`).waitFor({ timeout: 15_000 });
    expect(await b.getByLabel('Title').inputValue()).toBe(`Plan ${canary} title`);

    await b.getByLabel('Document body').click();
    await b.keyboard.press('End');
    await b.keyboard.type(' And a reply from B.');
    await a.getByLabel('Document body').getByText('And a reply from B.').waitFor({ timeout: 15_000 });
    // B's caret and name show in A's editor, and B is in A's list of people here.
    await a.locator('.collaboration-carets__label', { hasText: username }).waitFor({ timeout: 15_000 });
    await a.getByTestId('presence').getByText(username).waitFor({ state: 'attached' });

    // Formatting travels too: B makes a heading, A sees it.
    await b.keyboard.press('Enter');
    await b.keyboard.type('## Decisions');
    await a.getByRole('heading', { name: 'Decisions' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => a.getByTestId('word-count').textContent()).toMatch(/^11 words/);

    // Colours from the toolbar's menus: B makes the heading blue on green, A sees both.
    await b.getByRole('heading', { name: 'Decisions' }).click();
    await b.keyboard.press('End');
    await b.keyboard.press('Shift+Home');
    await b.getByRole('button', { name: 'Text colour' }).click();
    await b.getByRole('menuitemradio', { name: 'Blue' }).click();
    await b.getByRole('button', { name: 'Highlight' }).click();
    await b.getByRole('menuitemradio', { name: 'Green' }).click();
    expect(await b.getByRole('menu').count()).toBe(0); // picking closes the menu
    await b.getByRole('button', { name: 'Text colour' }).click();
    await b.getByRole('menu', { name: 'Text colour' }).waitFor();
    await b.keyboard.press('Escape'); // the focus is still in the editor
    await b.getByRole('menu').waitFor({ state: 'detached' });
    // A link on the selected heading (its address carries the canary): an address that is not http(s) or mailto is refused with a message.
    // Applying gives the focus straight back to the editor: the next keys go on from the link.
    const editorFocused = async () => expect(await b.getByLabel('Document body').evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await b.getByRole('button', { name: 'Link' }).click();
    await b.getByLabel('Link address').fill('javascript:alert(1)');
    await b.getByLabel('Link address').press('Enter');
    await b.getByRole('dialog', { name: 'Link' }).getByRole('alert').waitFor();
    await b.getByLabel('Link address').fill(`https://example.org/${canary}`);
    await b.getByLabel('Link address').press('Enter');
    await editorFocused();
    await a.getByRole('heading', { name: 'Decisions' }).locator(`a[href="https://example.org/${canary}"]`).waitFor({ timeout: 15_000 });
    expect(await a.getByLabel('Document body').locator('a[href^="javascript"]').count()).toBe(0);
    // The caret is now after the link. With nothing selected the address as typed goes in as the link's text,
    // and typing on is not part of it.
    await b.keyboard.press('Enter');
    await b.keyboard.type('Write to ');
    await b.getByRole('button', { name: 'Link' }).click();
    await b.getByLabel('Link address').fill('team@example.org'); // an email address gets its mailto:
    await b.getByLabel('Link address').press('Enter');
    await editorFocused();
    await b.keyboard.type(' today.');
    const mail = a.getByLabel('Document body').locator('p', { hasText: 'Write to' });
    await mail.filter({ hasText: 'today.' }).waitFor({ timeout: 15_000 });
    expect(await mail.locator('a').evaluateAll((links) => links.map((l) => [l.getAttribute('href'), l.textContent]))).toEqual([['mailto:team@example.org', 'team@example.org']]);
    const headingColours = () =>
      a.getByRole('heading', { name: 'Decisions' }).evaluate((h) => {
        const span = h.querySelector('span[style]');
        const mark = h.querySelector('mark');
        return [span && getComputedStyle(span).color, mark && getComputedStyle(mark).backgroundColor];
      });
    await expect.poll(headingColours, { timeout: 15_000 }).toEqual(['rgb(29, 78, 216)', 'rgb(187, 247, 208)']);

    // A task typed as "[ ] " becomes a checkbox item, its box on the line of its text.
    await b.keyboard.press('End');
    await b.keyboard.press('Enter');
    await b.keyboard.type('[ ] Ship it');
    const task = a.locator('ul[data-type="taskList"] li', { hasText: 'Ship it' });
    await task.waitFor({ timeout: 15_000 });
    const box = (await task.locator('input[type="checkbox"]').boundingBox())!;
    const line = (await task.locator('p').boundingBox())!;
    expect(Math.abs(box.y + box.height / 2 - (line.y + line.height / 2))).toBeLessThan(line.height / 2);

    // Tables: the table tools show while the caret is in one. B adds a column and deletes a row; A sees the shape.
    await b.keyboard.press('Enter');
    await b.keyboard.press('Enter'); // an empty task item: out of the list
    expect(await b.getByRole('group', { name: 'Table' }).count()).toBe(0);
    await b.getByRole('button', { name: 'Insert a 3×3 table' }).click();
    await b.keyboard.type('Owner');
    await b.keyboard.press('Tab');
    await b.keyboard.type('Due');
    await b.getByRole('button', { name: 'Insert a column to the right' }).click();
    await b.keyboard.press('Tab');
    await b.keyboard.press('Tab');
    await b.keyboard.press('Tab'); // the second row's first cell
    await b.getByRole('button', { name: 'Delete this row' }).click();
    const shape = () => a.getByLabel('Document body').locator('table').evaluate((t) => [(t as HTMLTableElement).rows.length, (t as HTMLTableElement).rows[0]!.cells.length, (t as HTMLTableElement).rows[0]!.textContent]);
    await expect.poll(shape, { timeout: 15_000 }).toEqual([2, 4, 'OwnerDue']);
    await b.screenshot({ path: 'artifacts/editor-table.png' });
    await a.screenshot({ path: 'artifacts/editor.png' });

    // A reload decrypts everything again from the server's ciphertext.
    await a.reload();
    await a.getByLabel('Document body').getByText('And a reply from B.').waitFor({ timeout: 15_000 });
  });

  it('never lets the title or body reach the server in the clear', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
    expect(traffics.some((t) => t.wsFrames.length > 5)).toBe(true);
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
