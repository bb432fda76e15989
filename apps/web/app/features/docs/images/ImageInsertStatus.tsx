import type { ImageInsertStatus as Status } from './useImageInserter.ts';

/** Progress of an image upload, or why an image was not added. */
export function ImageInsertStatus({ status, onDismiss }: { status: Status; onDismiss(): void }) {
  return (
    <p role={status.ok ? 'status' : 'alert'} className={`image-status ${status.ok ? 'muted' : 'error'}`} data-testid="image-status">
      {status.text}
      {!status.busy && <button type="button" className="link" onClick={onDismiss}>Dismiss</button>}
    </p>
  );
}
