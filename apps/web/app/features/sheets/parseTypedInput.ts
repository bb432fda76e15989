import type { CellInput } from '@coffre/docs';
import { csvFieldValue } from './io/csvFieldValue.ts';

/**
 * What a person typed, as a cell input, read as a CSV field is: plain numbers
 * become numbers (so exports keep their type), but not ones a spreadsheet
 * keeps as text (`007`, IDs too long to be exact); TRUE and FALSE become
 * booleans. Everything else, formulas included, stays text as typed.
 */
export function parseTypedInput(text: unknown): CellInput {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number' || typeof text === 'boolean') return text;
  const s = String(text);
  if (s.trim() === '') return null;
  const v = csvFieldValue(s.trim());
  return typeof v === 'string' ? s : v;
}
