import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setTextDocTitle, textDocTitle } from './textDocModel.ts';

describe('text document title', () => {
  it('edits only the changed middle, so concurrent title edits merge', () => {
    const a = new Y.Doc();
    setTextDocTitle(a, 'Quarterly plan');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setTextDocTitle(a, 'Quarterly plan draft');
    setTextDocTitle(b, 'Our Quarterly plan');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(textDocTitle(a).toString()).toBe('Our Quarterly plan draft');
    expect(textDocTitle(b).toString()).toBe('Our Quarterly plan draft');
  });
});
