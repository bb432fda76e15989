import { describe, expect, it } from 'vitest';
import { safeEventId } from './safeEventId.ts';

describe('safeEventId', () => {
  it('keeps the UIDs calendar programs write', () => {
    for (const uid of ['7kukuqrfedlm2f9t0vr2vq6d3c@google.com', 'F3B2F0E4-6F1A-4C2E-9D65-2C1B0A1E7F00', '040000008200E00074C5B7101A82E00800000000D0B3D1A1', '{9A7F1E2C-0000}', 'x'.repeat(255)]) {
      expect(safeEventId(uid, new Set())).toBe(uid);
    }
  });

  it('makes a new id for UIDs with control characters, too long, taken or missing', () => {
    for (const uid of ['line\nbreak', 'nul\u0000', '', 'x'.repeat(256), 'taken', undefined]) {
      const id = safeEventId(uid, new Set(['taken']));
      expect(id).not.toBe(uid);
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    }
  });
});
