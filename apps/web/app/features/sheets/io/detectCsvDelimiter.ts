export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

const SAMPLE_RECORDS = 10;
const SAMPLE_CHARS = 64 * 1024;

/**
 * The delimiter of the first records, outside quotes: the one that splits every
 * sampled record into the same number of fields, the most fields winning, then
 * the first of comma, semicolon, tab. Semicolons come from locales that write
 * `1,5`; tabs from copying out of a spreadsheet.
 */
export function detectCsvDelimiter(text: string): CsvDelimiter {
  const perRecord: number[][] = CSV_DELIMITERS.map(() => []);
  let counts = CSV_DELIMITERS.map(() => 0);
  let length = 0;
  let quoted = false;
  const end = Math.min(text.length, SAMPLE_CHARS);
  const endRecord = () => {
    if (length > 0) counts.forEach((n, k) => perRecord[k]!.push(n));
    counts = CSV_DELIMITERS.map(() => 0);
    length = 0;
  };
  let i = 0;
  for (; i < end && perRecord[0]!.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted; // an escaped "" toggles twice
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      endRecord();
      continue;
    } else if (!quoted) {
      const k = (CSV_DELIMITERS as readonly string[]).indexOf(ch);
      if (k >= 0) counts[k]!++;
    }
    length++;
  }
  if (i === text.length) endRecord(); // a record cut off by the sample size would look inconsistent

  let best: CsvDelimiter = ',';
  let bestScore = [0, 0];
  CSV_DELIMITERS.forEach((delimiter, k) => {
    const seen = perRecord[k]!;
    if (seen.length === 0) return;
    const min = Math.min(...seen);
    const score = [seen.every((n) => n === seen[0]) && min > 0 ? 1 : 0, min];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = delimiter;
      bestScore = score;
    }
  });
  return best;
}
