// Makes sure Debian's Chromium is there for the browser tests: installs it with
// apt when running as root, otherwise stops with the command that fixes it.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

export function ensureChromium() {
  const p = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (fs.existsSync(p)) return p;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (process.env.CHROMIUM_PATH || !root || !hasApt) {
    console.error(`\nChromium is missing (looked for ${p}).\nInstall it with:  sudo apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium binary, then run npm test again.\n`);
    process.exit(1);
  }
  console.log('Chromium is missing; installing Debian\'s chromium package (once)…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' });
  if (!fs.existsSync(p)) {
    console.error(`apt-get finished but ${p} is still missing.`);
    process.exit(1);
  }
  return p;
}
