import { useEffect } from 'react';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { EncryptedImageAttrs } from '../io/EncryptedImageAttrs.ts';
import { rememberedImages } from '../io/rememberedImages.ts';
import { useDecryptedImage } from './useDecryptedImage.ts';

/** Shows an encrypted image once this tab has fetched and decrypted it; the key never leaves the node. */
export function EncryptedImageView({ node, selected }: ReactNodeViewProps) {
  const parsed = EncryptedImageAttrs.safeParse(node.attrs);
  const attrs = parsed.success ? parsed.data : null;
  const image = useDecryptedImage(attrs);
  useEffect(() => {
    if (attrs) rememberedImages.set(attrs.fileId, attrs); // so a copy-paste in this tab finds the key
  }, [attrs?.fileId, attrs?.key]);
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  const width = attrs?.width ?? undefined;

  return (
    <NodeViewWrapper className={selected ? 'doc-image selected' : 'doc-image'} data-testid="doc-image" data-drag-handle="">
      {!attrs ? (
        <div className="doc-image-error" role="alert">This image cannot be shown: its details in the document are damaged.</div>
      ) : image.state === 'ready' ? (
        <img src={image.url} alt={alt} width={width} draggable={false} />
      ) : image.state === 'failed' ? (
        <div className="doc-image-error" role="alert">{image.message}</div>
      ) : (
        <div className="doc-image-placeholder" role="status">Decrypting image…</div>
      )}
    </NodeViewWrapper>
  );
}
