const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Decimal notation a spreadsheet reads as a number: `-12.5`, `1e3`, `.5`; no thousands separators, no `Infinity`, no hex. */
export function isPlainNumber(text: string): boolean {
  return PLAIN_NUMBER.test(text);
}
