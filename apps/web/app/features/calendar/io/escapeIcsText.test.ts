import { describe, expect, it } from 'vitest';
import { escapeIcsText } from './escapeIcsText.ts';
import { unescapeIcsText } from './unescapeIcsText.ts';

describe('escapeIcsText and unescapeIcsText', () => {
  it('escape backslashes, semicolons, commas and line breaks', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drop control characters but keep tabs and emoji', () => {
    expect(escapeIcsText('a\u0000b\u0007c\td🎉')).toBe('abc\td🎉');
  });

  it('give back the text', () => {
    const text = 'Lunch; then\\or, later\n👩🏽‍💻 “quoted”';
    expect(unescapeIcsText(escapeIcsText(text))).toBe(text);
    expect(unescapeIcsText('A\\Nb')).toBe('A\nb');
  });
});
