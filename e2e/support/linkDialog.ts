import type { Browser, Page } from 'playwright-core';
import { newRecordedContext, type Traffic } from './launchBrowser.ts';

/** In an open link dialog: makes a link giving `access`, closes the dialog and returns the address. */
export async function createLinkInDialog(page: Page, access: 'viewer' | 'editor' = 'viewer'): Promise<string> {
  if (access === 'editor') await page.getByLabel('Link access').selectOption('editor');
  await page.getByRole('button', { name: 'Create link' }).click();
  const url = await page.getByLabel('New link').inputValue();
  await page.getByRole('button', { name: 'Done' }).click();
  return url;
}

/** Opens a link in a new browser context with no account, recording its traffic and problems for the scans. */
export async function openLinkAsVisitor(browser: Browser, baseUrl: string, url: string, record: { traffics: Traffic[]; problems: string[][] }): Promise<Page> {
  const r = await newRecordedContext(browser, baseUrl);
  record.traffics.push(r.traffic);
  record.problems.push(r.problems);
  await r.page.goto(url);
  return r.page;
}
