import type { CellInput } from '@coffre/docs';
import { isPlainNumber } from './isPlainNumber.ts';

/** Beyond 15 digits a double no longer holds every digit: such fields are IDs or card numbers, not quantities. */
const MAX_INTEGER_DIGITS = 15;

/**
 * What a CSV field becomes in a cell. Plain decimal numbers become numbers,
 * except where that would lose what was written: a leading zero (`007`, ZIP
 * codes), a leading `+` (phone numbers), more than 15 integer digits. TRUE and
 * FALSE in any case become booleans. Everything else stays text, including a
 * leading '=', which makes the cell a formula as the file's author meant.
 */
export function csvFieldValue(field: string): CellInput {
  if (field === '') return null;
  const upper = field.toUpperCase();
  if (upper === 'TRUE') return true;
  if (upper === 'FALSE') return false;
  if (!isPlainNumber(field) || field.startsWith('+')) return field;
  const integerDigits = /^-?(\d*)/.exec(field)![1]!;
  if (integerDigits.length > 1 && integerDigits.startsWith('0')) return field;
  if (integerDigits.length > MAX_INTEGER_DIGITS) return field;
  const value = Number(field);
  if (!Number.isFinite(value)) return field;
  return value === 0 ? 0 : value; // no -0
}
