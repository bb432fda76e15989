import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH), headless, as the e2e suite runs it; null when it is not installed. */
export async function launchChromium(): Promise<Browser | null> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return null;
  return chromium.launch({
    executablePath,
    headless: true,
    // --enable-precise-memory-info: performance.memory without its 100 ms quantisation (we read CDP's heap figure anyway).
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  });
}
