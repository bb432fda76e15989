import type { RateLimitDecision, RateLimitRule, RateLimitStore } from '../interfaces/RateLimitStore.ts';
import type { SqlRunner } from './SqlRunner.ts';

interface BucketRow {
  window_end: number;
  count: number;
}

export class SqliteRateLimitStore implements RateLimitStore {
  readonly #sql: SqlRunner;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async consume(bucket: string, { limit, windowMs, now }: RateLimitRule): Promise<RateLimitDecision> {
    if (!(limit >= 0) || !(windowMs > 0)) throw new RangeError('rate limit needs limit >= 0 and windowMs > 0');
    return this.#sql.run((conn) =>
      conn.atomic(() => {
        const row = conn.prepare('SELECT window_end, count FROM rate_limits WHERE bucket = ?').get(bucket) as
          | BucketRow
          | undefined;
        if (!row || now >= row.window_end) {
          if (limit < 1) return { allowed: false, remaining: 0, retryAfterMs: windowMs };
          conn
            .prepare(
              `INSERT INTO rate_limits (bucket, window_start, window_end, count) VALUES (?, ?, ?, 1)
               ON CONFLICT (bucket) DO UPDATE SET
                 window_start = excluded.window_start, window_end = excluded.window_end, count = 1`,
            )
            .run(bucket, now, now + windowMs);
          return { allowed: true, remaining: limit - 1, retryAfterMs: 0 };
        }
        if (row.count >= limit) {
          return { allowed: false, remaining: 0, retryAfterMs: row.window_end - now };
        }
        conn.prepare('UPDATE rate_limits SET count = count + 1 WHERE bucket = ?').run(bucket);
        return { allowed: true, remaining: limit - row.count - 1, retryAfterMs: 0 };
      }),
    );
  }

  async reset(bucket: string): Promise<void> {
    await this.#sql.run((conn) => conn.prepare('DELETE FROM rate_limits WHERE bucket = ?').run(bucket));
  }

  async purge(now: number): Promise<number> {
    return this.#sql.run((conn) => conn.prepare('DELETE FROM rate_limits WHERE window_end <= ?').run(now).changes);
  }
}
