import fs from 'node:fs';
import { afterEach, inject } from 'vitest';
import { openedPages } from './launchBrowser.ts';

/**
 * When a test fails, prints where each open page was and what it showed, so
 * a failure on CI (where nobody sees the screenshots) says what the user saw,
 * and the servers' latest warnings (codes and ids: the logs hold no content).
 */
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  for (const [i, page] of openedPages.entries()) {
    if (page.isClosed()) continue;
    const text = await page.locator('body').innerText({ timeout: 2_000 }).catch((e: Error) => `(unreadable: ${e.message})`);
    console.log(`[failure report] page ${i + 1}: ${page.url()}\n${text.replace(/\n{2,}/g, '\n').slice(0, 1_500)}\n`);
  }
  for (const file of inject('logFiles')) {
    const warnings = (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '').split('\n').filter((l) => /"level":"(warn|error)"/.test(l));
    if (warnings.length > 0) console.log(`[failure report] last warnings in ${file}:\n${warnings.slice(-15).join('\n')}\n`);
  }
});
