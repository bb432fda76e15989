// `npm test`: dependency lint, type checks, every unit/integration test and the
// browser tests, then one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from './ensureChromium.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

ensureChromium();
const REPORT = '.vitest-report.json';
for (const ws of ['packages/crypto', 'packages/storage', 'packages/docs', 'apps/collab-server', 'apps/web', 'e2e']) {
  fs.rmSync(path.join(ws, REPORT), { force: true });
}

let failed = 0;
failed += run('node', ['scripts/lint.mjs']) === 0 ? 0 : 1;
failed += run('npx', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']) === 0 ? 0 : 1;
const testStatus = run('npx', ['turbo', 'run', 'test', 'test:e2e', '--concurrency=1', '--continue', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`]);

let passed = 0;
let testFailed = 0;
for (const ws of ['packages/crypto', 'packages/storage', 'packages/docs', 'apps/collab-server', 'apps/web', 'e2e']) {
  const file = path.join(ws, REPORT);
  if (!fs.existsSync(file)) continue;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  testFailed += r.numFailedTests ?? 0;
}
if (testStatus !== 0 && testFailed === 0) testFailed = 1; // a task failed outside a test (build, setup)
console.log(`\n${passed} passed, ${testFailed + failed} failed`);
process.exit(testStatus !== 0 || failed ? 1 : 0);
