import { DelimiterStack, type Delimiter, type Emphasis } from './DelimiterStack.ts';
import { isWordChar } from './isWordChar.ts';
import type { MessageSegment } from './MessageSegment.ts';
import { readLink } from './readLink.ts';
import { readMention } from './readMention.ts';

type Token = MessageSegment | Delimiter;

/** Who may be mentioned: lowercased usernames, and the longest, to bound the look-up. */
export type MentionTargets = { members: ReadonlySet<string>; longest: number };

/**
 * Parses one line (no newlines) into inline segments in a single left-to-right pass: code
 * spans, links and mentions are read whole as they come, markers go through a
 * `DelimiterStack`, then the tree is built from where the markers ended up pairing.
 */
export function parseInline(line: string, targets: MentionTargets): MessageSegment[] {
  const tokens: Token[] = [];
  const stack = new DelimiterStack();
  let textStart = 0;
  let i = 0;
  const flush = (to: number) => {
    if (to > textStart) tokens.push({ type: 'text', text: line.slice(textStart, to) });
  };
  const take = (segment: MessageSegment, end: number) => {
    flush(i);
    tokens.push(segment);
    i = textStart = end;
  };

  while (i < line.length) {
    const c = line[i]!;
    if (c === '`') {
      const run = runEnd(line, i, '`');
      const close = run === i + 1 ? line.indexOf('`', run) : -1;
      if (close >= 0) take({ type: 'code', text: line.slice(run, close) }, close + 1);
      else i = run;
    } else if (c === '*' || c === '_') {
      flush(i);
      const end = markerRunEnd(line, i);
      addMarkerRun(line, i, end, tokens, stack);
      i = textStart = end;
    } else if (c === '@') {
      const mention = readMention(line, i, targets.members, targets.longest);
      if (mention) take({ type: 'mention', username: mention.username }, mention.end);
      else i++;
    } else if ((c === 'h' || c === 'H' || c === 'm' || c === 'M') && !isWordChar(line[i - 1])) {
      const link = readLink(line, i);
      if (link?.segment) take(link.segment, link.end);
      else i = link ? link.end : i + 1;
    } else {
      i++;
    }
  }
  flush(i);
  return buildTree(tokens);
}

/**
 * Splits a run of `*` and `_` into delimiters. Whether it can open or close is decided for
 * the whole run: not against a letter or digit (so `snake_case` and `2*3*4` stay text), and
 * not facing a space. `__` and longer are literal, which keeps `__init__` as typed.
 */
function addMarkerRun(line: string, start: number, end: number, tokens: Token[], stack: DelimiterStack): void {
  const before = line[start - 1];
  const after = line[end];
  const canOpen = after !== undefined && !/\s/.test(after) && !isWordChar(before);
  const canClose = before !== undefined && !/\s/.test(before) && !isWordChar(after);
  if (!canOpen && !canClose) {
    tokens.push({ type: 'text', text: line.slice(start, end) });
    return;
  }
  const run: Delimiter[] = [];
  for (let k = start; k < end; ) {
    const char = line[k] as Delimiter['char'];
    const partEnd = runEnd(line, k, char);
    if (char === '_' && partEnd - k > 1) {
      tokens.push({ type: 'text', text: line.slice(k, partEnd) });
    } else {
      const delimiter: Delimiter = { char, count: partEnd - k, closes: [], opens: [] };
      tokens.push(delimiter);
      run.push(delimiter);
    }
    k = partEnd;
  }
  stack.addRun(run, canOpen, canClose);
}

function buildTree(tokens: readonly Token[]): MessageSegment[] {
  const frames: { kind: Emphasis | null; children: MessageSegment[] }[] = [{ kind: null, children: [] }];
  const top = () => frames[frames.length - 1]!.children;
  for (const token of tokens) {
    if ('type' in token) {
      append(top(), token);
      continue;
    }
    for (let n = token.closes.length; n > 0; n--) {
      const frame = frames.pop()!;
      append(top(), { type: frame.kind!, children: frame.children });
    }
    if (token.count > 0) append(top(), { type: 'text', text: token.char.repeat(token.count) });
    for (const kind of token.opens.toReversed()) frames.push({ kind, children: [] });
  }
  return frames[0]!.children;
}

function append(into: MessageSegment[], segment: MessageSegment): void {
  const last = into[into.length - 1];
  if (segment.type === 'text' && last?.type === 'text') last.text += segment.text;
  else into.push(segment);
}

function runEnd(line: string, start: number, char: string): number {
  let end = start;
  while (line[end] === char) end++;
  return end;
}

function markerRunEnd(line: string, start: number): number {
  let end = start;
  while (line[end] === '*' || line[end] === '_') end++;
  return end;
}
