import { describe, expect, it } from 'vitest';
import type { MessageSegment } from './MessageSegment.ts';
import { mentionedUsernames } from './mentionedUsernames.ts';
import { parseMessageText } from './parseMessageText.ts';

const MEMBERS = ['alice', 'bob', 'carol.d', 'dan_e'];
const parse = (text: string) => parseMessageText(text, { members: MEMBERS });
const text = (t: string): MessageSegment => ({ type: 'text', text: t });
const bold = (...children: MessageSegment[]): MessageSegment => ({ type: 'bold', children });
const italic = (...children: MessageSegment[]): MessageSegment => ({ type: 'italic', children });
const mention = (username: string): MessageSegment => ({ type: 'mention', username });
const link = (href: string, t = href): MessageSegment => ({ type: 'link', href, text: t });
const NL: MessageSegment = { type: 'newline' };

describe('parseMessageText', () => {
  it('keeps plain text, markup and all, as one text segment', () => {
    expect(parse('hello world')).toEqual([text('hello world')]);
    expect(parse('<script>alert(1)</script> & <b>hi</b>')).toEqual([text('<script>alert(1)</script> & <b>hi</b>')]);
    expect(parse('')).toEqual([]);
  });

  it('reads bold and both italics', () => {
    expect(parse('a **b** c')).toEqual([text('a '), bold(text('b')), text(' c')]);
    expect(parse('_b_ and *c*')).toEqual([italic(text('b')), text(' and '), italic(text('c'))]);
    expect(parse('(*quiet*), **loud**!')).toEqual([text('('), italic(text('quiet')), text('), '), bold(text('loud')), text('!')]);
  });

  it('leaves markers inside words as text', () => {
    expect(parse('snake_case_name')).toEqual([text('snake_case_name')]);
    expect(parse('2*3*4')).toEqual([text('2*3*4')]);
    expect(parse('a**b**c')).toEqual([text('a**b**c')]);
    expect(parse('__init__ is magic')).toEqual([text('__init__ is magic')]);
    expect(parse('* not a list * item')).toEqual([text('* not a list * item')]);
  });

  it('nests bold and italic, either way round', () => {
    expect(parse('**bold _and italic_**')).toEqual([bold(text('bold '), italic(text('and italic')))]);
    expect(parse('_italic **and bold**_')).toEqual([italic(text('italic '), bold(text('and bold')))]);
    expect(parse('***both***')).toEqual([italic(bold(text('both')))]);
    expect(parse('**_both_**')).toEqual([bold(italic(text('both')))]);
  });

  it('puts links and mentions inside emphasis', () => {
    expect(parse('**see https://example.com**')).toEqual([bold(text('see '), link('https://example.com/', 'https://example.com'))]);
    expect(parse('_ask @bob_')).toEqual([italic(text('ask '), mention('bob'))]);
  });

  it('leaves unclosed or unpaired markers literal', () => {
    expect(parse('**not closed')).toEqual([text('**not closed')]);
    expect(parse('_not closed')).toEqual([text('_not closed')]);
    expect(parse('**half*')).toEqual([text('*'), italic(text('half'))]);
    expect(parse('*crossed _markers* here_')).toEqual([italic(text('crossed _markers')), text(' here_')]);
    expect(parse('**a\nb**')).toEqual([text('**a'), NL, text('b**')]);
  });

  it('reads code spans without formatting inside them', () => {
    expect(parse('run `npm **i** @bob https://x.com` now')).toEqual([
      text('run '),
      { type: 'code', text: 'npm **i** @bob https://x.com' },
      text(' now'),
    ]);
    expect(parse('**`x`**')).toEqual([bold({ type: 'code', text: 'x' })]);
    expect(parse('a ` b')).toEqual([text('a ` b')]);
    expect(parse('empty `` here')).toEqual([text('empty `` here')]);
  });

  it('reads fenced blocks, dropping the language word and the newlines around them', () => {
    expect(parse('look:\n```ts\nconst a = **1**;\n<b>\n```\nafter')).toEqual([
      text('look:'),
      { type: 'codeBlock', text: 'const a = **1**;\n<b>' },
      text('after'),
    ]);
    expect(parse('```one line```')).toEqual([{ type: 'codeBlock', text: 'one line' }]);
    expect(parse('```\nfirst words\n```')).toEqual([{ type: 'codeBlock', text: 'first words' }]);
    expect(parse('```not closed\n*x*')).toEqual([text('```not closed'), NL, italic(text('x'))]);
    expect(parse('``````')).toEqual([text('``````')]);
    expect(parse('```\n``` then ```ok```')).toEqual([text('```'), NL, text('``` then '), { type: 'codeBlock', text: 'ok' }]);
  });

  it('links bare http, https and mailto addresses, normalised in href only', () => {
    expect(parse('go to https://example.com/a_b_c?q=1#top')).toEqual([text('go to '), link('https://example.com/a_b_c?q=1#top')]);
    expect(parse('http://example.com')).toEqual([link('http://example.com/', 'http://example.com')]);
    expect(parse('HTTPS://EXAMPLE.COM/X')).toEqual([link('https://example.com/X', 'HTTPS://EXAMPLE.COM/X')]);
    expect(parse('write to mailto:bob@example.com')).toEqual([text('write to '), link('mailto:bob@example.com')]);
  });

  it('strips trailing punctuation from links, unless a paren is balanced', () => {
    expect(parse('see https://example.com/a.')).toEqual([text('see '), link('https://example.com/a'), text('.')]);
    expect(parse('https://example.com/a?!,;:')).toEqual([link('https://example.com/a'), text('?!,;:')]);
    expect(parse('(https://example.com/a)')).toEqual([text('('), link('https://example.com/a'), text(')')]);
    expect(parse('https://en.wikipedia.org/wiki/Foo_(bar).')).toEqual([link('https://en.wikipedia.org/wiki/Foo_(bar)'), text('.')]);
    expect(parse('"https://example.com/"')).toEqual([text('"'), link('https://example.com/'), text('"')]);
  });

  it('never links other schemes, markdown links to them, or addresses URL refuses', () => {
    for (const s of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd']) {
      expect(parse(s)).toEqual([text(s)]);
    }
    expect(parse('[x](javascript:alert(1))')).toEqual([text('[x](javascript:alert(1))')]);
    expect(parse('[x](https://example.com)')).toEqual([text('[x]('), link('https://example.com/', 'https://example.com'), text(')')]);
    expect(parse('https:// and http://[bad and mailto:')).toEqual([text('https:// and http://[bad and mailto:')]);
    expect(parse('xhttps://example.com')).toEqual([text('xhttps://example.com')]);
    expect(parse('https://example.com/<script>')).toEqual([link('https://example.com/'), text('<script>')]);
  });

  it('mentions members, in any case, but not unknown names or emails', () => {
    expect(parse('hi @Alice and @BOB')).toEqual([text('hi '), mention('alice'), text(' and '), mention('bob')]);
    expect(parse('@carol.d, @dan_e.')).toEqual([mention('carol.d'), text(', '), mention('dan_e'), text('.')]);
    expect(parse('hi @mallory')).toEqual([text('hi @mallory')]);
    expect(parse('@bobby is not @bob')).toEqual([text('@bobby is not '), mention('bob')]);
    expect(parse('mail alice@example.com')).toEqual([text('mail alice@example.com')]);
    expect(parse('@@bob @')).toEqual([text('@@bob @')]);
  });

  it('turns line breaks, of any kind, into newlines', () => {
    expect(parse('a\nb\r\nc\n\nd')).toEqual([text('a'), NL, text('b'), NL, text('c'), NL, NL, text('d')]);
  });

  it('finishes pathological inputs as literal text', () => {
    for (const s of ['*_'.repeat(10_000), '**'.repeat(10_000), '** '.repeat(7_000), '`'.repeat(20_000), '@'.repeat(20_000)]) {
      expect(parse(s)).toEqual([text(s)]);
    }
    expect(parse('@bob.'.repeat(4_000)).filter((s) => s.type === 'mention')).toHaveLength(4_000);
    const openers = '*a '.repeat(7_000);
    expect(parse(openers)).toEqual([text(openers)]);
    const badLinks = 'http://['.repeat(2_500);
    expect(parse(badLinks)).toEqual([text(badLinks)]);
    const alternating = '_a *b '.repeat(3_000);
    expect(parse(alternating)).toEqual([text(alternating)]);
  });

  it('never loses or invents a character other than a marker (seeded random messages)', () => {
    const seed = 20_240_601;
    const random = mulberry32(seed);
    const alphabet = ['*', '*', '_', '_', 'a', 'b', ' ', '(', '.', '`', '@bob', '@x', '\n', 'https://x.com'];
    for (let n = 0; n < 2_000; n++) {
      const message = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      if (message.includes('```')) continue; // blocks drop their language word and the newlines around them
      const segments = parse(message);
      expect(JSON.stringify(segments), message).not.toContain('"children":[]');
      const kept = segments.map(visibleText).join('').replace(/[*_]/g, '');
      expect(kept, `seed ${seed}, message ${JSON.stringify(message)}`).toBe(message.replace(/[*_]/g, ''));
    }
  });
});

describe('mentionedUsernames', () => {
  it('lists each mentioned member once, lowercased, ignoring code and links', () => {
    expect(mentionedUsernames('@Bob **@alice** @bob `@carol.d` https://x.com/@dan_e @nobody', MEMBERS)).toEqual(['bob', 'alice']);
    expect(mentionedUsernames('no one', MEMBERS)).toEqual([]);
  });
});

/** The source a segment came from, but for the markers that made emphasis. */
function visibleText(s: MessageSegment): string {
  switch (s.type) {
    case 'bold':
    case 'italic':
      return s.children.map(visibleText).join('');
    case 'text':
      return s.text;
    case 'code':
      return `\`${s.text}\``;
    case 'codeBlock':
      return s.text;
    case 'link':
      return s.text;
    case 'mention':
      return `@${s.username}`;
    case 'newline':
      return '\n';
  }
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
