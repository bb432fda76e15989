/** A seeded PRNG (mulberry32) with the helpers the randomized tests need. Never for keys. */
export type Random = {
  readonly seed: number;
  /** [0, 1) */
  next(): number;
  /** integer in [0, n) */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Uint8Array;
  /** lower-case letters */
  word(maxLength: number): string;
};

export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    seed,
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from nothing');
      return items[int(items.length)]!;
    },
    bytes: (n) => Uint8Array.from({ length: n }, () => int(256)),
    word: (maxLength) => Array.from({ length: 1 + int(maxLength) }, () => String.fromCharCode(97 + int(26))).join(''),
  };
}

/**
 * The seeds a randomized test runs: `COFFRE_SEED=<n>` replays one seed (as
 * printed by a failure), otherwise the fixed list.
 */
export function testSeeds(defaults: readonly number[]): number[] {
  const fromEnv = process.env.COFFRE_SEED;
  return fromEnv ? [Number(fromEnv)] : [...defaults];
}
