import { ApiError } from './ApiError.ts';
import type { Services } from './Services.ts';

/** @throws ApiError RATE_LIMITED when the bucket is spent. */
export async function rateLimit(services: Services, bucket: string, limit: number, windowMs: number): Promise<void> {
  const r = await services.storage.rateLimits.consume(bucket, { limit, windowMs, now: services.now() });
  if (!r.allowed) {
    const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
    const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    throw new ApiError(429, 'RATE_LIMITED', `Too many attempts. Try again in ${wait}.`, seconds);
  }
}
