import { useMemo, type ReactNode } from 'react';
import type { MessageSegment } from './MessageSegment.ts';
import { parseMessageText } from './parseMessageText.ts';

/**
 * A chat message's text, formatted. Every piece becomes a React element or a text node,
 * never HTML, so whatever the sender typed is shown, not run. Mentions of `me` are marked
 * with `data-me` for highlighting.
 */
export function MessageText({ text, members, me }: { text: string; members: readonly string[]; me: string }) {
  const segments = useMemo(() => parseMessageText(text, { members }), [text, members]);
  return <>{renderSegments(segments, me.toLowerCase())}</>;
}

function renderSegments(segments: readonly MessageSegment[], me: string): ReactNode[] {
  return segments.map((s, key) => {
    switch (s.type) {
      case 'text':
        return s.text;
      case 'bold':
        return <strong key={key}>{renderSegments(s.children, me)}</strong>;
      case 'italic':
        return <em key={key}>{renderSegments(s.children, me)}</em>;
      case 'code':
        return <code key={key}>{s.text}</code>;
      case 'codeBlock':
        return (
          <pre key={key}>
            <code>{s.text}</code>
          </pre>
        );
      case 'link':
        return (
          <a key={key} href={s.href} target="_blank" rel="noopener noreferrer nofollow">
            {s.text}
          </a>
        );
      case 'mention':
        return (
          <span key={key} className="mention" data-me={s.username === me || undefined}>
            @{s.username}
          </span>
        );
      case 'newline':
        return <br key={key} />;
    }
  });
}
