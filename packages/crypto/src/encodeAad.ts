import { assertInitialised } from './assertInitialised.ts';
import { AAD_FORMAT, type AadFields } from './aadFormat.ts';
import { concatBytes } from './concatBytes.ts';
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
 * @throws CryptoError('MALFORMED')
 */
export function encodeAad(domain: Domain, fields: AadFields): Uint8Array {
  assertInitialised();
  if (!isDomain(domain)) throw new CryptoError('MALFORMED', 'unknown domain');
  const names = Object.keys(fields).sort();
  if (names.length > AAD_FORMAT.maxFields) throw new CryptoError('MALFORMED', 'too many fields');
  const parts: Uint8Array[] = [header(domainBytes(domain), names.length)];
  for (const name of names) {
    if (!AAD_FORMAT.fieldName.test(name)) throw new CryptoError('MALFORMED', 'field name');
    parts.push(encodeField(name, fields[name]));
  }
  return parts.length === 1 ? parts[0]! : concatBytes(...parts);
}

/** Each domain's UTF-8 bytes, encoded once: every envelope opened or verified encodes its domain. */
const encodedDomains = new Map<Domain, Uint8Array>();
function domainBytes(domain: Domain): Uint8Array {
  let bytes = encodedDomains.get(domain);
  if (!bytes) encodedDomains.set(domain, (bytes = utf8Encode(domain)));
  return bytes;
}

function header(domain: Uint8Array, count: number): Uint8Array {
  const out = new Uint8Array(1 + 2 + domain.length + 2);
  const view = new DataView(out.buffer);
  out[0] = AAD_FORMAT.version;
  view.setUint16(1, domain.length);
  out.set(domain, 3);
  view.setUint16(3 + domain.length, count);
  return out;
}

function encodeField(name: string, value: AadFields[string] | undefined): Uint8Array {
  const [tag, bytes] = encodeValue(value);
  if (bytes.length > AAD_FORMAT.maxValueBytes) throw new CryptoError('MALFORMED', 'field too long');
  const out = new Uint8Array(1 + name.length + 1 + 4 + bytes.length);
  const view = new DataView(out.buffer);
  out[0] = name.length;
  for (let i = 0; i < name.length; i++) out[1 + i] = name.charCodeAt(i);
  out[1 + name.length] = tag;
  view.setUint32(2 + name.length, bytes.length);
  out.set(bytes, 6 + name.length);
  return out;
}

function encodeValue(value: AadFields[string] | undefined): [number, Uint8Array] {
  if (value instanceof Uint8Array) return [AAD_FORMAT.tags.bytes, value];
  if (typeof value === 'string') return [AAD_FORMAT.tags.string, utf8Encode(value)];
  if (typeof value === 'boolean') return [AAD_FORMAT.tags.boolean, Uint8Array.of(value ? 1 : 0)];
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(value));
    return [AAD_FORMAT.tags.u64, out];
  }
  throw new CryptoError('MALFORMED', 'field value');
}
