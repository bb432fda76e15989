import { useMemo } from 'react';
import type { Identity } from '@coffre/crypto';
import { guestSigner } from '@coffre/docs';
import type { DocLinkPayload } from '../../keys/linkPayload.ts';
import type { OpenedLink } from '../../keys/openLink.client.ts';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { linkAuthors } from '../chat/authorKeys.client.ts';
import type { ChatSeat } from '../chat/chatSeat.ts';
import { RoomView } from '../chat/RoomView.tsx';
import { uploadRoomFile } from '../chat/uploadRoomFile.client.ts';

/**
 * A chat room opened through a link (ADR 0018): its messages, live, each
 * shown as its author's only if it verifies against the key the link's maker
 * sealed in, or the author's self-signed keys found through the link. Through
 * an edit link the guest posts, replies, reacts and attaches files, signing
 * with the visit's throwaway identity, as "Guest" and a tag of that key.
 */
export function LinkedChat({ link, payload, open, identity }: { link: OpenedLink; payload: DocLinkPayload; open: OpenDoc; identity: Identity }) {
  const canWrite = link.canEdit && open.session.canWrite;
  const seat: ChatSeat = useMemo(() => {
    const via = { linkId: link.linkId, proof: link.proof };
    const signer = guestSigner(identity.signing);
    return {
      signer,
      authors: linkAuthors(via, payload.authors, payload.docId),
      people: (payload.authors ?? []).map((a) => a.name),
      presence: canWrite ? { name: signer.username, color: '#6a5acd' } : { name: 'Visitor', color: '#888888' },
      mentionable: false,
      upload: (file, roomId, onProgress) => uploadRoomFile(file, roomId, onProgress, via),
      readOnlyNote: 'You are reading this chat through a view link: new messages appear as they are written, but you cannot write here.',
    };
  }, [link, payload, identity, canWrite]);
  return <RoomView open={open} roomId={payload.docId} seat={seat} readOnly={!canWrite} title={payload.name} />;
}
