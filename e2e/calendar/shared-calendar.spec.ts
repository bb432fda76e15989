import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { newUserPage } from '../support/newUserPage.ts';
import { fillShareDialog } from '../support/shareViaDialog.ts';
import { launchBrowser, type Traffic } from '../support/launchBrowser.ts';
import { createLinkInDialog, openLinkAsVisitor } from '../support/linkDialog.ts';
import { scanServerAndTraffic } from '../support/scanForCanary.ts';

const seed = Date.now().toString(36);
const canary = `Kalender${seed}Wq`;
const password = 'correct horse battery staple';
// A distinctive date: nothing else in a test run is on it, so finding it on the server would be a leak.
const DAY = '2031-05-14';

let browser: Browser;
const traffics: Traffic[] = [];
const problems: string[][] = [];
const user = (name: string): Promise<Page> => newUserPage(browser, { traffics, problems }, name, password);

async function goTo(page: Page, date: string): Promise<void> {
  await page.getByRole('tab', { name: 'Month view' }).click();
  await page.getByLabel('Go to date').fill(date);
  await page.locator(`[data-date="${date}"]`).first().waitFor();
}

const dayCell = (page: Page, date: string) => page.locator(`[role="cell"][data-date="${date}"]`).first();

/** Drags an event shown in the month view from one day's cell to another's, with real mouse moves. */
async function dragEvent(page: Page, title: string, fromDay: string, toDay: string): Promise<void> {
  const moving = dayCell(page, fromDay).getByText(title);
  await moving.waitFor({ timeout: 30_000 });
  const from = (await moving.boundingBox())!;
  const to = (await dayCell(page, toDay).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

describe('calendar: a shared, encrypted calendar', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  let a: Page;
  let b: Page;

  it('one person makes a weekly event, the other moves one occurrence, and both see the same', async () => {
    [a, b] = await Promise.all([user(`cal-a-${seed}`), user(`cal-b-${seed}`)]);
    await a.getByRole('link', { name: 'Calendar' }).click();
    // The drive has a "New calendar" button too: wait for the calendar page, or a slow navigation clicks the drive's.
    await a.waitForURL(/\/calendar$/);
    await a.getByRole('button', { name: 'New calendar' }).click();
    await a.getByTestId('calendar-item').first().waitFor();
    await goTo(a, DAY);
    await dayCell(a, DAY).click();
    await a.getByLabel('Event title').fill(`Stand-up ${canary}`);
    await a.getByLabel('All day').uncheck();
    await a.getByLabel('Start time').fill('09:00');
    await a.getByLabel('End time').fill('09:30');
    await a.getByLabel('Time zone').selectOption('Europe/Paris');
    await a.getByLabel('Repeat', { exact: true }).selectOption({ label: 'Weekly on chosen days' });
    await a.getByLabel('Repeat ends').selectOption({ label: 'Ends after a number of times' });
    await a.getByLabel('Repeat count').fill('4');
    await a.getByLabel('Location').fill(`Room ${canary}`);
    await a.getByLabel('Description').fill(`Agenda ${canary}`);
    await a.getByRole('button', { name: 'Save' }).click();
    for (const d of ['2031-05-14', '2031-05-21', '2031-05-28', '2031-06-04']) await dayCell(a, d).getByText(`Stand-up ${canary}`).waitFor();
    expect(await dayCell(a, '2031-06-11').getByText(`Stand-up ${canary}`).count()).toBe(0);
    await a.getByTestId('calendar-item').first().getByRole('button', { name: 'Share', exact: true }).click();
    await fillShareDialog(a, `cal-b-${seed}`, 'Can edit');

    await b.goto('/calendar');
    await b.getByTestId('calendar-item').first().waitFor({ timeout: 30_000 });
    await goTo(b, DAY);
    await dragEvent(b, `Stand-up ${canary}`, '2031-05-21', '2031-05-22');
    await b.getByRole('button', { name: 'This event', exact: true }).click();
    for (const p of [a, b]) {
      await dayCell(p, '2031-05-22').getByText(`Stand-up ${canary}`).waitFor({ timeout: 30_000 });
      await expect.poll(() => dayCell(p, '2031-05-21').getByText(`Stand-up ${canary}`).count()).toBe(0);
      for (const d of ['2031-05-14', '2031-05-28', '2031-06-04']) await dayCell(p, d).getByText(`Stand-up ${canary}`).waitFor();
    }
    await a.screenshot({ path: 'artifacts/calendar-shared.png' });
  });

  it('exports the calendar as .ics, which imports back to the same events', async () => {
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByTestId('calendar-item').filter({ hasText: 'Calendar 1' }).getByRole('button', { name: 'Export .ics' }).click()]);
    const ics = fs.readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('RRULE:FREQ=WEEKLY');
    expect(ics).toContain('RECURRENCE-ID');
    await a.getByRole('button', { name: 'New calendar' }).click();
    await expect.poll(() => a.getByTestId('calendar-item').count()).toBe(2);
    // Hide the first calendar; import into the second.
    const [first, second] = [a.getByTestId('calendar-item').filter({ hasText: 'Calendar 1' }), a.getByTestId('calendar-item').filter({ hasText: 'Calendar 2' })];
    await first.getByRole('checkbox').uncheck();
    await expect.poll(() => dayCell(a, '2031-05-14').getByText(`Stand-up ${canary}`).count()).toBe(0);
    const [chooser] = await Promise.all([a.waitForEvent('filechooser'), second.getByRole('button', { name: 'Import .ics' }).click()]);
    await chooser.setFiles({ name: 'team.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
    await a.getByRole('status').filter({ hasText: 'Imported 1 event' }).waitFor();
    for (const d of ['2031-05-14', '2031-05-22', '2031-05-28', '2031-06-04']) await dayCell(a, d).getByText(`Stand-up ${canary}`).waitFor();
    expect(await dayCell(a, '2031-05-21').getByText(`Stand-up ${canary}`).count()).toBe(0);
    // A file that is not a calendar is refused with a clear message, and nothing is added.
    const [chooser2] = await Promise.all([a.waitForEvent('filechooser'), second.getByRole('button', { name: 'Import .ics' }).click()]);
    await chooser2.setFiles({ name: 'bad.ics', mimeType: 'text/calendar', buffer: Buffer.from('this is not a calendar') });
    await a.getByRole('alert').waitFor();
    expect(await dayCell(a, '2031-05-14').getByText(`Stand-up ${canary}`).count()).toBe(1);
  });

  it('moves "this and following" occurrences as a new series, and leaves the earlier ones', async () => {
    await goTo(b, DAY);
    await dragEvent(b, `Stand-up ${canary}`, '2031-05-28', '2031-05-29');
    await b.getByRole('button', { name: 'This and following events', exact: true }).click();
    await dayCell(b, '2031-05-29').getByText(`Stand-up ${canary}`).waitFor({ timeout: 30_000 });
    await b.getByRole('button', { name: /^Next/ }).click();
    await dayCell(b, '2031-06-05').getByText(`Stand-up ${canary}`).waitFor({ timeout: 30_000 });
    for (const d of ['2031-05-28', '2031-06-04']) expect(await dayCell(b, d).getByText(`Stand-up ${canary}`).count()).toBe(0);
    await b.getByRole('button', { name: /^Prev/ }).click();
    // Before the split: the first occurrence and the one moved on its own stay where they were.
    await dayCell(b, '2031-05-14').getByText(`Stand-up ${canary}`).waitFor();
    await dayCell(b, '2031-05-22').getByText(`Stand-up ${canary}`).waitFor();
  });

  it('opens through a view link in a fresh browser, read-only and live', async () => {
    await a.getByTestId('calendar-item').filter({ hasText: 'Calendar 1' }).getByRole('button', { name: 'Link to Calendar 1' }).click();
    const url = await createLinkInDialog(a);
    const v = await openLinkAsVisitor(browser, inject('baseUrl'), url, { traffics, problems });
    await v.getByRole('heading', { name: 'Calendar 1' }).waitFor({ timeout: 30_000 });
    expect(v.url()).not.toContain('#');
    await v.getByLabel('Go to date').fill(DAY);
    await dayCell(v, '2031-05-14').getByText(`Stand-up ${canary}`).click({ timeout: 30_000 });
    await v.getByRole('region', { name: 'Event' }).getByText(`Room ${canary}`).waitFor();
    await v.screenshot({ path: 'artifacts/calendar-link.png' });
    await v.context().close();
  });

  it('opens through an edit link: a guest adds, changes and moves events live and they are saved, until the link is stopped; a view link stays read-only', async () => {
    const [added, moved] = ['2031-05-19', '2031-05-20'];
    const linkDialog = async () => {
      await a.getByTestId('calendar-item').filter({ hasText: 'Calendar 1' }).getByRole('button', { name: 'Link to Calendar 1' }).click();
      return a.getByRole('dialog', { name: /Link to/ });
    };
    // The export test hid Calendar 1 on this page.
    await a.getByTestId('calendar-item').filter({ hasText: 'Calendar 1' }).getByRole('checkbox').check();
    await linkDialog();
    const editUrl = await createLinkInDialog(a, 'editor');
    const g = await openLinkAsVisitor(browser, inject('baseUrl'), editUrl, { traffics, problems });
    await g.getByRole('heading', { name: 'Calendar 1' }).waitFor({ timeout: 30_000 });
    await g.getByText('Opened through an edit link').waitFor();
    await g.getByLabel('Go to date').fill(added);
    // Selecting a day makes an event there, with the same dialog as on the calendar page.
    await dayCell(g, added).click();
    await g.getByLabel('Event title').fill(`Guest ${canary}`);
    await g.getByRole('button', { name: 'Save' }).click();
    await goTo(a, added);
    await dayCell(a, added).getByText(`Guest ${canary}`).waitFor({ timeout: 30_000 });
    // Click to edit, then drag to another day: the owner sees both live.
    await dayCell(g, added).getByText(`Guest ${canary}`).click();
    await g.getByLabel('Location').fill(`Hall ${canary}`);
    await g.screenshot({ path: 'artifacts/calendar-edit-link-dialog.png' });
    await g.getByRole('button', { name: 'Save' }).click();
    await g.getByLabel('Event title').waitFor({ state: 'detached' });
    await dragEvent(g, `Guest ${canary}`, added, moved);
    await dayCell(a, moved).getByText(`Guest ${canary}`).waitFor({ timeout: 30_000 });
    await expect.poll(() => dayCell(a, added).getByText(`Guest ${canary}`).count()).toBe(0);
    await g.screenshot({ path: 'artifacts/calendar-edit-link.png' });
    // Saved, not only relayed: after a reload the owner still has it, with the guest's place.
    await a.reload();
    await a.getByTestId('calendar-item').first().waitFor({ timeout: 30_000 });
    await goTo(a, moved);
    await dayCell(a, moved).getByText(`Guest ${canary}`).click({ timeout: 30_000 });
    expect(await a.getByLabel('Location').inputValue()).toBe(`Hall ${canary}`);
    await a.getByRole('button', { name: 'Cancel' }).click();

    // A view link of the same calendar: selecting a day opens nothing, events do not move, a click only shows one.
    await linkDialog();
    const viewUrl = await createLinkInDialog(a);
    const v = await openLinkAsVisitor(browser, inject('baseUrl'), viewUrl, { traffics, problems });
    await v.getByText('View only, opened through a link.').waitFor({ timeout: 30_000 });
    await v.getByLabel('Go to date').fill(added);
    await dayCell(v, moved).getByText(`Guest ${canary}`).waitFor({ timeout: 30_000 });
    await dayCell(v, added).click();
    await dragEvent(v, `Guest ${canary}`, moved, added);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await v.getByLabel('Event title').count()).toBe(0);
    expect(await dayCell(v, added).getByText(`Guest ${canary}`).count()).toBe(0);
    expect(await dayCell(a, added).getByText(`Guest ${canary}`).count()).toBe(0);
    await dayCell(v, moved).getByText(`Guest ${canary}`).click();
    await v.getByRole('region', { name: 'Event' }).getByText(`Hall ${canary}`).waitFor();
    await v.context().close();

    // Stopping the edit link closes the guest's connection: the calendar goes, nothing more can be written.
    const dialog = await linkDialog();
    await dialog.getByRole('list', { name: 'Links' }).locator('li', { hasText: 'Edit link' }).getByRole('button', { name: 'Stop sharing' }).click();
    await g.getByRole('alert').getByText('does not work any more').waitFor({ timeout: 30_000 });
    expect(await g.locator('[role="cell"][data-date]').count()).toBe(0);
    await expect.poll(() => dialog.getByRole('list', { name: 'Links' }).getByText('Edit link').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await g.context().close();
  });

  it('never lets titles, places, descriptions or the event times reach the server in the clear', () => {
    const where = { dataDir: inject('dataDir'), logFiles: inject('logFiles'), traffics };
    expect(scanServerAndTraffic(canary, where)).toEqual([]);
    expect(scanServerAndTraffic(DAY, where)).toEqual([]);
    expect(scanServerAndTraffic('20310514', where)).toEqual([]);
    // 09:00 in Paris that day, in seconds and milliseconds since 1970.
    const instant = Date.UTC(2031, 4, 14, 7, 0);
    expect(scanServerAndTraffic(String(instant / 1000), where)).toEqual([]);
    expect(scanServerAndTraffic(String(instant), where)).toEqual([]);
  });

  it('had no page errors or unexpected console errors', () => {
    expect(problems.flat()).toEqual([]);
  });
});
