import { describe, expect, it } from 'vitest';
import { safeHref } from './safeHref.ts';

describe('safeHref', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['  mailto:ada@example.com ', 'mailto:ada@example.com'],
  ])('keeps %j', (href, expected) => expect(safeHref(href)).toBe(expected));

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '/relative', '#anchor', '', 42, null, undefined])(
    'rejects %j',
    (href) => expect(safeHref(href)).toBeNull(),
  );
});
