import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The web server serves apps/web/build in production mode; builds it
 * (`react-router build`, about a minute here) when it is missing. An existing
 * build is used as it is, even if the sources changed since.
 * @throws when the build fails.
 */
export function ensureWebBuild(repo: string): void {
  const web = path.join(repo, 'apps/web');
  if (fs.existsSync(path.join(web, 'build/server/index.js'))) return;
  console.log('  apps/web/build is missing: building it (npx react-router build)');
  const r = spawnSync(path.join(repo, 'node_modules/.bin/react-router'), ['build'], { cwd: web, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`react-router build failed with ${r.status ?? r.signal}`);
}
