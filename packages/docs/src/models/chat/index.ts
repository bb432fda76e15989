export { ChatRoom, CHAT_EDIT, type ChatChange, type ChatPage } from './ChatRoom.ts';
export { ChatError, type ChatErrorCode } from './ChatError.ts';
export { CHAT_DOC, CHAT_LIMITS } from './chatLayout.ts';
export { isMessageId } from './chatSlots.ts';
export { guestSigner, isGuestAuthor, withGuestAuthors } from './guestAuthors.ts';
export { isReactionEmoji } from './readChatBody.ts';
export { readAttachedRoom, writeAttachedRoom, observeAttachedRoom, forgetAttachedRoom, type AttachedRoom } from './attachedRoom.ts';
export type { ChatAttachment, ChatAuthorKeys, ChatMessage, ChatReaction, ChatSigner } from './ChatRecord.ts';
