import { afterAll, beforeAll, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newRecordedContext, type Traffic } from './launchBrowser.ts';

/**
 * One Chromium for a spec file: opens recorded pages (each in a fresh
 * context) and keeps every page's traffic and problems for the canary scan
 * and the "no console errors" check.
 */
export function useBrowser(): { openPage(): Promise<Page>; traffics: Traffic[]; problems: string[][] } {
  let browser: Browser;
  const traffics: Traffic[] = [];
  const problems: string[][] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    traffics,
    problems,
    async openPage() {
      const r = await newRecordedContext(browser, inject('baseUrl'));
      traffics.push(r.traffic);
      problems.push(r.problems);
      return r.page;
    },
  };
}
