export type ChatErrorCode = 'MESSAGE_EMPTY' | 'MESSAGE_TOO_LONG' | 'TOO_MANY_ATTACHMENTS' | 'BAD_ATTACHMENT' | 'BAD_EMOJI' | 'NO_SUCH_MESSAGE' | 'NOT_YOURS' | 'MESSAGE_DELETED' | 'TOO_MANY_EDITS';

const MESSAGES: Record<ChatErrorCode, string> = {
  MESSAGE_EMPTY: 'Write something or attach a file first.',
  MESSAGE_TOO_LONG: 'A message holds at most 10,000 characters. Split it, or attach it as a file.',
  TOO_MANY_ATTACHMENTS: 'A message carries at most 10 attachments.',
  BAD_ATTACHMENT: 'That attachment is not well formed.',
  BAD_EMOJI: 'A reaction is one emoji.',
  NO_SUCH_MESSAGE: 'That message no longer exists.',
  NOT_YOURS: 'You can only change your own messages.',
  MESSAGE_DELETED: 'That message was deleted.',
  TOO_MANY_EDITS: 'That message was edited too many times.',
};

/** A chat action the room refused; nothing was written. The message is fit to show a person. */
export class ChatError extends Error {
  constructor(readonly code: ChatErrorCode) {
    super(MESSAGES[code]);
    this.name = 'ChatError';
  }
}
