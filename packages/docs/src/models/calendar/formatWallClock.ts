const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Floating milliseconds (see `parseWallClock`) back to `YYYY-MM-DDTHH:mm`, or `YYYY-MM-DD` when `allDay`. */
export function formatWallClock(floating: number, allDay: boolean): string {
  const d = new Date(floating);
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  return allDay ? date : `${date}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
