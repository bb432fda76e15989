import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MAX_RECENT, listRecent, recordRecent } from './recentBook.ts';

const id = (n: number) => `item-${String(n).padStart(12, '0')}`;

describe('recent items in the root folder document', () => {
  it('lists newest first, moves a reopened item to the top, and keeps at most MAX_RECENT', () => {
    const d = new Y.Doc();
    recordRecent(d, { id: id(1), kind: 'doc', title: 'One', pathIds: [], openedAt: 1 });
    recordRecent(d, { id: id(2), kind: 'file', title: 'Two', pathIds: [id(90), id(91)], openedAt: 2 });
    recordRecent(d, { id: id(1), kind: 'doc', title: 'One renamed', pathIds: [], openedAt: 3 });
    expect(listRecent(d).map((r) => [r.title, r.pathIds.length])).toEqual([['One renamed', 0], ['Two', 2]]);
    for (let n = 10; n < 10 + MAX_RECENT + 5; n++) recordRecent(d, { id: id(n), kind: 'doc', title: `D${n}`, pathIds: [], openedAt: n * 10 });
    const all = listRecent(d);
    expect(all).toHaveLength(MAX_RECENT);
    expect(all[0]!.title).toBe(`D${10 + MAX_RECENT + 4}`);
  });

  it('skips entries with a bad kind, id or path', () => {
    const d = new Y.Doc();
    const m = d.getMap<unknown>('recent');
    m.set(id(1), new Y.Map<unknown>([['kind', 'folder'], ['title', 'x'], ['path', ''], ['openedAt', 1]]));
    m.set('../../etc', new Y.Map<unknown>([['kind', 'doc'], ['title', 'x'], ['path', ''], ['openedAt', 1]]));
    m.set(id(2), new Y.Map<unknown>([['kind', 'doc'], ['title', 'x'], ['path', '..'], ['openedAt', 1]]));
    recordRecent(d, { id: id(3), kind: 'doc', title: 'ok', pathIds: [], openedAt: 2 });
    expect(listRecent(d).map((r) => r.id)).toEqual([id(3)]);
  });
});
