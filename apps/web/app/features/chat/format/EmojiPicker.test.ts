// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EmojiPicker } from './EmojiPicker.tsx';
import { EMOJI, QUICK_REACTIONS } from './emojiList.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('EmojiPicker', () => {
  let root: Root;
  let host: HTMLElement;
  const onPick = vi.fn();
  const onClose = vi.fn();

  beforeEach(() => {
    vi.spyOn(console, 'error');
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    act(() => root.render(createElement(EmojiPicker, { onPick, onClose })));
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    expect(console.error).not.toHaveBeenCalled();
    vi.clearAllMocks();
    vi.restoreAllMocks();
  });

  const dialog = () => host.querySelector('[role="dialog"][aria-label="Emoji"]')!;
  const search = () => host.querySelector<HTMLInputElement>('input[aria-label="Search emoji"]')!;
  const buttons = () => [...host.querySelectorAll<HTMLButtonElement>('.emoji-grid button')];
  const type = (value: string) =>
    act(() => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(search(), value);
      search().dispatchEvent(new Event('input', { bubbles: true }));
    });
  const press = (target: Element, key: string) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));

  it('shows every emoji as a labelled button, and picks the one clicked', () => {
    expect(dialog()).not.toBeNull();
    expect(buttons().map((b) => b.getAttribute('aria-label'))).toEqual(EMOJI.map((e) => e.name));
    expect(buttons().every((b) => b.type === 'button')).toBe(true);
    act(() => buttons().find((b) => b.getAttribute('aria-label') === 'party popper')!.click());
    expect(onPick).toHaveBeenCalledWith('🎉');
  });

  it('searches by every word of the name, and Enter picks the first match', () => {
    type('Heart red');
    expect(buttons().map((b) => b.textContent)).toEqual(['❤️']);
    press(search(), 'Enter');
    expect(onPick).toHaveBeenCalledWith('❤️');
    type('no such emoji');
    expect(buttons()).toEqual([]);
    expect(host.textContent).toContain('No emoji found.');
  });

  it('closes on Escape without letting it reach an enclosing dialog', () => {
    const outer = vi.fn();
    document.body.addEventListener('keydown', outer);
    press(search(), 'Escape');
    document.body.removeEventListener('keydown', outer);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
  });
});

describe('emojiList', () => {
  it('has about eighty distinct emoji with distinct names, the quick reactions among them', () => {
    expect(EMOJI.length).toBeGreaterThanOrEqual(75);
    expect(new Set(EMOJI.map((e) => e.char)).size).toBe(EMOJI.length);
    expect(new Set(EMOJI.map((e) => e.name)).size).toBe(EMOJI.length);
    expect(QUICK_REACTIONS).toEqual(['👍', '❤️', '😂', '🎉', '👀', '✅']);
    for (const char of QUICK_REACTIONS) expect(EMOJI.map((e) => e.char)).toContain(char);
  });
});
