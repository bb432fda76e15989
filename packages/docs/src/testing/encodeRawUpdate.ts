import type * as Y from 'yjs';

/** One binary log item, written by hand so that origins can point anywhere a malicious client likes. */
export type RawBinaryItem = {
  client: number;
  clock: number;
  origin?: Y.ID;
  rightOrigin?: Y.ID;
  /** Root type name, written only when there is neither origin nor rightOrigin. */
  parent?: string;
  parentSub?: string;
  content: Uint8Array;
};

function varUint(out: number[], n: number): void {
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
}

function varBytes(out: number[], bytes: Uint8Array): void {
  varUint(out, bytes.length);
  for (const b of bytes) out.push(b);
}

/**
 * A Yjs V1 update holding the given ContentBinary items (one client group per
 * client, clocks consecutive within a client) and an empty delete set. It is
 * what Yjs itself would write for such items; Yjs's API cannot make some of them.
 */
export function encodeRawUpdateV1(items: readonly RawBinaryItem[]): Uint8Array {
  const byClient = new Map<number, RawBinaryItem[]>();
  for (const item of items) byClient.set(item.client, [...(byClient.get(item.client) ?? []), item]);
  const out: number[] = [];
  varUint(out, byClient.size);
  for (const [client, group] of byClient) {
    group.forEach((item, i) => {
      if (item.clock !== group[0]!.clock + i) throw new RangeError('clocks of one client must be consecutive');
    });
    varUint(out, group.length);
    varUint(out, client);
    varUint(out, group[0]!.clock);
    for (const item of group) {
      const info = 3 | (item.origin ? 0x80 : 0) | (item.rightOrigin ? 0x40 : 0) | (item.parentSub !== undefined ? 0x20 : 0);
      out.push(info);
      if (item.origin) (varUint(out, item.origin.client), varUint(out, item.origin.clock));
      if (item.rightOrigin) (varUint(out, item.rightOrigin.client), varUint(out, item.rightOrigin.clock));
      if (!item.origin && !item.rightOrigin) {
        varUint(out, 1); // parent is a root type, named by its key
        varBytes(out, new TextEncoder().encode(item.parent ?? 'log'));
        if (item.parentSub !== undefined) varBytes(out, new TextEncoder().encode(item.parentSub));
      }
      varBytes(out, item.content);
    }
  }
  varUint(out, 0); // delete set: no clients
  return Uint8Array.from(out);
}
