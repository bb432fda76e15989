export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
  now: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise how long until the window resets. */
  retryAfterMs: number;
}

/**
 * Fixed-window counters. A window opens at the first request after the previous one ended;
 * refused requests do not count. Each `consume` is atomic, also across processes.
 */
export interface RateLimitStore {
  consume(bucket: string, rule: RateLimitRule): Promise<RateLimitDecision>;
  reset(bucket: string): Promise<void>;
  /** Drops buckets whose window ended before `now`; resolves to how many. */
  purge(now: number): Promise<number>;
}
