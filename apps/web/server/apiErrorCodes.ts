/** Every code the HTTP API returns; the table with meanings is architecture/error-codes.md. */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'CSRF_REJECTED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'LOGIN_EXPIRED',
  'RATE_LIMITED',
  'USERNAME_INVALID',
  'USERNAME_TAKEN',
  'BUNDLE_INVALID',
  'RECENT_AUTH_REQUIRED',
  'RECOVERY_FAILED',
  'NOT_FOUND',
  'DOC_EXISTS',
  'FORBIDDEN',
  'MEMBERS_CHANGED',
  'PAYLOAD_TOO_LARGE',
  'QUOTA_EXCEEDED',
  'VERSION_EXISTS',
  'UPLOAD_INCOMPLETE',
  'UPLOAD_CLOSED',
  'INTERNAL',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
