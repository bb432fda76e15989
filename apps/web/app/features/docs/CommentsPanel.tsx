import { useEffect, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { randomBytes, toBase64Url } from '@coffre/crypto';
import { addCommentThread, commentThreads, listCommentThreads, replyToThread, setThreadResolved, type CommentThread } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const newId = () => toBase64Url(randomBytes(12));

/** Comments anchored to text, with replies and resolve; encrypted like the rest of the document. */
export function CommentsPanel({ open, editor, me, readOnly }: { open: OpenDoc; editor: Editor; me: { userId: string; name: string }; readOnly: boolean }) {
  const threads = useThreads(open);
  const [draft, setDraft] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const hasSelection = useEditorState({ editor, selector: ({ editor: e }) => !e.state.selection.empty });

  function handleAdd(e: React.FormEvent) {
    e.preventDefault();
    const text = draft.trim();
    if (!text || editor.state.selection.empty) return;
    const id = newId();
    addCommentThread(open.session.doc, { id, authorId: me.userId, author: me.name, text, createdAt: Date.now() });
    editor.chain().focus().setMark('comment', { commentId: id }).run();
    setDraft('');
  }

  function focusThread(id: string) {
    const el = editor.view.dom.querySelector(`[data-comment-id="${CSS.escape(id)}"]`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  const visible = threads.filter((t) => showResolved || !t.resolved);
  // Resolved threads stop highlighting their text. Ids come from other members, so only safe ones reach CSS.
  const resolvedCss = threads
    .filter((t) => t.resolved && /^[A-Za-z0-9_-]{1,32}$/.test(t.id))
    .map((t) => `.prose [data-comment-id="${t.id}"]{background:none;border-bottom:0}`)
    .join('');
  return (
    <aside className="comments" aria-label="Comments">
      {resolvedCss && <style>{resolvedCss}</style>}
      <h2>Comments</h2>
      {!readOnly && (
        <form onSubmit={handleAdd} className="comment-new">
          <textarea
            aria-label="New comment"
            placeholder={hasSelection ? 'Comment on the selected text…' : 'Select text to comment on it'}
            disabled={!hasSelection}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={2}
          />
          <button type="submit" disabled={!hasSelection || !draft.trim()}>Comment</button>
        </form>
      )}
      <label className="check small">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> Show resolved
      </label>
      {visible.length === 0 && <p className="muted small">No open comments.</p>}
      <ul className="threads">
        {visible.map((t) => (
          <Thread key={t.id} thread={t} open={open} me={me} readOnly={readOnly} onFocus={() => focusThread(t.id)} />
        ))}
      </ul>
    </aside>
  );
}

function Thread({ thread, open, me, readOnly, onFocus }: { thread: CommentThread; open: OpenDoc; me: { userId: string; name: string }; readOnly: boolean; onFocus(): void }) {
  const [reply, setReply] = useState('');
  function handleReply(e: React.FormEvent) {
    e.preventDefault();
    if (!reply.trim()) return;
    replyToThread(open.session.doc, thread.id, { id: newId(), authorId: me.userId, author: me.name, text: reply.trim(), createdAt: Date.now() });
    setReply('');
  }
  return (
    <li className={thread.resolved ? 'thread resolved' : 'thread'} data-testid="comment-thread">
      <button type="button" className="thread-head" onClick={onFocus}>
        <strong>{thread.author}</strong> <span className="muted small">{when(thread.createdAt)}</span>
      </button>
      <p>{thread.text}</p>
      {thread.replies.map((r) => (
        <div key={r.id} className="reply">
          <strong>{r.author}</strong> <span className="muted small">{when(r.createdAt)}</span>
          <p>{r.text}</p>
        </div>
      ))}
      {!readOnly && (
        <>
          {!thread.resolved && (
            <form onSubmit={handleReply} className="reply-form">
              <input aria-label="Reply" placeholder="Reply…" value={reply} onChange={(e) => setReply(e.target.value)} />
            </form>
          )}
          <button type="button" className="ghost small" onClick={() => setThreadResolved(open.session.doc, thread.id, !thread.resolved)}>
            {thread.resolved ? 'Reopen' : 'Resolve'}
          </button>
        </>
      )}
    </li>
  );
}

function useThreads(open: OpenDoc): CommentThread[] {
  const [threads, setThreads] = useState<CommentThread[]>(() => listCommentThreads(open.session.doc));
  useEffect(() => {
    const map = commentThreads(open.session.doc);
    const update = () => setThreads(listCommentThreads(open.session.doc));
    map.observeDeep(update);
    update();
    return () => map.unobserveDeep(update);
  }, [open]);
  return threads;
}
