import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Suite = { baseUrl: string; logFiles: string[]; stop(): Promise<void> };

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

/** SIGTERM (the servers store open documents and close their storage), SIGKILL after 10 s; resolves once the process is gone. */
function end(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

/**
 * Starts the real web server (production build) and the real collab server on these ports with
 * this data directory, logging to `e2e/artifacts/<logName>web.log` and `…collab.log` (appended, so
 * a restart keeps the earlier lines for the canary scans). Each runs as `node --import tsx`, one
 * process, so `stop` ends the server itself.
 */
export async function startSuite(opts: { dataDir: string; webPort: number; collabPort: number; logName?: string }): Promise<Suite> {
  const artifacts = path.join(repo, 'e2e/artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const env = {
    ...process.env,
    COFFRE_DATA_DIR: opts.dataDir,
    COFFRE_HOST: '127.0.0.1',
    COFFRE_WEB_PORT: String(opts.webPort),
    COFFRE_COLLAB_PORT: String(opts.collabPort),
    NODE_ENV: 'production',
    // Every browser test signs people up from 127.0.0.1; the default (20 an hour) is for real addresses.
    COFFRE_SIGNUPS_PER_HOUR: '1000',
  };
  // A leftover server from a crashed run would answer in place of ours, with another data directory.
  for (const port of [opts.webPort, opts.collabPort]) {
    const busy = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (busy) throw new Error(`port ${port} is taken (a leftover Coffre server?); stop it, or choose other ports`);
  }
  const logFiles = ['web', 'collab'].map((name) => path.join(artifacts, `${opts.logName ?? ''}${name}.log`));
  const start = (log: string, cwd: string, script: string) => spawn(process.execPath, ['--import', 'tsx', script], { cwd, env, stdio: ['ignore', fs.openSync(log, 'a'), fs.openSync(log, 'a')] });
  const web = start(logFiles[0]!, path.join(repo, 'apps/web'), 'server/main.ts');
  const collab = start(logFiles[1]!, path.join(repo, 'apps/collab-server'), 'src/main.ts');
  const stop = async () => void (await Promise.all([end(web), end(collab)]));
  try {
    await Promise.all([waitFor(`http://127.0.0.1:${opts.webPort}/api/health`, web, 'web server'), waitFor(`http://127.0.0.1:${opts.collabPort}/`, collab, 'collab server')]);
  } catch (e) {
    // Never leave one server running when the other failed: it would hold its port for the next run.
    await stop();
    throw e;
  }
  return { baseUrl: `http://127.0.0.1:${opts.webPort}`, logFiles, stop };
}
