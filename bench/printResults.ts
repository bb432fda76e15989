/**
 * One benchmark figure against a baseline measured in the same run.
 * The bound is a ratio (`target`: coffre / baseline ≤ target), a floor on
 * the ratio for figures where more is better (`targetMin`: coffre / baseline
 * ≥ targetMin, e.g. throughput) or an allowance (`targetDelta`: coffre −
 * baseline ≤ targetDelta, in `unit`); with none, the line is information only.
 */
export type BenchResult = {
  name: string;
  unit: string;
  baselineName: string;
  baseline: number;
  coffre: number;
  target?: number;
  targetMin?: number;
  targetDelta?: number;
  note?: string;
};

/** A yes/no property a benchmark must hold (every update delivered, memory returns, …). */
export type BenchCheck = { name: string; ok: boolean; detail: string };

const num = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(1) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3));

/** One line per benchmark: Coffre, the same-run baseline, their ratio, and the target. Returns the number of misses. */
export function printResults(results: BenchResult[], checks: BenchCheck[] = []): number {
  console.log(`\nmachine: ${process.platform} ${process.arch}, node ${process.version}, ${new Date().toISOString()}`);
  let misses = 0;
  for (const r of results) {
    const ratio = r.coffre / r.baseline;
    let verdict = 'information only';
    let target = '';
    if (r.targetDelta !== undefined) {
      const ok = r.coffre - r.baseline <= r.targetDelta;
      target = ` (target ≤ baseline + ${r.targetDelta} ${r.unit})`;
      verdict = ok ? 'within target' : 'OVER TARGET';
      if (!ok) misses++;
    } else if (r.targetMin !== undefined) {
      const ok = ratio >= r.targetMin;
      target = ` (target ≥ ${r.targetMin}×)`;
      verdict = ok ? 'within target' : 'UNDER TARGET';
      if (!ok) misses++;
    } else if (r.target !== undefined) {
      const ok = ratio <= r.target;
      target = ` (target ≤ ${r.target}×)`;
      verdict = ok ? 'within target' : 'OVER TARGET';
      if (!ok) misses++;
    }
    console.log(
      `${r.name}: coffre ${num(r.coffre)} ${r.unit}, ${r.baselineName} ${num(r.baseline)} ${r.unit}, ratio ${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)}×${target} ${verdict}` +
        (r.note ? `\n    ${r.note}` : ''),
    );
  }
  for (const c of checks) {
    console.log(`${c.name}: ${c.ok ? 'holds' : 'FAILS'} — ${c.detail}`);
    if (!c.ok) misses++;
  }
  return misses;
}
