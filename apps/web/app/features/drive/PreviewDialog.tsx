import { lazy, Suspense, useEffect, useState } from 'react';
import { kindOfMime, type FolderEntry } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { useDownloader } from './useDownloader.ts';

type FileEntry = Extract<FolderEntry, { kind: 'file' }>;
const MAX_TEXT_PREVIEW_BYTES = 2 * 1024 * 1024;
/** Larger PDFs are only downloaded: pdf.js holds the whole file in memory. */
const MAX_PDF_PREVIEW_BYTES = 100 * 1024 * 1024;
const PdfPreview = lazy(() => import('./PdfPreview.tsx'));

/**
 * Decrypts in the browser and shows images, text, audio and video from a
 * blob: URL, and PDFs drawn by pdf.js. Nothing is interpreted as HTML: text
 * goes in a <pre>, and the page's CSP forbids scripts from blob: URLs.
 */
export function PreviewDialog({ entry, onClose }: { entry: FileEntry; onClose(): void }) {
  const download = useDownloader();
  const kind = kindOfMime(entry.mime, entry.title);
  const previewable =
    kind === 'image' || kind === 'audio' || kind === 'video' || (kind === 'text' && entry.size <= MAX_TEXT_PREVIEW_BYTES) || (kind === 'pdf' && entry.size <= MAX_PDF_PREVIEW_BYTES);
  const [url, setUrl] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [pdf, setPdf] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!previewable) return;
    let revoke: string | null = null;
    let cancelled = false;
    download(entry, { save: false }).then(
      async (blob) => {
        if (cancelled || !blob) return;
        if (kind === 'text') setText(await blob.text());
        else if (kind === 'pdf') setPdf(new Uint8Array(await blob.arrayBuffer()));
        else setUrl((revoke = URL.createObjectURL(blob)));
      },
      (e) => !cancelled && setError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
      if (revoke) URL.revokeObjectURL(revoke);
    };
  }, [entry, kind, previewable, download]);

  return (
    <div className="dialog-backdrop" onClick={onClose}>
      <div className="dialog preview" role="dialog" aria-modal="true" aria-label={`Preview of ${entry.title}`} onClick={(e) => e.stopPropagation()}>
        <header>
          <h2>{entry.title}</h2>
          <button type="button" onClick={() => void download(entry)}>Download</button>
          <button type="button" className="secondary" onClick={onClose}>Close</button>
        </header>
        {error && <p className="error" role="alert">{error}</p>}
        {!previewable && <p className="muted">No preview for this kind of file. Download it to open it.</p>}
        {previewable && !error && !url && text === null && !pdf && <p className="muted">Decrypting…</p>}
        {url && kind === 'image' && <img src={url} alt={entry.title} />}
        {url && kind === 'audio' && <audio src={url} controls />}
        {url && kind === 'video' && <video src={url} controls />}
        {text !== null && <pre className="text-preview">{text}</pre>}
        {pdf && (
          <Suspense fallback={<p className="muted">Opening the PDF…</p>}>
            <PdfPreview bytes={pdf} title={entry.title} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
