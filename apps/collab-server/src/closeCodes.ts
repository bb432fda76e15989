/** WebSocket close codes shared with the browser client (4000–4999 are application codes). */
export const CLOSE_CODES = {
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
  MESSAGE_TOO_LARGE: 4413,
  RATE_LIMITED: 4429,
} as const;
