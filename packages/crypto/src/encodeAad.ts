import { assertInitialised } from './assertInitialised.ts';
import { AAD_FORMAT, type AadFields } from './aadFormat.ts';
import { isDomain, type Domain } from './contexts.ts';
import { CryptoError } from './CryptoError.ts';
import { utf8Encode } from './utf8Encode.ts';

/**
 * Canonical binary encoding of a domain and named fields, used as AEAD
 * associated data, as signed messages and as the body of signed records:
 *
 *   u8 version=1 ‖ u16 len ‖ domain ‖ u16 count ‖
 *   per field, sorted by name: u8 len ‖ name ‖ u8 tag ‖ u32 len ‖ value
 *
 * Integers are u64 big-endian and must be safe non-negative integers.
 * Every envelope sealed, opened, signed or verified encodes one, so it is
 * written in two passes (check and size, then write) into one array.
 * @throws CryptoError('MALFORMED')
 */
export function encodeAad(domain: Domain, fields: AadFields): Uint8Array {
  assertInitialised();
  if (!isDomain(domain)) throw new CryptoError('MALFORMED', 'unknown domain');
  const domainUtf8 = domainBytes(domain);
  const names = Object.keys(fields);
  if (names.length > AAD_FORMAT.maxFields) throw new CryptoError('MALFORMED', 'too many fields');
  if (names.length > 1) names.sort();
  // Pass 1: check each field and size it; non-ASCII strings are encoded here, once.
  const values: Array<Uint8Array | string | number | boolean> = new Array(names.length);
  const tags: number[] = new Array(names.length);
  let size = 1 + 2 + domainUtf8.length + 2;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (!isFieldName(name)) throw new CryptoError('MALFORMED', 'field name');
    const value = fields[name];
    let length: number;
    if (value instanceof Uint8Array) {
      tags[i] = AAD_FORMAT.tags.bytes;
      values[i] = value;
      length = value.length;
    } else if (typeof value === 'string') {
      tags[i] = AAD_FORMAT.tags.string;
      const encoded = isAscii(value) ? value : utf8Encode(value);
      values[i] = encoded;
      length = encoded.length; // an ASCII string's length is its UTF-8 length
    } else if (typeof value === 'boolean') {
      tags[i] = AAD_FORMAT.tags.boolean;
      values[i] = value;
      length = 1;
    } else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
      tags[i] = AAD_FORMAT.tags.u64;
      values[i] = value;
      length = 8;
    } else {
      throw new CryptoError('MALFORMED', 'field value');
    }
    if (length > AAD_FORMAT.maxValueBytes) throw new CryptoError('MALFORMED', 'field too long');
    size += 1 + name.length + 1 + 4 + length;
  }
  // Pass 2: write.
  const out = new Uint8Array(size);
  out[0] = AAD_FORMAT.version;
  let at = writeU16(out, 1, domainUtf8.length);
  out.set(domainUtf8, at);
  at = writeU16(out, at + domainUtf8.length, names.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    out[at++] = name.length;
    at = writeAscii(out, at, name);
    out[at++] = tags[i]!;
    const value = values[i]!;
    if (value instanceof Uint8Array) {
      at = writeU32(out, at, value.length);
      out.set(value, at);
      at += value.length;
    } else if (typeof value === 'string') {
      at = writeAscii(out, writeU32(out, at, value.length), value);
    } else if (typeof value === 'boolean') {
      at = writeU32(out, at, 1);
      out[at++] = value ? 1 : 0;
    } else {
      at = writeU32(out, at, 8);
      // u64 big-endian of a safe integer: the high word is below 2^21.
      at = writeU32(out, at, Math.floor(value / 0x1_0000_0000));
      at = writeU32(out, at, value >>> 0);
    }
  }
  return out;
}

/** Each domain's UTF-8 bytes, encoded once: every envelope opened or verified encodes its domain. */
const encodedDomains = new Map<Domain, Uint8Array>();
function domainBytes(domain: Domain): Uint8Array {
  let bytes = encodedDomains.get(domain);
  if (!bytes) encodedDomains.set(domain, (bytes = utf8Encode(domain)));
  return bytes;
}

/** Field names already checked against AAD_FORMAT.fieldName (a few dozen, all in code). */
const checkedNames = new Set<string>();
function isFieldName(name: string): boolean {
  if (checkedNames.has(name)) return true;
  if (!AAD_FORMAT.fieldName.test(name)) return false;
  if (checkedNames.size < 1024) checkedNames.add(name);
  return true;
}

/** ASCII strings are their own UTF-8 and cannot hold a lone surrogate. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

function writeAscii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return at + text.length;
}

function writeU16(out: Uint8Array, at: number, n: number): number {
  out[at] = n >>> 8;
  out[at + 1] = n & 0xff;
  return at + 2;
}

function writeU32(out: Uint8Array, at: number, n: number): number {
  out[at] = n >>> 24;
  out[at + 1] = (n >>> 16) & 0xff;
  out[at + 2] = (n >>> 8) & 0xff;
  out[at + 3] = n & 0xff;
  return at + 4;
}
