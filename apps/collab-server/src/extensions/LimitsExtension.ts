import type { Extension, beforeHandleMessagePayload, onDisconnectPayload } from '@hocuspocus/server';
import { CLOSE_CODES, closeReason } from '../closeCodes.ts';
import type { LogSink } from './LoggingExtension.ts';

/** Per connection: a bucket of messages refilled at a steady rate. Typing at full speed stays far below. */
export const MESSAGE_LIMITS = { BURST_MESSAGES: 400, REFILL_PER_SECOND: 100 } as const;

/** Closes a connection that sends messages faster than any honest client would. */
export class LimitsExtension implements Extension {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: { BURST_MESSAGES: number; REFILL_PER_SECOND: number } = MESSAGE_LIMITS,
    private readonly sink: LogSink = (l) => process.stdout.write(l + '\n'),
    private readonly now: () => number = () => Date.now(),
  ) {}

  async beforeHandleMessage({ socketId, documentName }: beforeHandleMessagePayload): Promise<void> {
    const t = this.now();
    const b = this.buckets.get(socketId) ?? { tokens: this.limits.BURST_MESSAGES, at: t };
    b.tokens = Math.min(this.limits.BURST_MESSAGES, b.tokens + ((t - b.at) / 1000) * this.limits.REFILL_PER_SECOND);
    b.at = t;
    if (b.tokens < 1) {
      this.sink(JSON.stringify({ t: new Date(t).toISOString(), level: 'warn', service: 'collab', event: 'limits.rate', doc: documentName }));
      throw Object.assign(new Error('RATE_LIMITED'), { code: CLOSE_CODES.RATE_LIMITED, reason: closeReason(CLOSE_CODES.RATE_LIMITED, 'RATE_LIMITED') });
    }
    b.tokens -= 1;
    this.buckets.set(socketId, b);
  }

  async onDisconnect({ socketId }: onDisconnectPayload): Promise<void> {
    this.buckets.delete(socketId);
  }
}
