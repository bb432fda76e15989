import { fromBase64Url, toBase64Url } from '@coffre/crypto';
import type * as Y from 'yjs';
import { ENVELOPE, ZERO_HASH } from './envelopeLayout.ts';

/** The server-written `meta` map of an envelope document. */
export type EnvelopeMeta = {
  snapshotId: string;
  chainHash: Uint8Array;
  epoch: number;
  /** device key (hex) → last seq the current snapshot includes. */
  covered: Record<string, number>;
};

export const EMPTY_META: EnvelopeMeta = { snapshotId: '', chainHash: ZERO_HASH, epoch: 1, covered: {} };

export function readEnvelopeMeta(doc: Y.Doc): EnvelopeMeta {
  const m = doc.getMap<unknown>(ENVELOPE.META);
  const snapshotId = m.get('snapshotId');
  const chainHash = m.get('chainHash');
  const epoch = m.get('epoch');
  const covered = m.get('covered');
  if (typeof snapshotId !== 'string' || typeof chainHash !== 'string') return { ...EMPTY_META, epoch: typeof epoch === 'number' ? epoch : 1 };
  let parsed: Record<string, number> = {};
  try {
    parsed = typeof covered === 'string' ? (JSON.parse(covered) as Record<string, number>) : {};
  } catch {
    parsed = {};
  }
  return { snapshotId, chainHash: fromBase64Url(chainHash), epoch: typeof epoch === 'number' ? epoch : 1, covered: parsed };
}

/** Server only: clients' writes to meta are refused by the guard. */
export function writeEnvelopeMeta(doc: Y.Doc, meta: EnvelopeMeta): void {
  const m = doc.getMap<unknown>(ENVELOPE.META);
  m.set('snapshotId', meta.snapshotId);
  m.set('chainHash', toBase64Url(meta.chainHash));
  m.set('epoch', meta.epoch);
  m.set('covered', JSON.stringify(meta.covered));
}
