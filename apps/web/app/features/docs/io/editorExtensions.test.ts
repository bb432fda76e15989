import { describe, expect, it } from 'vitest';
import { editorExtensions } from './editorExtensions.ts';
import { editorSchema } from './editorSchema.ts';
import { LINK_PROTOCOLS } from './linkProtocols.ts';

describe('editorExtensions', () => {
  it('defines every node and mark the word processor edits', () => {
    const schema = editorSchema();
    expect(Object.keys(schema.nodes)).toEqual(
      expect.arrayContaining(['doc', 'paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'taskList', 'taskItem', 'codeBlock', 'horizontalRule', 'hardBreak', 'table', 'tableRow', 'tableHeader', 'tableCell', 'encryptedImage', 'text']),
    );
    expect(Object.keys(schema.marks)).toEqual(expect.arrayContaining(['bold', 'italic', 'strike', 'underline', 'code', 'link', 'highlight', 'textStyle']));
  });

  it('carries the editor attributes: alignment, colours, nested tasks', () => {
    const schema = editorSchema();
    expect(schema.nodes.paragraph!.spec.attrs).toHaveProperty('textAlign');
    expect(schema.nodes.heading!.spec.attrs).toHaveProperty('textAlign');
    expect(schema.marks.highlight!.spec.attrs).toHaveProperty('color');
    expect(schema.marks.textStyle!.spec.attrs).toHaveProperty('color');
    expect(schema.nodes.taskItem!.spec.content).toContain('block');
  });

  it('leaves session-bound extensions to the editor', () => {
    const names = editorExtensions().map((e) => e.name);
    for (const name of ['collaboration', 'collaborationCaret', 'placeholder', 'characterCount', 'undoRedo']) expect(names).not.toContain(name);
  });

  it('allows only http, https and mailto links', () => {
    expect([...LINK_PROTOCOLS]).toEqual(['http', 'https', 'mailto']);
    const starterKit = editorExtensions().find((e) => e.name === 'starterKit');
    expect((starterKit!.options as { link: { protocols: string[] } }).link.protocols).toEqual([...LINK_PROTOCOLS]);
  });
});
