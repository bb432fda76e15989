import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MessageText } from './MessageText.tsx';

const render = (text: string, me = 'alice') => renderToStaticMarkup(createElement(MessageText, { text, members: ['alice', 'bob'], me }));

describe('MessageText', () => {
  // Key warnings and the like arrive as console.error; none is expected.
  beforeEach(() => void vi.spyOn(console, 'error'));
  afterEach(() => {
    expect(console.error).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('renders each segment as its element, escaping what the sender typed', () => {
    expect(render('**b _i_** `c` <img src=x onerror=alert(1)>\nnext')).toBe(
      '<strong>b <em>i</em></strong> <code>c</code> &lt;img src=x onerror=alert(1)&gt;<br/>next',
    );
    expect(render('```js\nif (a < b) {}\n```')).toBe('<pre><code>if (a &lt; b) {}</code></pre>');
  });

  it('opens links in a new tab without handing over the opener or the referrer', () => {
    expect(render('see https://example.com/a?b=1&c=2.')).toBe(
      'see <a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer nofollow">https://example.com/a?b=1&amp;c=2</a>.',
    );
    expect(render('javascript:alert(1)')).toBe('javascript:alert(1)');
  });

  it('marks mentions, and mentions of me', () => {
    expect(render('@Alice @bob', 'Alice')).toBe('<span class="mention" data-me="true">@alice</span> <span class="mention">@bob</span>');
  });
});
