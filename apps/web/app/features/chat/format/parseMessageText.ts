import type { MessageSegment } from './MessageSegment.ts';
import { parseInline, type MentionTargets } from './parseInline.ts';

const FENCE = '```';
const LANGUAGE_LINE = /^[\w+#.-]*[ \t]*$/;

/**
 * Parses a chat message into segments: a small, safe markdown-lite (bold, italic, code,
 * fenced blocks, bare http/https/mailto links, mentions of `members`, line breaks). It
 * never produces HTML, and runs in time linear in the message, whatever the markers.
 * Anything that does not match a rule exactly stays literal text.
 */
export function parseMessageText(text: string, opts: { members: readonly string[] }): MessageSegment[] {
  const members = new Set(opts.members.map((m) => m.toLowerCase()));
  const targets: MentionTargets = { members, longest: [...members].reduce((n, m) => Math.max(n, m.length), 0) };
  const source = text.replace(/\r\n?/g, '\n');
  const out: MessageSegment[] = [];
  let pos = 0;
  let from = 0;
  for (;;) {
    const open = source.indexOf(FENCE, from);
    const close = open < 0 ? -1 : source.indexOf(FENCE, open + FENCE.length);
    if (close < 0) {
      pushLines(out, source.slice(pos), targets);
      break;
    }
    from = close + FENCE.length;
    const code = blockText(source.slice(open + FENCE.length, close));
    if (code.trim() === '') continue;
    // A block breaks the line itself, so the newline on either side of it would be a blank line.
    pushLines(out, source.slice(pos, source[open - 1] === '\n' ? open - 1 : open), targets);
    out.push({ type: 'codeBlock', text: code });
    pos = from = source[from] === '\n' ? from + 1 : from;
  }
  return out;
}

function pushLines(out: MessageSegment[], text: string, targets: MentionTargets): void {
  if (text === '') return;
  text.split('\n').forEach((line, k) => {
    if (k > 0) out.push({ type: 'newline' });
    for (const segment of parseInline(line, targets)) out.push(segment);
  });
}

/** Drops the language word after the opening fence and the newline before the closing one. */
function blockText(body: string): string {
  const firstBreak = body.indexOf('\n');
  const code = firstBreak >= 0 && LANGUAGE_LINE.test(body.slice(0, firstBreak)) ? body.slice(firstBreak + 1) : body;
  return code.endsWith('\n') ? code.slice(0, -1) : code;
}
