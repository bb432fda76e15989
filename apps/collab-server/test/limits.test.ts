import { describe, expect, it } from 'vitest';
import type { beforeHandleMessagePayload } from '@hocuspocus/server';
import { LimitsExtension } from '../src/extensions/LimitsExtension.ts';

const msg = (socketId: string) => ({ socketId, documentName: 'd' }) as unknown as beforeHandleMessagePayload;

describe('per-connection message rate limit', () => {
  it('allows a burst, refuses past it with the rate-limit close code, and refills over time', async () => {
    let now = 0;
    const lines: string[] = [];
    const ext = new LimitsExtension({ BURST_MESSAGES: 5, REFILL_PER_SECOND: 2 }, (l) => lines.push(l), () => now);
    for (let i = 0; i < 5; i++) await ext.beforeHandleMessage(msg('a'));
    await expect(ext.beforeHandleMessage(msg('a'))).rejects.toMatchObject({ code: 4429, reason: 'coffre:4429:RATE_LIMITED' });
    await ext.beforeHandleMessage(msg('b')); // other connections are unaffected
    now += 1000; // two tokens back
    await ext.beforeHandleMessage(msg('a'));
    await ext.beforeHandleMessage(msg('a'));
    await expect(ext.beforeHandleMessage(msg('a'))).rejects.toMatchObject({ code: 4429 });
    expect(lines.every((l) => !l.includes('payload'))).toBe(true);
    expect(lines).toHaveLength(2);
  });
});
