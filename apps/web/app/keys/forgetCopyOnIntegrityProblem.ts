import type { DocErrorCode, EncryptedDocSession } from '@coffre/docs';

/** Integrity events that say nothing forged arrived: a newer key not shared with this device yet, a local change too large. */
const NOT_FORGED: ReadonlySet<DocErrorCode> = new Set<DocErrorCode>(['UNKNOWN_EPOCH', 'CHANGE_TOO_LARGE']);

/**
 * Yjs keeps whatever the server sends, refused or not, so after an integrity
 * problem the device's copy of the envelope document holds the forgery (an
 * unsigned envelope, another document's log, a rolled-back `meta`). Kept,
 * every later open would replay it (a rolled-back `meta` hides the document
 * for good) and sync it back, where the guard refuses it and closes the
 * document. So the copy is forgotten at the first such event: the next open
 * starts again from what the server holds, verified afresh.
 * Returns the function that stops watching.
 */
export function forgetCopyOnIntegrityProblem(session: Pick<EncryptedDocSession, 'onIntegrityError'>, forget: () => unknown): () => void {
  let forgotten = false;
  return session.onIntegrityError((e) => {
    if (forgotten || NOT_FORGED.has(e.code)) return;
    forgotten = true;
    forget();
  });
}
