import fs from 'node:fs';

/** Debian's Chromium (or CHROMIUM_PATH); `npm test` installs it when it can. */
export function chromiumPath(): string {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(p)) throw new Error(`Chromium not found at ${p}. Install it with "apt-get install chromium" or set CHROMIUM_PATH.`);
  return p;
}
