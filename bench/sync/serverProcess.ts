import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CpuReport, DocsReport, MemReport, ServerMode, ServerRequest, SetupUser } from './serverChild.ts';

const CHILD = fileURLToPath(new URL('./serverChild.ts', import.meta.url));

/** A relay server running in a child process (see serverChild.ts), driven over IPC. */
export type ServerProcess = {
  mode: ServerMode;
  pid: number;
  url: string;
  setup(users: SetupUser[], docs: Array<{ docId: string; ownerId: string }>): Promise<void>;
  /** Cumulative CPU (µs) and event-loop delay since the previous call (ms). */
  cpu(): Promise<CpuReport>;
  mem(gc?: boolean): Promise<MemReport>;
  docs(docName?: string): Promise<DocsReport>;
  /** Writes a V8 heap snapshot of the server (diagnostics). */
  heapSnapshot(file: string): Promise<string>;
  /** Starts a CPU profile of the server that the next call with null writes to `file` (diagnostics). */
  profile(file: string | null): Promise<string | null>;
  stop(): Promise<void>;
};

export async function startServer(mode: ServerMode): Promise<ServerProcess> {
  const child: ChildProcess = fork(CHILD, [mode], {
    // COFFRE_BENCH_PERF: a map of JIT-compiled code for Linux perf (see serverChild's 'profile').
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.COFFRE_BENCH_PERF ? ['--perf-basic-prof', '--interpreted-frames-native-stack', '--no-logfile-per-isolate', '--logfile=/dev/null'] : [])],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let exited = false;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${mode} server did not start within 30 s`)), 30_000);
    child.on('message', (msg: { t?: string; port?: number; id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (msg.t === 'ready') {
        clearTimeout(timer);
        resolve(msg.port!);
        return;
      }
      const p = pending.get(msg.id!);
      if (!p) return;
      pending.delete(msg.id!);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`server child: ${msg.error}`));
    });
    child.once('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      reject(new Error(`${mode} server exited with ${code}`));
      for (const p of pending.values()) p.reject(new Error(`${mode} server exited with ${code}`));
      pending.clear();
    });
  });
  const request = <T>(req: ServerRequest): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (exited) return reject(new Error(`${mode} server has exited`));
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, ...req });
    });
  return {
    mode,
    pid: child.pid!,
    url: `ws://127.0.0.1:${port}`,
    setup: (users, docs) => request<void>({ cmd: 'setup', users, docs }),
    cpu: () => request<CpuReport>({ cmd: 'cpu' }),
    mem: (gc = true) => request<MemReport>({ cmd: 'mem', gc }),
    docs: (docName) => request<DocsReport>(docName ? { cmd: 'docs', docName } : { cmd: 'docs' }),
    heapSnapshot: (file) => request<string>({ cmd: 'heapSnapshot', file }),
    profile: (file) => request<string | null>({ cmd: 'profile', file }),
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      await request<void>({ cmd: 'stop' }).catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
