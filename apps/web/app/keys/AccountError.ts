export type AccountErrorCode =
  | 'WRONG_CREDENTIALS'
  | 'KEY_INTEGRITY'
  | 'SERVER_KEY_CHANGED'
  | 'RECOVERY_KEY_INVALID'
  | 'LOCKED'
  | 'CONTACT_KEY_CHANGED'
  /** Edit rights asked for an item whose write key this tab does not hold (ADR 0016). */
  | 'CANNOT_GRANT_WRITE';

/** A failed account operation with a message fit to show as it is. */
export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}
