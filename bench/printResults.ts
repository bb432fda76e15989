export type BenchResult = { name: string; unit: string; baselineName: string; baseline: number; coffre: number; target: number };

/** One line per benchmark: Coffre, the same-run baseline, their ratio, and the target ratio. */
export function printResults(results: BenchResult[]): void {
  console.log(`\nmachine: ${process.platform} ${process.arch}, node ${process.version}, ${new Date().toISOString()}`);
  for (const r of results) {
    const ratio = r.coffre / r.baseline;
    const verdict = ratio <= r.target ? 'within target' : 'OVER TARGET';
    console.log(
      `${r.name}: coffre ${r.coffre.toFixed(2)} ${r.unit}, ${r.baselineName} ${r.baseline.toFixed(2)} ${r.unit}, ratio ${ratio.toFixed(2)}× (target ≤ ${r.target}×) ${verdict}`,
    );
  }
}
