import { describe, expect, it } from 'vitest';
import { editorSchema } from './editorSchema.ts';
import { importMarkdown } from './importMarkdown.ts';
import { IMPORT_LIMITS } from './importLimits.ts';

const kinds = (doc: { content?: { type?: string }[] }) => doc.content?.map((node) => node.type);

describe('importMarkdown', () => {
  it('reads GFM into schema-valid JSON', () => {
    const doc = importMarkdown(
      '# Title\n\nSome **bold** [link](https://example.com/).\n\n- [ ] todo\n- [x] done\n\n```py\nprint(1)\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    );
    expect(() => editorSchema().nodeFromJSON(doc).check()).not.toThrow();
    expect(kinds(doc)).toEqual(['heading', 'paragraph', 'taskList', 'codeBlock', 'table']);
    expect(doc.content![2]!.content!.map((item) => item.attrs?.checked)).toEqual([false, true]);
    expect(doc.content![3]).toMatchObject({ attrs: { language: 'py' }, content: [{ text: 'print(1)' }] });
    expect(doc.content![4]!.content![0]!.content![0]!.type).toBe('tableHeader');
    expect(doc.content![4]!.content![1]!.content![1]).toMatchObject({ type: 'tableCell', content: [{ content: [{ text: '2' }] }] });
  });

  it('returns one empty paragraph for empty input', () => {
    expect(importMarkdown('')).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { textAlign: null } }] });
  });

  it('keeps raw HTML out of the document structure', () => {
    const doc = importMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n');
    expect(JSON.stringify(doc)).not.toMatch(/"type":"(script|img|image)"/);
    expect(() => editorSchema().nodeFromJSON(doc).check()).not.toThrow();
  });

  it('drops links the editor would not allow', () => {
    expect(JSON.stringify(importMarkdown('[x](javascript:alert(1))'))).not.toContain('javascript:');
  });

  it('refuses input over the limit with TOO_LARGE, counting UTF-8 bytes', () => {
    const limit = IMPORT_LIMITS.MAX_MARKDOWN_BYTES;
    expect(() => importMarkdown('a'.repeat(limit + 1))).toThrow(expect.objectContaining({ code: 'TOO_LARGE', limitBytes: limit }));
    expect(() => importMarkdown('é'.repeat(limit / 2 + 1))).toThrow(expect.objectContaining({ code: 'TOO_LARGE' }));
  });
});
