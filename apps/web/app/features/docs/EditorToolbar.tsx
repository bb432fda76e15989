import { useEditorState, type Editor } from '@tiptap/react';
import { InsertImageButton } from './images/InsertImageButton.tsx';

type Tool = { label: string; title: string; run(e: Editor): void; active?(e: Editor): boolean };

const TOOLS: Tool[][] = [
  [
    { label: 'Undo', title: 'Undo your last change (Ctrl+Z)', run: (e) => e.chain().focus().undo().run() },
    { label: 'Redo', title: 'Redo (Ctrl+Shift+Z)', run: (e) => e.chain().focus().redo().run() },
  ],
  [
    { label: 'H1', title: 'Heading 1', run: (e) => e.chain().focus().toggleHeading({ level: 1 }).run(), active: (e) => e.isActive('heading', { level: 1 }) },
    { label: 'H2', title: 'Heading 2', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
    { label: 'H3', title: 'Heading 3', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  ],
  [
    { label: 'B', title: 'Bold (Ctrl+B)', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
    { label: 'I', title: 'Italic (Ctrl+I)', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
    { label: 'U', title: 'Underline (Ctrl+U)', run: (e) => e.chain().focus().toggleUnderline().run(), active: (e) => e.isActive('underline') },
    { label: 'S', title: 'Strikethrough', run: (e) => e.chain().focus().toggleStrike().run(), active: (e) => e.isActive('strike') },
    { label: '</>', title: 'Inline code', run: (e) => e.chain().focus().toggleCode().run(), active: (e) => e.isActive('code') },
    { label: 'Mark', title: 'Highlight', run: (e) => e.chain().focus().toggleHighlight({ color: '#fde68a' }).run(), active: (e) => e.isActive('highlight') },
    { label: 'Red', title: 'Red text', run: (e) => (e.isActive('textStyle', { color: '#b42318' }) ? e.chain().focus().unsetColor().run() : e.chain().focus().setColor('#b42318').run()), active: (e) => e.isActive('textStyle', { color: '#b42318' }) },
  ],
  [
    { label: '•', title: 'Bulleted list', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
    { label: '1.', title: 'Numbered list', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
    { label: '☐', title: 'Task list', run: (e) => e.chain().focus().toggleTaskList().run(), active: (e) => e.isActive('taskList') },
    { label: '❝', title: 'Quote', run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
    { label: '{ }', title: 'Code block', run: (e) => e.chain().focus().toggleCodeBlock().run(), active: (e) => e.isActive('codeBlock') },
    { label: '—', title: 'Horizontal rule', run: (e) => e.chain().focus().setHorizontalRule().run() },
    { label: 'Table', title: 'Insert a 3×3 table', run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  ],
  [
    { label: 'Left', title: 'Align left', run: (e) => e.chain().focus().setTextAlign('left').run(), active: (e) => e.isActive({ textAlign: 'left' }) },
    { label: 'Center', title: 'Align center', run: (e) => e.chain().focus().setTextAlign('center').run(), active: (e) => e.isActive({ textAlign: 'center' }) },
    { label: 'Right', title: 'Align right', run: (e) => e.chain().focus().setTextAlign('right').run(), active: (e) => e.isActive({ textAlign: 'right' }) },
    { label: 'Link', title: 'Add or remove a link', run: toggleLink, active: (e) => e.isActive('link') },
  ],
];

function toggleLink(e: Editor): void {
  if (e.isActive('link')) {
    e.chain().focus().unsetLink().run();
    return;
  }
  const url = window.prompt('Link address (https://…)');
  if (!url) return;
  if (!/^(https?:|mailto:)/i.test(url.trim())) {
    window.alert('Only http, https and mailto links are allowed.');
    return;
  }
  e.chain().focus().extendMarkRange('link').setLink({ href: url.trim() }).run();
}

export function EditorToolbar({ editor, onInsertImages }: { editor: Editor; onInsertImages?: (files: File[]) => void }) {
  // Re-render on selection and content changes so active states stay right.
  const active = useEditorState({ editor, selector: ({ editor: e }) => TOOLS.flat().map((t) => t.active?.(e) ?? false) });
  let i = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {TOOLS.map((group, g) => (
        <div className="tool-group" key={g}>
          {group.map((t) => {
            const on = active[i++];
            return (
              <button key={t.title} type="button" className={on ? 'tool on' : 'tool'} title={t.title} aria-label={t.title} aria-pressed={on} onMouseDown={(ev) => ev.preventDefault()} onClick={() => t.run(editor)}>
                {t.label}
              </button>
            );
          })}
        </div>
      ))}
      <div className="tool-group">
        {onInsertImages && <InsertImageButton onFiles={onInsertImages} />}
      </div>
    </div>
  );
}
