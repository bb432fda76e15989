import { seededRandom } from '../seededRandom.ts';
/** The benchmark sheet: its inputs, and the CSV (or pasted TSV) that loads them. */
export type SheetData = {
  rows: number;
  cols: number;
  /** The cell inputs, row by row: numbers, short text, and formulas as typed (`=A1*2`). */
  inputs: Array<Array<string | number>>;
  /** The whole sheet as CSV. */
  csv: string;
  /** CSV of the rows `keep` accepts (0-based); the others are empty lines, so the sheet keeps its height. */
  csvOf(keep: (row: number) => boolean): string;
  /** Rows from..to-1 (0-based) as tab-separated text, as a clipboard holds them. */
  tsv(from: number, to: number): string;
  /** The value column A holds in row `row` (0-based), before any edit. */
  a(row: number): number;
};

const WORDS = ['north', 'south', 'east', 'west', 'alpha', 'beta', 'gamma', 'delta', 'kilo', 'lima', 'oak', 'pine'];


/**
 * A deterministic `rows` × 20 sheet: A holds integers 1–1000, B `=A{n}*2`, T
 * the row total `=SUM(A{n}:S{n})`; of C–S, every third column is a short
 * word and the others integers or two-decimal numbers. No field holds a
 * quote, comma or tab, so neither format needs quoting.
 */
export function buildSheetCsv(rows: number, seed: number): SheetData {
  const cols = 20;
  const rnd = seededRandom(seed);
  const inputs: Array<Array<string | number>> = [];
  for (let r = 0; r < rows; r++) {
    const n = r + 1;
    const line: Array<string | number> = [1 + Math.floor(rnd() * 1000), `=A${n}*2`];
    for (let c = 2; c < cols - 1; c++) {
      if (c % 3 === 0) line.push(`${WORDS[Math.floor(rnd() * WORDS.length)]}-${Math.floor(rnd() * 100)}`);
      else if (c % 3 === 1) line.push(Math.floor(rnd() * 10_000));
      else line.push(Math.round(rnd() * 100_000) / 100);
    }
    line.push(`=SUM(A${n}:S${n})`);
    inputs.push(line);
  }
  const csvOf = (keep: (row: number) => boolean) => inputs.map((line, r) => (keep(r) ? line.join(',') : '')).join('\n') + '\n';
  return {
    rows,
    cols,
    inputs,
    csv: csvOf(() => true),
    csvOf,
    tsv: (from, to) => inputs.slice(from, to).map((line) => line.join('\t')).join('\n'),
    a: (row) => inputs[row]![0] as number,
  };
}
