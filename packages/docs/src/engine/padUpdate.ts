import { DocError } from '../wire/DocError.ts';

/** Padding buckets hide exact update sizes: 256 B steps up to 64 KiB, then 4 KiB steps. */
export function paddedLength(n: number): number {
  const withPrefix = n + 4;
  const step = withPrefix <= 64 * 1024 ? 256 : 4096;
  return Math.ceil(withPrefix / step) * step;
}

/** Bit 31 of the length word: this is one part of a change, and its next part is the device's next envelope. */
const MORE = 0x8000_0000;
const LENGTH = 0x7fff_ffff;

/**
 * u32 (more ‖ length) ‖ update ‖ zeros. The flag lives inside the
 * ciphertext, so the server never learns which envelopes belong together.
 */
export function padUpdate(update: Uint8Array, opts: { more?: boolean } = {}): Uint8Array {
  if (update.length === 0) throw new RangeError('nothing to seal');
  if (update.length > LENGTH) throw new RangeError('update too long');
  const out = new Uint8Array(paddedLength(update.length));
  new DataView(out.buffer).setUint32(0, (update.length | (opts.more ? MORE : 0)) >>> 0);
  out.set(update, 4);
  return out;
}

/** @throws DocError ENVELOPE_MALFORMED for a bad length or non-zero padding */
export function unpadPart(padded: Uint8Array): { update: Uint8Array; more: boolean } {
  if (padded.length < 4) throw new DocError('ENVELOPE_MALFORMED', 'padding');
  const word = new DataView(padded.buffer, padded.byteOffset, padded.byteLength).getUint32(0);
  const n = word & LENGTH;
  if (n === 0 || n + 4 > padded.length) throw new DocError('ENVELOPE_MALFORMED', 'padding length');
  for (let i = 4 + n; i < padded.length; i++) if (padded[i] !== 0) throw new DocError('ENVELOPE_MALFORMED', 'padding bytes');
  return { update: padded.slice(4, 4 + n), more: (word & MORE) !== 0 };
}

/** A whole payload (snapshot state, presence): a part marked "more" is refused. @throws DocError ENVELOPE_MALFORMED */
export function unpadUpdate(padded: Uint8Array): Uint8Array {
  const part = unpadPart(padded);
  if (part.more) throw new DocError('ENVELOPE_MALFORMED', 'a part where a whole payload belongs');
  return part.update;
}
