import type { Page } from 'playwright-core';

/**
 * Waits until the sync badge says every change is encrypted and saved on the
 * server, and still says so 1.2 s later (it also refreshes once a second).
 * `refused` is asked every second for a reason to give up at once (the
 * server refusing the update).
 * @returns ms until the badge first said Saved for good.
 * @throws with the badge's words, or the refusal, when it does not come.
 */
export async function waitForSaved(page: Page, timeoutMs: number, refused: () => string | null = () => null): Promise<number> {
  const t0 = performance.now();
  const badge = page.getByTestId('sync-status');
  const fail = async (why: string) => new Error(`${why}: the sync badge says "${await badge.textContent()}" (${await badge.getAttribute('title')})`);
  let savedAt: number | null = null;
  for (;;) {
    const why = refused();
    if (why) throw await fail(`the server refused it (${why})`);
    if (performance.now() - t0 > timeoutMs) throw await fail(`not saved within ${timeoutMs / 1000} s`);
    if ((await badge.textContent()) === 'Saved') {
      savedAt ??= performance.now();
      if (performance.now() - savedAt >= 1_200) return savedAt - t0;
    } else savedAt = null;
    await page.waitForTimeout(savedAt === null ? 100 : 300);
  }
}
