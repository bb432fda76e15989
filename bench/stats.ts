/** Linear-interpolated percentile (p in 0..100) of unsorted values; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Machine-wide busy time from /proc/stat, in ms (Linux only; null elsewhere). */
export async function machineBusyMs(): Promise<number | null> {
  try {
    const { readFile } = await import('node:fs/promises');
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0]!;
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = f as [number, number, number, number, number, number, number, number];
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ = 100
  } catch {
    return null;
  }
}

/** CPU (ms) of this process since process start. */
export function ownCpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/**
 * Window bookkeeping for "foreign" load: machine busy time minus the CPU of
 * the processes we know (this one and any server child), as a percentage of
 * one core over the window.
 */
export async function loadWindow(): Promise<{ end(knownChildCpuMs: number): Promise<{ wallMs: number; ownPct: number; foreignPct: number | null }> }> {
  const t0 = performance.now();
  const busy0 = await machineBusyMs();
  const own0 = ownCpuMs();
  return {
    async end(knownChildCpuMs) {
      const wallMs = performance.now() - t0;
      const busy1 = await machineBusyMs();
      const ownMs = ownCpuMs() - own0;
      const foreign = busy0 === null || busy1 === null ? null : Math.max(0, ((busy1 - busy0 - ownMs - knownChildCpuMs) / wallMs) * 100);
      return { wallMs, ownPct: (ownMs / wallMs) * 100, foreignPct: foreign };
    },
  };
}

/**
 * Waits (at most `maxWaitMs`) for one second in which other processes use
 * less than `thresholdPct` of a core; returns the last such figure (null
 * where /proc/stat is not readable). Other jobs share this machine.
 */
export async function waitForQuiet(maxWaitMs = 30_000, thresholdPct = 20): Promise<number | null> {
  const end = performance.now() + maxWaitMs;
  let foreign: number | null = null;
  do {
    const w = await loadWindow();
    await new Promise((r) => setTimeout(r, 1000));
    foreign = (await w.end(0)).foreignPct;
    if (foreign === null || foreign < thresholdPct) return foreign;
  } while (performance.now() < end);
  console.log(`  (machine still busy: other processes use ${foreign.toFixed(0)}% of a core; measuring anyway)`);
  return foreign;
}
