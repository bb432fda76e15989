/** Times `fn` over `iterations` calls after a warm-up; returns the median of 5 rounds in µs per call. */
export function measure(iterations: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(iterations, 1000); i++) fn(i);
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn(i);
    rounds.push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
  }
  return rounds.sort((a, b) => a - b)[2]!;
}
