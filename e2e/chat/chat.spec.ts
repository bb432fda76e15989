import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signUpViaUi } from '../support/accounts.ts';
import { fillShareDialog } from '../support/shareViaDialog.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';
import { openFolder, rowAction } from '../support/driveActions.ts';
import { forgeBundle } from '../support/forgeBundle.ts';
import { createLinkInDialog } from '../support/linkDialog.ts';
import { useBrowser } from '../support/useBrowser.ts';

const seed = Date.now().toString(36);
const canary = `Parole${seed}Zx`;
const password = 'correct horse battery staple';
const alice = `chat-a-${seed}`;
const bob = `chat-b-${seed}`;
const carol = `chat-c-${seed}`;
const dave = `chat-d-${seed}`;
const erin = `chat-e-${seed}`;

const { openPage, traffics, problems } = useBrowser();
async function user(name: string): Promise<Page> {
  const page = await openPage();
  await signUpViaUi(page, name, password);
  return page;
}

/** A 1×1 PNG whose bytes carry the canary in a text chunk, so a plaintext upload would be found. */
function canaryPng(): Buffer {
  const base = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  const text = Buffer.from(`Comment\0${canary}`);
  const chunk = Buffer.alloc(12 + text.length);
  chunk.writeUInt32BE(text.length, 0);
  chunk.write('tEXt', 4, 'ascii');
  text.copy(chunk, 8);
  // The CRC is not checked by browsers for ancillary chunks we do not decode; zero is fine here.
  return Buffer.concat([base.subarray(0, 33), chunk, base.subarray(33)]);
}

const messages = (page: Page) => page.getByRole('list', { name: 'Messages' });
const message = (page: Page, text: string) => messages(page).getByTestId('chat-message').filter({ hasText: text });

/** Types and sends a message, then waits for it to show (as `shown`, once formatted). */
async function send(page: Page, text: string, shown = text): Promise<void> {
  await page.getByLabel('Message', { exact: true }).fill(text);
  await page.getByLabel('Message', { exact: true }).press('Enter');
  await message(page, shown).first().waitFor();
}

