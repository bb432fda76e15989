/** Why an envelope or an update was refused. The table is architecture/error-codes.md. */
export type DocErrorCode =
  | 'ENVELOPE_MALFORMED'
  | 'ENVELOPE_TOO_LARGE'
  | 'UNSUPPORTED_VERSION'
  | 'SIGNATURE_INVALID'
  | 'DECRYPT_FAILED'
  | 'WRONG_DOCUMENT'
  | 'UNKNOWN_EPOCH'
  | 'STALE_EPOCH'
  | 'SEQUENCE_BROKEN'
  | 'EQUIVOCATION'
  | 'NOT_A_WRITER'
  | 'FORBIDDEN_WRITE'
  | 'DELETE_REFUSED'
  | 'SNAPSHOT_CONFLICT'
  | 'SNAPSHOT_INVALID'
  | 'ROLLBACK'
  /** A local change larger than ENVELOPE.MAX_CHANGE_BYTES: not sent, and nothing after it is. */
  | 'CHANGE_TOO_LARGE';

export class DocError extends Error {
  constructor(
    readonly code: DocErrorCode,
    /** Ids, clocks, sequence numbers or a reason: never payload bytes. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DocError';
  }
}
