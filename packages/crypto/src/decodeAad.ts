import { AAD_FORMAT } from './aadFormat.ts';
import type { Domain } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { utf8Decode } from './utf8Decode.ts';
import { utf8Encode } from './utf8Encode.ts';

export type AadFieldKind = 'bytes' | 'string' | 'number' | 'boolean';
export type AadSchema = Readonly<Record<string, AadFieldKind>>;
type KindValue<K extends AadFieldKind> = K extends 'bytes'
  ? Uint8Array
  : K extends 'string'
    ? string
    : K extends 'number'
      ? number
      : boolean;
export type AadRecord<S extends AadSchema> = { -readonly [K in keyof S]: KindValue<S[K]> };

const KIND_BY_TAG: ReadonlyMap<number, AadFieldKind> = new Map([
  [AAD_FORMAT.tags.bytes, 'bytes'],
  [AAD_FORMAT.tags.string, 'string'],
  [AAD_FORMAT.tags.u64, 'number'],
  [AAD_FORMAT.tags.boolean, 'boolean'],
]);

/**
 * Strict inverse of encodeAad for records whose fields are known in advance:
 * the domain, the exact field set and each field's type must match, names
 * must be strictly ascending, and nothing may trail. Whatever it accepts,
 * encodeAad re-encodes to the same bytes.
 * @throws CryptoError('MALFORMED')
 */
export function decodeAad<S extends AadSchema>(domain: Domain, bytes: Uint8Array, schema: S): AadRecord<S> {
  const reader = new Reader(bytes);
  if (reader.u8() !== AAD_FORMAT.version) fail('record version');
  const expectedDomain = utf8Encode(domain);
  const domainBytes = reader.take(reader.u16());
  if (!sameBytes(domainBytes, expectedDomain)) fail('record domain');
  const expectedNames = Object.keys(schema).sort();
  if (reader.u16() !== expectedNames.length) fail('field count');
  const out: Record<string, unknown> = Object.create(null);
  for (const expectedName of expectedNames) {
    const name = String.fromCharCode(...reader.take(reader.u8()));
    if (name !== expectedName) fail('field name');
    const kind = KIND_BY_TAG.get(reader.u8());
    if (kind === undefined || kind !== schema[name]) fail('field type');
    out[name] = decodeValue(kind, reader.take(reader.u32()));
  }
  if (!reader.done()) fail('trailing bytes');
  return out as AadRecord<S>;
}

function decodeValue(kind: AadFieldKind, value: Uint8Array): unknown {
  switch (kind) {
    case 'bytes':
      return value.slice();
    case 'string':
      return utf8Decode(value);
    case 'boolean':
      if (value.length !== 1 || (value[0] !== 0 && value[0] !== 1)) fail('boolean');
      return value[0] === 1;
    case 'number': {
      if (value.length !== 8) fail('integer');
      const big = new DataView(value.buffer, value.byteOffset, 8).getBigUint64(0);
      if (big > BigInt(Number.MAX_SAFE_INTEGER)) fail('integer');
      return Number(big);
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function fail(detail: string): never {
  throw new CryptoError('MALFORMED', detail);
}

class Reader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(n: number): number {
    if (this.offset + n > this.bytes.length) fail('record truncated');
    const at = this.offset;
    this.offset += n;
    return at;
  }

  u8(): number {
    return this.view.getUint8(this.need(1));
  }

  u16(): number {
    return this.view.getUint16(this.need(2));
  }

  u32(): number {
    return this.view.getUint32(this.need(4));
  }

  take(n: number): Uint8Array {
    const at = this.need(n);
    return this.bytes.subarray(at, at + n);
  }

  done(): boolean {
    return this.offset === this.bytes.length;
  }
}