describe('chat: encrypted rooms, direct messages and a shared folder’s team chat', () => {
  let a: Page;
  let b: Page;
  let dmUrl = '';

  it('two people exchange direct messages live: typing, a mention, an edit, a reaction, a reply and an attachment', async () => {
    [a, b] = await Promise.all([user(alice), user(bob)]);
    await a.getByRole('link', { name: 'Chat' }).click();
    await a.getByLabel('Username to message').fill(bob);
    await a.getByRole('button', { name: 'Message', exact: true }).click();
    await a.waitForURL(/\/chat\/[A-Za-z0-9_-]+$/);
    dmUrl = new URL(a.url()).pathname;
    await send(a, `Hello @${bob}, the code is **${canary}**`, `the code is ${canary}`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 15_000 });

    // Bob is told on any page: the navigation counts it, and a notice says who wrote.
    await b.goto('/drive');
    await b.getByTestId('nav-unread').filter({ hasText: '1' }).waitFor({ timeout: 30_000 });
    await b.getByRole('link', { name: /^Chat/ }).click();
    await b.getByTestId('chat-room-list').getByRole('link', { name: `${alice}, 1 unread` }).click();
    const first = message(b, `the code is ${canary}`);
    await first.waitFor();
    expect(await first.locator('strong', { hasText: canary }).count()).toBe(1);
    expect(await first.locator('.mention[data-me]').textContent()).toBe(`@${bob}`);
    await b.getByRole('list', { name: 'Messages' }).getByRole('listitem', { name: 'New messages' }).waitFor();

    // Typing shows on the other side, then the reply arrives live.
    await b.getByLabel('Message', { exact: true }).pressSequentially('On my w');
    await a.getByTestId('chat-typing').filter({ hasText: `${bob} is typing…` }).waitFor({ timeout: 15_000 });
    await b.getByLabel('Message', { exact: true }).fill('');
    await first.hover();
    await first.getByRole('button', { name: 'Reply' }).click();
    await send(b, `On my way ${canary}`);
    await message(a, `On my way ${canary}`).locator('.chat-reply-to').filter({ hasText: alice }).waitFor({ timeout: 15_000 });

    // Alice edits her message; Bob reacts to it.
    const mineId = await message(a, `the code is ${canary}`).getAttribute('data-message-id');
    const mine = messages(a).locator(`[data-message-id="${mineId}"]`);
    await mine.hover();
    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.getByLabel('Edit message').fill(`Hello @${bob}, the new code is ${canary}`);
    await mine.getByRole('button', { name: 'Save' }).click();
    const edited = messages(b).locator(`[data-message-id="${mineId}"]`);
    await edited.getByText('(edited)').waitFor({ timeout: 15_000 });
    await edited.hover();
    await edited.getByRole('button', { name: 'React 👍' }).click();
    await message(a, `the new code is ${canary}`).getByRole('button', { name: '👍 1' }).waitFor({ timeout: 15_000 });

    // An image attachment, uploaded sealed and shown decrypted on both sides.
    await a.getByTestId('chat-attach').setInputFiles({ name: `photo-${canary}.png`, mimeType: 'image/png', buffer: canaryPng() });
    await a.getByRole('list', { name: 'Files to send' }).getByText(`photo-${canary}.png`).waitFor();
    await a.getByLabel('Message', { exact: true }).fill('Here is the picture');
    await a.getByRole('button', { name: 'Send' }).click();
    const pic = message(b, 'Here is the picture');
    await pic.locator('img.chat-image').waitFor({ timeout: 20_000 });
    expect(await pic.locator('img.chat-image').evaluate((el: HTMLImageElement) => el.src)).toMatch(/^blob:/);
    await pic.getByTestId('chat-file').getByText(`photo-${canary}.png`).waitFor();
    await b.screenshot({ path: 'artifacts/chat-dm.png' });

    // Bob deletes his reply: both see it gone, and its text with it.
    const reply = message(b, `On my way ${canary}`);
    await reply.hover();
    await reply.getByRole('button', { name: 'Delete', exact: true }).click();
    await reply.getByRole('button', { name: 'Delete for everyone' }).click();
    await message(a, 'This message was deleted.').waitFor({ timeout: 15_000 });
    expect(await message(a, `On my way ${canary}`).count()).toBe(0);
  });

  it('a shared folder has a team chat for its members, live both ways', async () => {
    await a.goto('/drive');
    await a.getByRole('button', { name: 'New folder' }).click();
    await a.getByLabel('New name').fill(`Team ${canary}`);
    await a.getByLabel('New name').press('Enter');
    const folderRow = a.locator('tr[data-id]', { hasText: `Team ${canary}` });
    await folderRow.click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Share…' }).click();
    await fillShareDialog(a, bob, 'Can edit');
    await folderRow.getByRole('button', { name: `Team ${canary}` }).click();
    await a.getByRole('button', { name: 'Chat', exact: true }).click();
    await send(a, `Welcome to the team ${canary}`);

    await b.goto('/drive/shared');
    await b.getByRole('button', { name: `Team ${canary}` }).click({ timeout: 30_000 });
    await b.getByRole('button', { name: 'Chat', exact: true }).click();
    await message(b, `Welcome to the team ${canary}`).waitFor({ timeout: 20_000 });
    await send(b, 'Glad to be here');
    await message(a, 'Glad to be here').waitFor({ timeout: 15_000 });
    await a.screenshot({ path: 'artifacts/chat-folder.png' });

    // A document in the folder has its own chat, beside the text.
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+\?in=/);
    await a.getByLabel('Title').fill(`Minutes ${canary}`);
    await a.getByRole('button', { name: 'Chat', exact: true }).click();
    await send(a, 'Comments on the minutes here');
    await b.getByRole('button', { name: `Minutes ${canary}` }).click({ timeout: 30_000 });
    // Until the document's page is in, 'Chat' is still the folder's toggle, whose panel is open: a click there would close it.
    await b.locator('.doc-editor').waitFor({ timeout: 30_000 });
    await expect.poll(() => b.getByLabel('Title').inputValue(), { timeout: 30_000 }).toBe(`Minutes ${canary}`);
    await b.getByRole('button', { name: 'Chat', exact: true }).click();
    await message(b, 'Comments on the minutes here').waitFor({ timeout: 20_000 });
    expect(await message(b, 'Glad to be here').count()).toBe(0);
    await b.screenshot({ path: 'artifacts/chat-doc.png' });

    // A sub-folder with a document of its own.
    await a.goto('/drive');
    await openFolder(a, `Team ${canary}`);
    await a.getByRole('button', { name: 'New folder' }).click();
    await a.getByLabel('New name').fill(`Sub ${canary}`);
    await a.getByLabel('New name').press('Enter');
    await a.getByRole('button', { name: `Sub ${canary}` }).click({ timeout: 30_000 });
    await a.getByRole('navigation', { name: 'Folder path' }).getByText(`Sub ${canary}`).waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'New document' }).click();
    await a.waitForURL(/\/docs\/[A-Za-z0-9_-]+\?in=/);
    await a.getByLabel('Title').fill(`Deep ${canary}`);
    await a.getByTestId('sync-status').filter({ hasText: /^Saved$/ }).waitFor({ timeout: 30_000 });
    const deepPath = new URL(a.url()).pathname + new URL(a.url()).search;

    // Bob is removed from the folder: its chat moves to a new key, history kept for those who stay.
    await a.goto('/drive');
    await a.locator('tr[data-id]', { hasText: `Team ${canary}` }).click({ button: 'right' });
    await a.getByRole('menuitem', { name: 'Share…' }).click();
    await a.getByRole('dialog').getByRole('listitem').filter({ hasText: bob }).getByRole('button', { name: 'Remove' }).click();
    await a.getByRole('dialog').getByText(`${bob} was removed and the folder and 3 items inside it have new keys.`).waitFor({ timeout: 60_000 });
    await a.getByRole('button', { name: 'Done' }).click();
    await a.locator('tr[data-id]', { hasText: `Team ${canary}` }).getByRole('button', { name: `Team ${canary}` }).click();
    await a.getByRole('button', { name: 'Chat', exact: true }).click();
    await message(a, `Welcome to the team ${canary}`).waitFor({ timeout: 20_000 });
    expect(await a.locator('.chat-panel .chat-room').getAttribute('data-epoch')).toBe('2');
    await send(a, 'Bob has left the team');
    await a.reload();
    await a.getByRole('button', { name: 'Chat', exact: true }).click();
    await message(a, 'Bob has left the team').waitFor({ timeout: 20_000 });
    await message(a, 'Glad to be here').waitFor();
    // The document inside, which Bob had the key of, moved to a new key too, and so did its chat; nothing was lost.
    await a.getByRole('button', { name: `Minutes ${canary}` }).click({ timeout: 30_000 });
    await a.locator('.doc-editor[data-epoch="2"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => a.getByLabel('Title').inputValue(), { timeout: 30_000 }).toBe(`Minutes ${canary}`);
    await a.getByRole('button', { name: 'Chat', exact: true }).click();
    await message(a, 'Comments on the minutes here').waitFor({ timeout: 20_000 });
    expect(await a.locator('.chat-panel .chat-room').getAttribute('data-epoch')).toBe('2');
    // And down the tree: the document in the sub-folder too.
    await a.goto(deepPath);
    await a.locator('.doc-editor[data-epoch="2"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => a.getByLabel('Title').inputValue(), { timeout: 30_000 }).toBe(`Deep ${canary}`);
  });

  it('a named group room is shared like any drive item', async () => {
    await a.getByRole('link', { name: /^Chat/ }).click();
    await a.getByLabel('New room name').fill(`Plans ${canary}`);
    await a.getByRole('button', { name: 'New room' }).click();
    await a.getByRole('heading', { name: `Plans ${canary}` }).waitFor();
    await a.getByRole('button', { name: 'Share', exact: true }).click();
    await fillShareDialog(a, bob, 'Can edit and share');
    await send(a, 'Agenda for Monday');
    // Bob's open tab files the new room by itself (no reload), then he answers in it.
    await b.getByRole('link', { name: /^Chat/ }).click();
    await b.getByTestId('chat-room-list').getByRole('link', { name: new RegExp(`^Plans ${canary}`) }).click({ timeout: 40_000 });
    await message(b, 'Agenda for Monday').waitFor({ timeout: 20_000 });
    await send(b, 'Noted');
    await message(a, 'Noted').waitFor({ timeout: 15_000 });
  });

  it('a link opens a room without an account: read live through a view link, write as a guest through an edit link, authors checked', async () => {
    await a.goto('/drive');
    await rowAction(a, `Plans ${canary}`, 'Get link…');
    const viewUrl = await createLinkInDialog(a, 'viewer');
    await rowAction(a, `Plans ${canary}`, 'Get link…');
    const editUrl = await createLinkInDialog(a, 'editor');
    /** `sharer` gives `newcomer` the room open on the sharer's page; the newcomer opens it from the chat list and writes `text`. */
    async function joins(sharer: Page, newcomer: Page, name: string, text: string) {
      await sharer.getByRole('button', { name: 'Share', exact: true }).click();
      await fillShareDialog(sharer, name, 'Can edit');
      await newcomer.getByRole('link', { name: /^Chat/ }).click();
      await newcomer.getByTestId('chat-room-list').getByRole('link', { name: new RegExp(`^Plans ${canary}`) }).click({ timeout: 40_000 });
      await send(newcomer, text);
      await message(sharer, text).waitFor({ timeout: 15_000 });
    }
    const [d, e] = await Promise.all([user(dave), user(erin)]);
    await a.getByRole('link', { name: /^Chat/ }).click();
    await a.getByTestId('chat-room-list').getByRole('link', { name: new RegExp(`^Plans ${canary}`) }).click();
    // After the links were made, Alice gives Erin the room: her links are sealed again, naming Erin with the key Alice pinned.
    await joins(a, e, erin, `Erin here ${canary}`);
    // Then Bob gives Dave the room: Alice's links do not name him, a visitor looks his keys up through the link.
    await joins(b, d, dave, `Dave here ${canary}`);

    // A view link: everyone's messages under their names, live; no composer.
    const v = await openPage();
    await v.goto(viewUrl);
    for (const [who, text] of [[alice, 'Agenda for Monday'], [bob, 'Noted'], [dave, `Dave here ${canary}`], [erin, `Erin here ${canary}`]] as const) {
      await message(v, text).waitFor({ timeout: 30_000 });
      expect(await message(v, text).getAttribute('data-author')).toBe(who);
    }
    await v.getByText('You are reading this chat through a view link').waitFor();
    expect(await v.getByLabel('Message', { exact: true }).count()).toBe(0);
    await send(a, `Live for visitors ${canary}`);
    await message(v, `Live for visitors ${canary}`).waitFor({ timeout: 15_000 });

    // An edit link: the guest posts and attaches a file; the members see it as a guest's, never as someone's.
    const g = await openPage();
    await g.goto(editUrl);
    await message(g, 'Agenda for Monday').waitFor({ timeout: 30_000 });
    await g.getByTestId('chat-attach').setInputFiles({ name: `guest-notes-${canary}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`notes ${canary}`) });
    await g.getByLabel('Message', { exact: true }).fill(`A guest says hello ${canary}`);
    await g.getByRole('button', { name: 'Send' }).click();
    await message(g, `A guest says hello ${canary}`).waitFor({ timeout: 20_000 });
    const fromGuest = message(a, `A guest says hello ${canary}`);
    await fromGuest.waitFor({ timeout: 20_000 });
    expect(await fromGuest.getAttribute('data-author')).toMatch(/^Guest [0-9a-f]{4}$/);
    await fromGuest.getByTestId('chat-file').getByText(`guest-notes-${canary}.txt`).waitFor();
    await message(v, `A guest says hello ${canary}`).waitFor({ timeout: 15_000 });
    await send(a, `Welcome, guest ${canary}`);
    await message(g, `Welcome, guest ${canary}`).waitFor({ timeout: 15_000 });
    await g.screenshot({ path: 'artifacts/chat-link-guest.png' });

    // A server that hands out keys of its own: the people the link names (Erin too) stay theirs; Dave, whom it does not, is shown as no one.
    const h = await openPage();
    const askedFor: string[] = [];
    await h.route('**/api/links/*/people/*', async (route) => {
      askedFor.push(new URL(route.request().url()).pathname.split('/').pop()!);
      const res = await route.fetch();
      const body = (await res.json()) as { publicBundle?: string };
      await route.fulfill({ response: res, json: body.publicBundle ? { ...body, publicBundle: forgeBundle(body.publicBundle) } : body });
    });
    await h.goto(viewUrl);
    await message(h, `Live for visitors ${canary}`).waitFor({ timeout: 30_000 });
    await message(h, `A guest says hello ${canary}`).waitFor();
    expect(await message(h, 'Noted').getAttribute('data-author')).toBe(bob);
    expect(await message(h, `Erin here ${canary}`).getAttribute('data-author')).toBe(erin);
    await expect.poll(() => h.getByText('Checking the keys of').count(), { timeout: 15_000 }).toBe(0);
    expect(await message(h, `Dave here ${canary}`).count()).toBe(0);
    expect(await h.getByTestId('chat-hidden').textContent()).toContain('1 message here is not shown');
    expect(await v.getByTestId('chat-hidden').count()).toBe(0);
    // Only Dave was looked up: the people the link names are never asked of the server.
    expect(askedFor).toEqual([dave]);
  });

  it('someone who is not a member cannot open the room, its messages or its files', async () => {
    const c = await user(carol);
    await c.goto(dmUrl);
    await c.getByRole('heading', { name: 'Chat room not found' }).waitFor();
    const roomId = dmUrl.split('/').pop()!;
    const fileUrl = traffics.flatMap((t) => t.urls).find((u) => /\/api\/files\/[A-Za-z0-9_-]+\/versions\/1\/chunks\/0$/.test(u))!;
    const statuses = await c.evaluate(
      async ({ roomId, fileUrl }) => [(await fetch(`/api/docs/${roomId}/members`)).status, (await fetch(new URL(fileUrl).pathname)).status],
      { roomId, fileUrl },
    );
    expect(statuses[0]).toBe(404);
    expect([403, 404]).toContain(statuses[1]);
    // Those two refusals were provoked here; the console lines they left are not the app's problems.
    const carolsLines = problems[problems.length - 1]!;
    expect(carolsLines.filter((l) => !/status of 40[34]/.test(l))).toEqual([]);
    carolsLines.length = 0;
  });

  it('never lets message text, attachment names or room names reach the server in the clear', () => {
    const hits = scanServerAndTraffic(canary, { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics });
    expect(hits).toEqual([]);
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
