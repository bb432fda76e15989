type Value = string | number | boolean | null;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const rank = (v: Value) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3);

/**
 * The row order for sorting by one column: rows before `keep` stay on top
 * (headers), numbers come before text, empty cells always last, ties keep
 * their order.
 */
export function sortOrder(values: readonly Value[], keep: number, descending: boolean): number[] {
  const head = values.slice(0, keep).map((_, i) => i);
  const body = values.map((v, i) => ({ v: v === '' ? null : v, i })).slice(keep);
  body.sort((a, b) => {
    const ra = rank(a.v);
    const rb = rank(b.v);
    if (ra === 3 || rb === 3) return ra - rb || a.i - b.i;
    let d = ra - rb;
    if (d === 0) {
      if (typeof a.v === 'number' && typeof b.v === 'number') d = a.v - b.v;
      else d = collator.compare(String(a.v), String(b.v));
    }
    return (descending ? -d : d) || a.i - b.i;
  });
  return [...head, ...body.map((x) => x.i)];
}
