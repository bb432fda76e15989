import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signUpViaUi } from './accounts.ts';
import { newRecordedContext, type Traffic } from './launchBrowser.ts';

/** A fresh recorded context signed up as `name`; its traffic and problems go to `into` for the canary scan and console check. */
export async function newUserPage(browser: Browser, into: { traffics: Traffic[]; problems: string[][] }, name: string, password: string): Promise<Page> {
  const r = await newRecordedContext(browser, inject('baseUrl'));
  into.traffics.push(r.traffic);
  into.problems.push(r.problems);
  await signUpViaUi(r.page, name, password);
  return r.page;
}
