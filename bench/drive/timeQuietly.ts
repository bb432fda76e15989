import { loadWindow, waitForQuiet } from '../stats.ts';
import { descendantsCpuMs } from './descendantsCpuMs.ts';

/** Foreign load (% of one core) above which a measurement is taken again once. */
const FOREIGN_RETRY_PCT = 30;

export type Quiet<T> = T & { foreignPct: number | null; tries: number };

/**
 * Runs `attempt` once the machine is quiet and measures the load other jobs
 * put on it meanwhile: machine busy time minus this process and everything
 * it started (servers, Chromium). Over 30% of a core, the attempt runs once
 * more and the quieter of the two is kept; `discard` is given the other one
 * (to delete its file on the server). `attempt` gets the try number, for
 * fresh names.
 */
export async function timeQuietly<T>(label: string, attempt: (tryNo: number) => Promise<T>, discard: (r: T) => Promise<void> = async () => {}): Promise<Quiet<T>> {
  const once = async (tryNo: number): Promise<Quiet<T>> => {
    await waitForQuiet(10_000);
    const window = await loadWindow();
    const before = descendantsCpuMs();
    const r = await attempt(tryNo);
    const after = descendantsCpuMs();
    const { foreignPct } = await window.end(before === null || after === null ? 0 : after - before);
    return { ...r, foreignPct, tries: tryNo + 1 };
  };
  const first = await once(0);
  if (first.foreignPct === null || first.foreignPct <= FOREIGN_RETRY_PCT) return first;
  console.log(`  ${label}: other processes used ${first.foreignPct.toFixed(0)}% of a core meanwhile; measuring again`);
  const second = await once(1);
  const [kept, dropped] = second.foreignPct !== null && second.foreignPct < first.foreignPct ? [second, first] : [first, second];
  await discard(dropped);
  return { ...kept, tries: 2 };
}
