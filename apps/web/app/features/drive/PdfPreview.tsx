import { useEffect, useRef, useState } from 'react';

/** Pages rendered at once; the rest come with "Show more pages", so a long PDF never renders whole. */
const PAGES_PER_STEP = 10;
const RENDER_WIDTH_PX = 820;

type PdfDocument = import('pdfjs-dist').PDFDocumentProxy;

/**
 * A decrypted PDF drawn page by page onto canvases with pdf.js, in this tab:
 * no browser plugin, no PDF JavaScript (pdf.js never runs it), no eval
 * (`isEvalSupported: false`), no network (the bytes are already here).
 */
export default function PdfPreview({ bytes, title }: { bytes: Uint8Array; title: string }) {
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [shown, setShown] = useState(PAGES_PER_STEP);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let loaded: PdfDocument | null = null;
    (async () => {
      const pdfjs = await import('pdfjs-dist');
      const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      // pdf.js takes ownership of the buffer it is given: a copy, so the caller's bytes stay usable.
      loaded = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, disableFontFace: false }).promise;
      if (cancelled) void loaded.destroy();
      else setDoc(loaded);
    })().catch(() => !cancelled && setError('This PDF could not be shown: it may be damaged. Download it to open it elsewhere.'));
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [bytes]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!doc) return <p className="muted">Opening the PDF…</p>;
  const pages = Array.from({ length: Math.min(shown, doc.numPages) }, (_, i) => i + 1);
  return (
    <div className="pdf-preview" aria-label={`Pages of ${title}`}>
      <p className="muted small">{doc.numPages === 1 ? '1 page' : `${doc.numPages} pages`}</p>
      {pages.map((n) => (
        <PdfPage key={n} doc={doc} number={n} onError={() => setError('A page of this PDF could not be drawn: it may be damaged. Download it to open it elsewhere.')} />
      ))}
      {shown < doc.numPages && (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGES_PER_STEP)}>
          Show more pages ({doc.numPages - shown} left)
        </button>
      )}
    </div>
  );
}

function PdfPage({ doc, number, onError }: { doc: PdfDocument; number: number; onError(): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const failed = useRef(onError);
  failed.current = onError;
  useEffect(() => {
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let cancelled = false;
    void doc
      .getPage(number)
      .then((page) => {
        const el = canvas.current;
        if (cancelled || !el) return;
        const base = page.getViewport({ scale: 1 });
        const scale = (RENDER_WIDTH_PX / base.width) * (window.devicePixelRatio || 1);
        const viewport = page.getViewport({ scale });
        el.width = Math.floor(viewport.width);
        el.height = Math.floor(viewport.height);
        el.style.width = `${RENDER_WIDTH_PX}px`;
        task = page.render({ canvas: el, viewport });
        return task.promise;
      })
      .catch((e: unknown) => {
        if (!cancelled && (e as Error)?.name !== 'RenderingCancelledException') failed.current();
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, number]);
  return <canvas ref={canvas} className="pdf-page" data-page={number} aria-label={`Page ${number}`} />;
}
