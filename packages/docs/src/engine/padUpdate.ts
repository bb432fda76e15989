import { DocError } from '../wire/DocError.ts';

/** Padding buckets hide exact update sizes: 256 B steps up to 64 KiB, then 4 KiB steps. */
export function paddedLength(n: number): number {
  const withPrefix = n + 4;
  const step = withPrefix <= 64 * 1024 ? 256 : 4096;
  return Math.ceil(withPrefix / step) * step;
}

/** u32 length ‖ update ‖ zeros. */
export function padUpdate(update: Uint8Array): Uint8Array {
  if (update.length === 0) throw new RangeError('nothing to seal');
  const out = new Uint8Array(paddedLength(update.length));
  new DataView(out.buffer).setUint32(0, update.length);
  out.set(update, 4);
  return out;
}

/** @throws DocError ENVELOPE_MALFORMED for a bad length or non-zero padding */
export function unpadUpdate(padded: Uint8Array): Uint8Array {
  if (padded.length < 4) throw new DocError('ENVELOPE_MALFORMED', 'padding');
  const n = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  if (n === 0 || n + 4 > padded.length) throw new DocError('ENVELOPE_MALFORMED', 'padding length');
  for (let i = 4 + n; i < padded.length; i++) if (padded[i] !== 0) throw new DocError('ENVELOPE_MALFORMED', 'padding bytes');
  return padded.slice(4, 4 + n);
}
