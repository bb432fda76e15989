import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertPortFree } from './assertPortFree.ts';
import { ensureWebBuild } from './ensureWebBuild.ts';

export type CoffreServers = {
  baseUrl: string;
  /** The last lines of both servers' logs (for failure messages). */
  logTail(lines?: number): string;
  /** The code of the collab server's latest refusal of an update (`guard.refused`) logged at or after `sinceMs`, or null. */
  refusal(sinceMs: number): string | null;
  /** Stops both servers (SIGTERM, then SIGKILL after 5 s) and removes the data directory. Safe to call twice. */
  stop(): Promise<void>;
};

async function waitFor(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer at ${url} within 60 s`);
}

/**
 * The real web server (production build) and collab server, as the e2e suite
 * starts them, on their own ports (COFFRE_BENCH_WEB_PORT, default 3300;
 * COFFRE_BENCH_COLLAB_PORT, default 1335) with a fresh data directory. Each
 * runs in its own process group, killed as a whole on stop, on failure and
 * when this process exits.
 * @throws when a port is taken or a server does not come up.
 */
export async function startCoffreServers(repo: string): Promise<CoffreServers> {
  const webPort = Number(process.env.COFFRE_BENCH_WEB_PORT ?? 3300);
  const collabPort = Number(process.env.COFFRE_BENCH_COLLAB_PORT ?? 1335);
  await assertPortFree(webPort, 'COFFRE_BENCH_WEB_PORT');
  await assertPortFree(collabPort, 'COFFRE_BENCH_COLLAB_PORT');
  ensureWebBuild(repo);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'coffre-bench-sheet-'));
  const dataDir = path.join(dir, 'data');
  const env = {
    ...process.env,
    COFFRE_DATA_DIR: dataDir,
    COFFRE_HOST: '127.0.0.1',
    COFFRE_WEB_PORT: String(webPort),
    COFFRE_COLLAB_PORT: String(collabPort),
    NODE_ENV: 'production',
  };
  const tsx = path.join(repo, 'node_modules/.bin/tsx');
  const logs = { web: path.join(dir, 'web.log'), collab: path.join(dir, 'collab.log') };
  const start = (name: keyof typeof logs, cwd: string, script: string) => {
    const log = fs.openSync(logs[name], 'w');
    const child = spawn(tsx, [script], { cwd, env, stdio: ['ignore', log, log], detached: true });
    fs.closeSync(log);
    return child;
  };
  const children = [start('web', path.join(repo, 'apps/web'), 'server/main.ts'), start('collab', path.join(repo, 'apps/collab-server'), 'src/main.ts')];
  const killAll = (signal: NodeJS.Signals) => {
    for (const c of children) {
      if (c.exitCode !== null || c.signalCode !== null || c.pid === undefined) continue;
      try {
        process.kill(-c.pid, signal); // the group: tsx and the node process it starts
      } catch {
        // already gone
      }
    }
  };
  const onExit = () => killAll('SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    killAll('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let stopped = false;
  const servers: CoffreServers = {
    baseUrl: `http://127.0.0.1:${webPort}`,
    logTail(lines = 15) {
      return Object.entries(logs)
        .map(([name, file]) => {
          const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
          return `--- ${name}.log ---\n${text}`;
        })
        .join('\n');
    },
    refusal(sinceMs) {
      if (!fs.existsSync(logs.collab)) return null;
      let code: string | null = null;
      for (const line of fs.readFileSync(logs.collab, 'utf8').split('\n')) {
        if (!line.includes('"guard.refused"')) continue;
        try {
          const e = JSON.parse(line) as { t?: string; code?: string };
          if (Date.parse(e.t ?? '') >= sinceMs) code = e.code ?? 'unknown';
        } catch {
          // a partly written line
        }
      }
      return code;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = children.map((c) => (c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => c.once('exit', () => r()))));
      killAll('SIGTERM');
      const timer = setTimeout(() => killAll('SIGKILL'), 5_000);
      await Promise.all(exited);
      clearTimeout(timer);
      process.off('exit', onExit);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all([waitFor(`${servers.baseUrl}/api/health`, children[0]!, 'web server'), waitFor(`http://127.0.0.1:${collabPort}/`, children[1]!, 'collab server')]);
  } catch (e) {
    const tail = servers.logTail();
    await servers.stop();
    throw new Error(`${(e as Error).message}\n${tail}`);
  }
  return servers;
}
