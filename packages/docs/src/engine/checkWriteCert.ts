import { CryptoError, asSigningPublicKey, verifyWriteCert } from '@coffre/crypto';
import { bytesKey } from '../wire/bytesKey.ts';
import { DocError } from '../wire/DocError.ts';
import type { CommonHeader } from '../wire/writeCommonHeader.ts';

/** Certificates verified so far (bounded): each session repeats its certificate in every envelope. */
const verified = new Set<string>();
const MAX_CACHED = 10_000;

/**
 * Checks that the item's write key certified the envelope's device for this
 * document and epoch. `writePublicKey` undefined: the epoch predates write
 * keys, and any holder of its key may write (ADR 0016).
 * @throws DocError NOT_A_WRITER
 */
export function checkWriteCert(h: CommonHeader, writePublicKey: Uint8Array | undefined): void {
  if (!writePublicKey) return;
  if (h.writeCert.length === 0) throw new DocError('NOT_A_WRITER', 'no write certificate');
  // Keys and certificate have fixed lengths (checked when decoded), then the epoch, then the document id: unambiguous.
  const id = `${bytesKey(writePublicKey, h.deviceKey, h.writeCert)}${h.epoch}:${h.docId}`;
  if (verified.has(id)) return;
  try {
    verifyWriteCert(asSigningPublicKey(writePublicKey), { docId: h.docId, epoch: h.epoch, deviceKey: h.deviceKey }, h.writeCert);
  } catch (e) {
    if (e instanceof CryptoError) throw new DocError('NOT_A_WRITER', 'write certificate');
    throw e;
  }
  if (verified.size >= MAX_CACHED) verified.clear();
  verified.add(id);
}
