import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCommentThread, commentThreads, listCommentThreads, replyToThread, setThreadResolved } from './commentsModel.ts';

const base = { id: 'c1', authorId: 'u1', author: 'alice', text: 'Is this right?', createdAt: 1 };

describe('comment threads', () => {
  it('adds threads, replies from two peers merge, resolve toggles', () => {
    const a = new Y.Doc();
    addCommentThread(a, base);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replyToThread(a, 'c1', { id: 'r1', authorId: 'u1', author: 'alice', text: 'I think so', createdAt: 2 });
    replyToThread(b, 'c1', { id: 'r2', authorId: 'u2', author: 'bob', text: 'Checked: yes', createdAt: 3 });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const [thread] = listCommentThreads(a);
    expect(thread!.replies.map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(listCommentThreads(b)).toEqual(listCommentThreads(a));
    setThreadResolved(b, 'c1', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(listCommentThreads(a)[0]!.resolved).toBe(true);
  });

  it('skips malformed threads instead of showing half of them', () => {
    const d = new Y.Doc();
    const m = new Y.Map<unknown>();
    commentThreads(d).set('bad', m);
    m.set('text', 42);
    addCommentThread(d, base);
    expect(listCommentThreads(d).map((t) => t.id)).toEqual(['c1']);
  });
});
