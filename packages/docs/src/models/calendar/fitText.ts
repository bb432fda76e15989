/** A peer's text cut to `max` code points (never inside a surrogate pair); anything but a string reads as ''. */
export function fitText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return value.length <= max ? value : [...value.slice(0, 2 * max)].slice(0, max).join('');
}
