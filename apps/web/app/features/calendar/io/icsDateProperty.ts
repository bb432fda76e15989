/**
 * A DTSTART-like property line for model times `values`: `;VALUE=DATE` with
 * `YYYYMMDD` when `allDay`, else local times with `;TZID=` the event's zone.
 * A value of the other kind is cut or given midnight, so the line is valid.
 */
export function icsDateProperty(name: string, values: readonly string[], allDay: boolean, timeZone: string): string {
  const date = (v: string) => v.slice(0, 10).replaceAll('-', '');
  if (allDay) return `${name};VALUE=DATE:${values.map(date).join(',')}`;
  const time = (v: string) => (v.length > 10 ? `${v.slice(11, 13)}${v.slice(14, 16)}00` : '000000');
  return `${name};TZID=${tzidParameter(timeZone)}:${values.map((v) => `${date(v)}T${time(v)}`).join(',')}`;
}

/** IANA names need no quotes; anything else with `;`, `:` or `,` does (RFC 5545 §3.2). */
function tzidParameter(zone: string): string {
  const value = zone.replace(/["\r\n]/g, '');
  return /[;:,]/.test(value) ? `"${value}"` : value;
}
