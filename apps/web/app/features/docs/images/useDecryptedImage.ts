import { useEffect, useState } from 'react';
import { errorMessage } from '../../../components/errorMessage.ts';
import { FileIntegrityError } from '../../../keys/FileIntegrityError.ts';
import type { EncryptedImageAttrs } from '../io/EncryptedImageAttrs.ts';
import { decryptedImages } from './decryptedImages.client.ts';

export type DecryptedImage = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed'; message: string };

/** Fetches, verifies and decrypts the image `attrs` names (null: nothing to fetch), sharing the work with every other view of it. */
export function useDecryptedImage(attrs: EncryptedImageAttrs | null): DecryptedImage {
  const [image, setImage] = useState<DecryptedImage>({ state: 'loading' });
  const id = attrs && `${attrs.fileId}:${attrs.key}:${attrs.chunkCount}:${attrs.mime}`;
  useEffect(() => {
    if (!attrs) return;
    setImage({ state: 'loading' });
    const held = decryptedImages.acquire(attrs);
    let live = true;
    held.url.then(
      (url) => live && setImage({ state: 'ready', url }),
      (e) => live && setImage({ state: 'failed', message: e instanceof FileIntegrityError ? 'This image failed its integrity check: what the server sent is not what was uploaded.' : errorMessage(e) }),
    );
    return () => {
      live = false;
      held.release();
    };
  }, [id]); // attrs is a fresh object on every render; `id` is what matters
  return image;
}
