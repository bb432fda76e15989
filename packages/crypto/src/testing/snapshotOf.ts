/** JSON with byte arrays as hex, to compare an object before and after a call. */
export function snapshotOf(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? `bytes:${Buffer.from(item).toString('hex')}` : item,
  );
}
