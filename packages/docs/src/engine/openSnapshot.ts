import { CryptoError, DOMAINS, openAead, type SymmetricKey } from '@coffre/crypto';
import { DocError } from '../wire/DocError.ts';
import type { DecodedSnapshot } from '../wire/SnapshotHeader.ts';
import { verifySnapshot } from '../wire/snapshotCodec.ts';
import { unpadUpdate } from './padUpdate.ts';

/** Verifies and decrypts a snapshot; returns the Yjs V2 state. @throws DocError */
export function openSnapshot(snap: DecodedSnapshot, docId: string, keyForEpoch: (epoch: number) => SymmetricKey | undefined): Uint8Array {
  verifySnapshot(snap);
  if (snap.header.docId !== docId) throw new DocError('WRONG_DOCUMENT');
  const key = keyForEpoch(snap.header.epoch);
  if (!key) throw new DocError('UNKNOWN_EPOCH');
  try {
    return unpadUpdate(openAead(key, snap.sealed, DOMAINS.docSnapshot, { header: snap.headerBytes }));
  } catch (e) {
    if (e instanceof CryptoError) throw new DocError('DECRYPT_FAILED', e.code);
    throw e;
  }
}
