import * as Y from 'yjs';

export type CommentReply = { id: string; authorId: string; author: string; text: string; createdAt: number };
export type CommentThread = { id: string; authorId: string; author: string; text: string; createdAt: number; resolved: boolean; replies: CommentReply[] };

const COMMENTS = 'comments';
export const MAX_COMMENT_CHARS = 10_000;

/** Threads live beside the body, keyed by the id the text's comment mark carries. */
export function commentThreads(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(COMMENTS);
}

export function addCommentThread(doc: Y.Doc, thread: Omit<CommentThread, 'resolved' | 'replies'>): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    commentThreads(doc).set(thread.id, m);
    m.set('authorId', thread.authorId);
    m.set('author', thread.author);
    m.set('text', thread.text.slice(0, MAX_COMMENT_CHARS));
    m.set('createdAt', thread.createdAt);
    m.set('resolved', false);
    m.set('replies', new Y.Array<Y.Map<unknown>>());
  });
}

export function replyToThread(doc: Y.Doc, threadId: string, reply: CommentReply): void {
  const replies = commentThreads(doc).get(threadId)?.get('replies');
  if (!(replies instanceof Y.Array)) return;
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    replies.push([m]);
    m.set('id', reply.id);
    m.set('authorId', reply.authorId);
    m.set('author', reply.author);
    m.set('text', reply.text.slice(0, MAX_COMMENT_CHARS));
    m.set('createdAt', reply.createdAt);
  });
}

export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean): void {
  commentThreads(doc).get(threadId)?.set('resolved', resolved);
}

/** All well-formed threads, oldest first; malformed ones (a buggy or hostile member's) are skipped. */
export function listCommentThreads(doc: Y.Doc): CommentThread[] {
  const out: CommentThread[] = [];
  for (const [id, m] of commentThreads(doc)) {
    const t = { authorId: m.get('authorId'), author: m.get('author'), text: m.get('text'), createdAt: m.get('createdAt'), resolved: m.get('resolved'), replies: m.get('replies') };
    if (typeof t.authorId !== 'string' || typeof t.author !== 'string' || typeof t.text !== 'string' || typeof t.createdAt !== 'number' || typeof t.resolved !== 'boolean' || !(t.replies instanceof Y.Array)) continue;
    const replies: CommentReply[] = [];
    for (const r of t.replies.toArray()) {
      if (!(r instanceof Y.Map)) continue;
      const reply = { id: r.get('id'), authorId: r.get('authorId'), author: r.get('author'), text: r.get('text'), createdAt: r.get('createdAt') };
      if (typeof reply.id === 'string' && typeof reply.authorId === 'string' && typeof reply.author === 'string' && typeof reply.text === 'string' && typeof reply.createdAt === 'number') replies.push(reply as CommentReply);
    }
    out.push({ id, authorId: t.authorId, author: t.author, text: t.text, createdAt: t.createdAt, resolved: t.resolved, replies });
  }
  return out.sort((a, b) => a.createdAt - b.createdAt);
}
