import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { forgetLink, rememberLink, rememberedLinks } from './linkBook.ts';

describe('link book in the root folder document', () => {
  it('remembers, lists, syncs to another replica, and forgets links', () => {
    const a = new Y.Doc();
    const link = { linkId: 'L1', url: 'https://x.example/s#abc', itemId: 'file-1', name: 'report.pdf', createdAt: 5 };
    rememberLink(a, link);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect([...rememberedLinks(b).values()]).toEqual([link]);
    forgetLink(b, 'L1');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(rememberedLinks(a).size).toBe(0);
  });

  it('skips malformed entries instead of half-reading them', () => {
    const d = new Y.Doc();
    const links = d.getMap<unknown>('links');
    links.set('bad1', 'not a map');
    links.set('bad2', new Y.Map<unknown>([['url', 'https://evil.example/'], ['itemId', 'x'], ['name', 'n'], ['createdAt', 1]]));
    rememberLink(d, { linkId: 'ok', url: 'https://x.example/s#abc', itemId: 'i', name: 'n', createdAt: 1 });
    expect([...rememberedLinks(d).keys()]).toEqual(['ok']);
  });
});
