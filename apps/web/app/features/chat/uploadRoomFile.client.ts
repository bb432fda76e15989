import { CHAT_LIMITS, type ChatAttachment } from '@coffre/docs';
import { uploadSealedFile } from '../../keys/uploadSealedFile.client.ts';

/** Uploads a file as a sealed file of the room; its key goes only into the signed message that carries it. */
export async function uploadRoomFile(file: File, roomId: string, onProgress?: (fraction: number) => void, via?: { linkId: string; proof: string }): Promise<{ ok: true; attachment: ChatAttachment } | { ok: false; message: string }> {
  const up = await uploadSealedFile(file, roomId, onProgress, via);
  if (!up.ok) return up;
  const name = (file.name || 'file').slice(0, CHAT_LIMITS.MAX_ATTACHMENT_NAME_CHARS);
  const mime = /^[a-z0-9.+-]+\/[a-z0-9.+-]+$/i.test(file.type) ? file.type : 'application/octet-stream';
  return { ok: true, attachment: { fileId: up.fileId, key: up.key, chunkCount: up.chunkCount, name, mime, size: file.size } };
}
