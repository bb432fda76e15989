import { ENTRY_KINDS, type EntryKind, type FileVersionInfo, type FolderEntry } from './FolderEntry.ts';

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** 32 bytes, base64url without padding: a version's key, or its plaintext digest. */
const BYTES_32 = /^[A-Za-z0-9_-]{43}$/;
// The envelope header carries the key epoch as a u32.
const MAX_EPOCH = 0xffff_ffff;
const ROLES: readonly unknown[] = ['viewer', 'editor', 'admin'];
/** A wrapped 32-byte key is well under this (nonce, commitment, tag), in base64url. */
const MAX_WRAPPED_KEY_CHARS = 256;

/**
 * Builds an entry from raw field values, or returns null if any field is missing,
 * of the wrong type or out of range. One parser serves the reader (content any
 * member may have written) and the writers, so nothing is written that would
 * not read back. An optional field that is present but invalid rejects the whole
 * entry: an unknown role read as "no role" would look like full ownership.
 * Never throws.
 */
export function parseFolderEntry(id: string, get: (field: string) => unknown, versions: readonly unknown[] | null): FolderEntry | null {
  const kind = get('kind');
  const title = get('title');
  const key = get('key');
  const epoch = get('epoch');
  const created = get('created');
  const modified = get('modified');
  if (!isKind(kind) || typeof title !== 'string' || typeof key !== 'string' || !BASE64URL.test(key)) return null;
  if (!Number.isInteger(epoch) || (epoch as number) < 0 || (epoch as number) > MAX_EPOCH || !isTime(created) || !isTime(modified)) return null;
  const base = { id, title, key, epoch: epoch as number, created, modified };

  const role = get('role');
  const sharedBy = get('sharedBy');
  const trashedAt = get('trashedAt');
  const writer = get('writer');
  const writeKey = get('writeKey');
  if (role !== undefined && !ROLES.includes(role)) return null;
  if (sharedBy !== undefined && typeof sharedBy !== 'string') return null;
  if (trashedAt !== undefined && !isTime(trashedAt)) return null;
  // A write key only with the writer it belongs to, and neither on a file (ADR 0016).
  if (writer !== undefined && (kind === 'file' || typeof writer !== 'string' || !BYTES_32.test(writer))) return null;
  if (writeKey !== undefined && (writer === undefined || typeof writeKey !== 'string' || !BASE64URL.test(writeKey) || writeKey.length > MAX_WRAPPED_KEY_CHARS)) return null;
  const optional = {
    ...(role !== undefined && { role: role as 'viewer' | 'editor' | 'admin' }),
    ...(sharedBy !== undefined && { sharedBy }),
    ...(trashedAt !== undefined && { trashedAt }),
    ...(writer !== undefined && { writer: writer as string }),
    ...(writeKey !== undefined && { writeKey: writeKey as string }),
  };
  if (kind !== 'file') return { kind, ...base, ...optional };

  const mime = get('mime');
  const size = get('size');
  const thumbnail = get('thumbnail');
  if (typeof mime !== 'string' || !isCount(size) || (thumbnail !== undefined && typeof thumbnail !== 'string')) return null;
  if (versions === null || versions.length === 0) return null;
  const parsed: FileVersionInfo[] = [];
  for (const v of versions) {
    const info = parseFileVersion(v);
    if (!info) return null;
    parsed.push(info);
  }
  // Stable, so peers that raced to append the same version number agree on the
  // current one: the later in the (convergent) array order.
  parsed.sort((a, b) => a.version - b.version);
  const current = parsed[parsed.length - 1]!;
  // `size` is read from the current version rather than the stored field, which
  // concurrent uploads can leave pointing at the losing version.
  return { kind, ...base, ...optional, mime, size: current.size, versions: parsed, ...(thumbnail !== undefined && { thumbnail }) };
}

/** A fresh copy holding only the known fields, or null. Never throws. */
export function parseFileVersion(value: unknown): FileVersionInfo | null {
  // Only plain records: not arrays, bytes, Yjs types, or an object whose
  // prototype a decoded `__proto__` key replaced.
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return null;
  const { version, size, sealedSize, chunkCount, created, uploadedBy, key, digest } = value as Record<string, unknown>;
  if (!isCount(version) || version < 1 || !isCount(size) || !isCount(sealedSize) || !isCount(chunkCount) || !isTime(created) || typeof uploadedBy !== 'string') return null;
  if (key !== undefined && (typeof key !== 'string' || !BYTES_32.test(key))) return null;
  // A digest that is there but malformed makes the entry unreadable: read as "no digest", it would switch the check off.
  if (digest !== undefined && (typeof digest !== 'string' || !BYTES_32.test(digest))) return null;
  return { version, size, sealedSize, chunkCount, created, uploadedBy, ...(key !== undefined && { key }), ...(digest !== undefined && { digest }) };
}

function isKind(value: unknown): value is EntryKind {
  return (ENTRY_KINDS as readonly unknown[]).includes(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}
