import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function waitFor(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see its log in e2e/artifacts`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer at ${url}`);
}

/**
 * Starts the real web server (production build) and the real collab server
 * on their own ports with a fresh data directory, logging to files that the
 * canary scans read.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-e2e-'));
  const artifacts = path.join(repo, 'e2e/artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const webPort = Number(process.env.E2E_WEB_PORT ?? 3100);
  const collabPort = Number(process.env.E2E_COLLAB_PORT ?? 1235);
  const env = {
    ...process.env,
    COFFRE_DATA_DIR: dataDir,
    COFFRE_HOST: '127.0.0.1',
    COFFRE_WEB_PORT: String(webPort),
    COFFRE_COLLAB_PORT: String(collabPort),
    NODE_ENV: 'production',
    // Every browser test signs people up from 127.0.0.1; the default (20 an hour) is for real addresses.
    COFFRE_SIGNUPS_PER_HOUR: '1000',
  };
  // A leftover server from a crashed run would answer in place of ours, with another data directory.
  for (const port of [webPort, collabPort]) {
    const busy = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (busy) throw new Error(`port ${port} is taken (a leftover Coffre server?); stop it, or set E2E_WEB_PORT / E2E_COLLAB_PORT`);
  }
  const tsx = path.join(repo, 'node_modules/.bin/tsx');
  const start = (name: string, cwd: string, script: string) => {
    const log = fs.openSync(path.join(artifacts, `${name}.log`), 'w');
    return spawn(tsx, [script], { cwd, env, stdio: ['ignore', log, log] });
  };
  const web = start('web', path.join(repo, 'apps/web'), 'server/main.ts');
  const collab = start('collab', path.join(repo, 'apps/collab-server'), 'src/main.ts');
  try {
    await Promise.all([
      waitFor(`http://127.0.0.1:${webPort}/api/health`, web, 'web server'),
      waitFor(`http://127.0.0.1:${collabPort}/`, collab, 'collab server'),
    ]);
  } catch (e) {
    // Never leave one server running when the other failed: it would hold its port for the next run.
    for (const child of [web, collab]) child.kill('SIGTERM');
    throw e;
  }
  project.provide('baseUrl', `http://127.0.0.1:${webPort}`);
  project.provide('dataDir', dataDir);
  project.provide('logFiles', [path.join(artifacts, 'web.log'), path.join(artifacts, 'collab.log')]);
  return async () => {
    for (const child of [web, collab]) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    logFiles: string[];
  }
}
