/**
 * One piece of a parsed chat message. Plain data, never HTML: the renderer turns each
 * piece into an element, so nothing a sender types can become markup.
 */
export type MessageSegment =
  | { type: 'text'; text: string }
  | { type: 'bold'; children: MessageSegment[] }
  | { type: 'italic'; children: MessageSegment[] }
  | { type: 'code'; text: string }
  | { type: 'codeBlock'; text: string }
  | { type: 'link'; href: string; text: string }
  | { type: 'mention'; username: string }
  | { type: 'newline' };
