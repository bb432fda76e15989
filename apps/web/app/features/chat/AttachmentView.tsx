import { useState } from 'react';
import { asSymmetricKey, fromBase64Url } from '@coffre/crypto';
import { safeDownloadName, type ChatAttachment } from '@coffre/docs';
import { errorMessage } from '../../components/errorMessage.ts';
import { fileChunks } from '../../keys/downloadFile.client.ts';
import { FileIntegrityError } from '../../keys/FileIntegrityError.ts';
import { saveDownload } from '../../keys/saveDownload.client.ts';
import { IMAGE_LIMITS, type ImageMime } from '../docs/io/imageLimits.ts';
import { useDecryptedImage } from '../docs/images/useDecryptedImage.ts';
import { formatBytes } from '../drive/formatBytes.ts';

const isImage = (a: ChatAttachment) => (IMAGE_LIMITS.TYPES as readonly string[]).includes(a.mime) && a.chunkCount <= IMAGE_LIMITS.MAX_CHUNKS;

/** A message's file: images inline (decrypted here), anything else as a card that downloads and verifies it. */
export function AttachmentView({ attachment }: { attachment: ChatAttachment }) {
  return (
    <div className="chat-attachment">
      {isImage(attachment) && <InlineImage attachment={attachment} />}
      <FileCard attachment={attachment} />
    </div>
  );
}

function InlineImage({ attachment: a }: { attachment: ChatAttachment }) {
  const image = useDecryptedImage({ fileId: a.fileId, key: a.key, chunkCount: a.chunkCount, mime: a.mime as ImageMime, alt: a.name, width: null });
  if (image.state === 'loading') return <div className="chat-image loading" aria-busy="true">Decrypting…</div>;
  if (image.state === 'failed') return <p role="alert" className="error small">{image.message}</p>;
  return <img className="chat-image" src={image.url} alt={a.name} />;
}

function FileCard({ attachment: a }: { attachment: ChatAttachment }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function download() {
    setState({ busy: true, error: null });
    try {
      const source = { fileId: a.fileId, version: 1, chunkCount: a.chunkCount, key: asSymmetricKey(fromBase64Url(a.key)), mime: a.mime };
      await saveDownload(safeDownloadName(a.name), fileChunks(source), { size: a.size, mime: a.mime });
      setState({ busy: false, error: null });
    } catch (e) {
      setState({ busy: false, error: e instanceof FileIntegrityError ? 'This file failed its integrity check and was not saved.' : errorMessage(e) });
    }
  }
  return (
    <div className="chat-file" data-testid="chat-file">
      <span className="chat-file-name">{a.name}</span>
      <span className="muted small">{formatBytes(a.size)}</span>
      <button type="button" className="ghost small" onClick={() => void download()} disabled={state.busy}>{state.busy ? 'Decrypting…' : 'Download'}</button>
      {state.error && <span role="alert" className="error small">{state.error}</span>}
    </div>
  );
}
