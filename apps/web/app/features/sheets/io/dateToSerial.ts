const MS_PER_DAY = 86_400_000;
/** Serial number of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** exceljs keeps milliseconds; rounding to 1e-10 days (9 µs) gives back the decimal a person typed. */
const SERIAL_PRECISION = 1e10;

/** A date as a spreadsheet serial number, days since 1899-12-30 (the 1900 system, as the model and HyperFormula use). */
export function dateToSerial(date: Date): number {
  return Math.round((date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL) * SERIAL_PRECISION) / SERIAL_PRECISION;
}
