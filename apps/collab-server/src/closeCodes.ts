/** WebSocket close codes shared with the browser client (4000–4999 are application codes). */
export const CLOSE_CODES = {
  /** An update the guard refused; the reason is the DocError code. */
  UPDATE_REFUSED: 4400,
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  MESSAGE_TOO_LARGE: 4413,
  RATE_LIMITED: 4429,
} as const;

/** `coffre:<close code>:<error code>`, the reason string of a per-document close. */
export function closeReason(closeCode: number, errorCode: string): string {
  return `coffre:${closeCode}:${errorCode}`;
}
