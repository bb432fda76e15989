import type { MessageSegment } from './MessageSegment.ts';

const SCHEMES = ['https://', 'http://', 'mailto:'] as const;
const STOP = /[\s<>"`]/;
const TRAILING = '.,;:!?\'"*_';

type LinkSegment = Extract<MessageSegment, { type: 'link' }>;

/**
 * Reads a bare URL at `start` if it begins with an allowed scheme. Sentence punctuation
 * and unbalanced closing brackets at the end belong to the prose, not the address.
 * Returns null when no allowed scheme starts here; an address that `URL` refuses comes
 * back as text, consumed whole so a long run of bad candidates stays linear.
 */
export function readLink(line: string, start: number): { end: number; segment: LinkSegment | null } | null {
  const head = line.slice(start, start + 8).toLowerCase();
  const scheme = SCHEMES.find((s) => head.startsWith(s));
  if (!scheme) return null;
  const bodyStart = start + scheme.length;
  let end = bodyStart;
  let parens = 0;
  let brackets = 0;
  for (; end < line.length && !STOP.test(line[end]!); end++) {
    const c = line[end];
    if (c === '(') parens++;
    else if (c === ')') parens--;
    else if (c === '[') brackets++;
    else if (c === ']') brackets--;
  }
  while (end > bodyStart) {
    const c = line[end - 1]!;
    if (c === ')' && parens < 0) parens++;
    else if (c === ']' && brackets < 0) brackets++;
    else if (!TRAILING.includes(c)) break;
    end--;
  }
  return { end, segment: end === bodyStart ? null : toLink(line.slice(start, end), scheme) };
}

function toLink(raw: string, scheme: (typeof SCHEMES)[number]): LinkSegment | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  const allowed = scheme === 'mailto:' ? url.protocol === 'mailto:' : (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  return allowed ? { type: 'link', href: url.href, text: raw } : null;
}
