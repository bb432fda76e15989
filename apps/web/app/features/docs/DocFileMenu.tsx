import { useRef, useState } from 'react';
import type { Editor, JSONContent } from '@tiptap/react';
import { setTextDocTitle, textDocTitle } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { downloadBytes, safeFileName } from './downloadBytes.ts';

/**
 * Export (Markdown, HTML, DOCX), import (Markdown, DOCX) and print. Everything
 * happens in this tab: the plaintext never goes to the server. An import
 * first saves the current text as a version, then replaces it in one change.
 */
export function DocFileMenu({ open, editor, readOnly }: { open: OpenDoc; editor: Editor; readOnly: boolean }) {
  const [menu, setMenu] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const title = () => textDocTitle(open.session.doc).toString() || 'Untitled document';

  async function handleExport(kind: 'md' | 'html' | 'docx') {
    setMenu(false);
    const doc = editor.getJSON();
    if (kind === 'md') {
      const { exportMarkdown } = await import('./io/exportMarkdown.ts');
      downloadBytes(new TextEncoder().encode(exportMarkdown(doc, { title: title() })), `${safeFileName(title())}.md`, 'text/markdown');
      return;
    }
    // Images are decrypted here, in this tab, and embedded; one that cannot be had becomes a marker.
    const { collectImageBytes } = await import('./io/collectImageBytes.ts');
    const { imageBytesForExport } = await import('./images/imageBytesForExport.client.ts');
    const images = await collectImageBytes(doc, imageBytesForExport(kind));
    if (kind === 'html') {
      const { exportHtml } = await import('./io/exportHtml.ts');
      downloadBytes(new TextEncoder().encode(exportHtml(doc, { title: title(), images })), `${safeFileName(title())}.html`, 'text/html');
    } else {
      const { exportDocx, DOCX_MIME_TYPE } = await import('./io/exportDocx.ts');
      downloadBytes(await exportDocx(doc, { title: title(), images }), `${safeFileName(title())}.docx`, DOCX_MIME_TYPE);
    }
  }

  async function handleImport(file: File) {
    setStatus(null);
    try {
      const { DocumentImportError } = await import('./io/importError.ts');
      let content: JSONContent;
      let newTitle: string | null = null;
      try {
        if (/\.docx$/i.test(file.name)) {
          const { importDocx } = await import('./io/importDocx.ts');
          const imported = await importDocx(new Uint8Array(await file.arrayBuffer()));
          content = imported.doc;
          newTitle = imported.title;
        } else {
          const { importMarkdown } = await import('./io/importMarkdown.ts');
          content = importMarkdown(await file.text());
        }
      } catch (e) {
        if (e instanceof DocumentImportError) return setStatus({ ok: false, text: e.message });
        throw e;
      }
      await open.connection.history.snapshotNow(); // the replaced text stays in the history
      editor.commands.setContent(content);
      if (newTitle) setTextDocTitle(open.session.doc, newTitle);
      setStatus({ ok: true, text: `Imported ${file.name}. The previous text is kept in the version history.` });
    } catch {
      setStatus({ ok: false, text: 'That file could not be imported. Nothing was changed.' });
    }
  }

  return (
    <div className="file-menu">
      <button type="button" className="secondary" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu((m) => !m)}>File</button>
      {menu && (
        <div role="menu" className="menu">
          <button role="menuitem" type="button" onClick={() => handleExport('docx')}>Download as Word (.docx)</button>
          <button role="menuitem" type="button" onClick={() => handleExport('md')}>Download as Markdown (.md)</button>
          <button role="menuitem" type="button" onClick={() => handleExport('html')}>Download as web page (.html)</button>
          {!readOnly && (
            <button role="menuitem" type="button" onClick={() => (setMenu(false), fileInput.current?.click())}>Import Word or Markdown…</button>
          )}
          <button role="menuitem" type="button" onClick={() => (setMenu(false), window.print())}>Print…</button>
        </div>
      )}
      <input
        ref={fileInput}
        type="file"
        hidden
        aria-label="Import a file"
        accept=".docx,.md,.markdown,.txt"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void handleImport(f);
        }}
      />
      {status && <p role={status.ok ? 'status' : 'alert'} className={`file-status ${status.ok ? 'success' : 'error'}`}>{status.text}</p>}
    </div>
  );
}
