/**
 * Times Coffre's `coffre` and the baseline's `baseline` in alternating rounds
 * of `iterations` calls each, after a warm-up of both; returns each side's
 * median round in µs per call.
 *
 * Alternating rounds make both sides sample the same stretches of time: on
 * this shared 2-core VM the host's speed drifts over seconds (the same loop
 * took 131 µs and 219 µs a call minutes apart), so timing one side and then
 * the other could put the two on different machines.
 */
export function measurePair(iterations: number, coffre: (i: number) => void, baseline: (i: number) => void, rounds = 9): { coffre: number; baseline: number } {
  for (let i = 0; i < Math.min(iterations, 1000); i++) (coffre(i), baseline(i));
  const round = (fn: (i: number) => void) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn(i);
    return Number(process.hrtime.bigint() - start) / 1000 / iterations;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Which side goes first alternates too, so neither always follows the other's garbage.
    if (r % 2 === 0) (a.push(round(coffre)), b.push(round(baseline)));
    else (b.push(round(baseline)), a.push(round(coffre)));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { coffre: median(a), baseline: median(b) };
}
