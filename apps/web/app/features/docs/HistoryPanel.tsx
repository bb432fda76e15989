import { useRef, useState } from 'react';
import { EditorContent, ReactNodeViewRenderer, useEditor, type Editor, type JSONContent } from '@tiptap/react';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { TEXT_DOC, setTextDocTitle, textDocTitle, type Version } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { EncryptedImageView } from './images/EncryptedImageView.tsx';
import { editorExtensions } from './io/editorExtensions.ts';

type Preview = { version: Version; title: string; content: JSONContent };

const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Version history: every snapshot is a version. Previews are fetched,
 * verified and decrypted in the browser; restoring applies the old content
 * as a new change, after saving the current state as a version.
 */
export function HistoryPanel({ open, editor, readOnly }: { open: OpenDoc; editor: Editor; readOnly: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [versions, setVersions] = useState<Version[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    try {
      setVersions((await open.connection.history.listVersions()).sort((a, b) => b.createdAt - a.createdAt));
    } catch (e) {
      setStatus({ ok: false, text: errorMessage(e) });
    }
  }

  async function handleOpen() {
    dialog.current?.showModal();
    setPreview(null);
    setStatus(null);
    await load();
  }

  async function handleSave() {
    setBusy(true);
    const ok = await open.connection.history.snapshotNow();
    setStatus(ok ? { ok: true, text: 'Version saved.' } : { ok: false, text: 'Nothing new to save, or the server is busy. Try again in a moment.' });
    await load();
    setBusy(false);
  }

  async function handlePreview(version: Version) {
    setStatus(null);
    try {
      const { doc } = open.session.readSnapshot(await open.connection.history.fetchSnapshot(version.id));
      setPreview({ version, title: textDocTitle(doc).toString(), content: yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(TEXT_DOC.BODY)) as JSONContent });
      doc.destroy();
    } catch {
      setStatus({ ok: false, text: 'That version failed its integrity check and was not shown.' });
    }
  }

  async function handleRestore() {
    if (!preview) return;
    setBusy(true);
    await open.connection.history.snapshotNow(); // the current text stays in the history
    editor.commands.setContent(preview.content);
    setTextDocTitle(open.session.doc, preview.title);
    setStatus({ ok: true, text: `Restored the version of ${when(preview.version.createdAt)}. The text it replaced is kept as a version.` });
    setPreview(null);
    setBusy(false);
    await load();
  }

  return (
    <>
      <button type="button" className="secondary" onClick={handleOpen}>History</button>
      <dialog ref={dialog} className="dialog history" aria-labelledby="history-title">
        <h2 id="history-title">Version history</h2>
        {status && <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'success' : 'error'}>{status.text}</p>}
        <div className="history-body">
          <ul className="versions" aria-label="Versions">
            {!readOnly && (
              <li>
                <button type="button" className="secondary" disabled={busy} onClick={handleSave}>Save a version now</button>
              </li>
            )}
            {versions === null ? <li className="muted">Loading…</li> : versions.length === 0 ? <li className="muted">No versions yet.</li> : null}
            {versions?.map((v) => (
              <li key={v.id}>
                <button type="button" className={preview?.version.id === v.id ? 'version on' : 'version'} onClick={() => handlePreview(v)}>
                  <strong>{when(v.createdAt)}</strong>
                  <span className="muted small">{v.author}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="version-preview">
            {preview ? (
              <>
                <h3>{preview.title || 'Untitled document'}</h3>
                <PreviewBody content={preview.content} />
                {!readOnly && (
                  <button type="button" disabled={busy} onClick={handleRestore}>Restore this version</button>
                )}
              </>
            ) : (
              <p className="muted">Choose a version to preview it.</p>
            )}
          </div>
        </div>
        <form method="dialog">
          <button type="submit" className="secondary">Close</button>
        </form>
      </dialog>
    </>
  );
}

function PreviewBody({ content }: { content: JSONContent }) {
  const editor = useEditor({ immediatelyRender: false, editable: false, extensions: editorExtensions({ imageView: ReactNodeViewRenderer(EncryptedImageView) }), content, editorProps: { attributes: { class: 'prose', 'aria-label': 'Version preview' } } }, [content]);
  return <EditorContent editor={editor} className="preview-body" />;
}
