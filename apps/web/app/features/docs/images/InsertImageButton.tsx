import { useRef } from 'react';
import { IMAGE_LIMITS } from '../io/imageLimits.ts';

/** The toolbar's "Image" button and the hidden file picker behind it. */
export function InsertImageButton({ onFiles }: { onFiles(files: File[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="tool" title="Insert an image (encrypted like the text)" aria-label="Insert an image" onMouseDown={(ev) => ev.preventDefault()} onClick={() => input.current?.click()}>
        Image
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        data-testid="insert-image"
        aria-label="Choose images to insert"
        accept={IMAGE_LIMITS.TYPES.join(',')}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </>
  );
}
