import type { MessageSegment } from './MessageSegment.ts';
import { parseMessageText } from './parseMessageText.ts';

/**
 * The members a message mentions, lowercased, each once, in order of first mention: the
 * people to notify. Built on the parser so a name inside code or a link never counts.
 */
export function mentionedUsernames(text: string, members: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (segments: readonly MessageSegment[]) => {
    for (const s of segments) {
      if (s.type === 'mention') found.add(s.username);
      else if (s.type === 'bold' || s.type === 'italic') walk(s.children);
    }
  };
  walk(parseMessageText(text, { members }));
  return [...found];
}
