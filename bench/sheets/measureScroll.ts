import type { GridProbe, ScrollTarget } from './gridProbe.ts';

/**
 * Jumps the grid to its last row and back to its first, `times` jumps in all,
 * timing each until B of the last (or first) row shows its computed value.
 */
export async function measureScroll(probe: GridProbe, times: number, last: { row: number; b: string }, first: { row: number; b: string }): Promise<number[]> {
  const targets: ScrollTarget[] = Array.from({ length: times }, (_, i) => (i % 2 === 0 ? { to: 'end', row: last.row, col: 1, text: last.b } : { to: 'start', row: first.row, col: 1, text: first.b }));
  return probe.scroll(targets);
}
