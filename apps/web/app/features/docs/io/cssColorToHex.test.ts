import { describe, expect, it } from 'vitest';
import { cssColorToHex } from './cssColorToHex.ts';

describe('cssColorToHex', () => {
  it.each([
    ['#B42318', 'b42318'],
    ['#abc', 'aabbcc'],
    ['#abcd', 'aabbcc'],
    ['#11223344', '112233'],
    ['rgb(255, 0, 10)', 'ff000a'],
    ['rgba(1,2,3,0.5)', '010203'],
    ['rgb(1 2 3 / 50%)', '010203'],
  ])('reads %j', (css, hex) => expect(cssColorToHex(css)).toBe(hex));

  it.each(['red; background: url(https://evil.example/x)', 'url(x)', 'rgb(256,0,0)', '#12', 'expression(alert(1))', '', null, 7])('refuses %j', (css) =>
    expect(cssColorToHex(css)).toBeNull(),
  );
});
