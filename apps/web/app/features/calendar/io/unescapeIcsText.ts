/** RFC 5545 TEXT unescaped, for properties ical.js leaves raw (X-WR-CALNAME and other X- names). */
export function unescapeIcsText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch));
}
