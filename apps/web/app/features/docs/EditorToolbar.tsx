import { Fragment } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { ColourMenu, type Swatch } from './ColourMenu.tsx';
import { InsertImageButton } from './images/InsertImageButton.tsx';
import { LinkMenu } from './LinkMenu.tsx';

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
  ],
];

/** Shown while the caret is in a table. */
const TABLE_TOOLS: Tool[] = [
  { label: 'Row ↑', title: 'Insert a row above', run: (e) => e.chain().focus().addRowBefore().run() },
  { label: 'Row ↓', title: 'Insert a row below', run: (e) => e.chain().focus().addRowAfter().run() },
  { label: 'Col ←', title: 'Insert a column to the left', run: (e) => e.chain().focus().addColumnBefore().run() },
  { label: 'Col →', title: 'Insert a column to the right', run: (e) => e.chain().focus().addColumnAfter().run() },
  { label: 'Header', title: 'Header row on or off', run: (e) => e.chain().focus().toggleHeaderRow().run() },
  { label: 'Merge', title: 'Merge the selected cells, or split a merged one', run: (e) => e.chain().focus().mergeOrSplit().run() },
  { label: '− Row', title: 'Delete this row', run: (e) => e.chain().focus().deleteRow().run() },
  { label: '− Col', title: 'Delete this column', run: (e) => e.chain().focus().deleteColumn().run() },
  { label: '− Table', title: 'Delete the table', run: (e) => e.chain().focus().deleteTable().run() },
];

/** The colour menus follow this group (bold, italic…). */
const MARKS_GROUP = 2;

/** Dark enough to read on white; the first removes the colour. */
const TEXT_COLOURS: readonly Swatch[] = [
  { name: 'Default', value: null },
  { name: 'Grey', value: '#6b7280' },
  { name: 'Red', value: '#b42318' },
  { name: 'Orange', value: '#c2410c' },
  { name: 'Green', value: '#15803d' },
  { name: 'Blue', value: '#1d4ed8' },
  { name: 'Purple', value: '#7e22ce' },
];

/** Light enough for black text on them; the first removes the highlight. */
const HIGHLIGHTS: readonly Swatch[] = [
  { name: 'None', value: null },
  { name: 'Yellow', value: '#fde68a' },
  { name: 'Green', value: '#bbf7d0' },
  { name: 'Blue', value: '#bfdbfe' },
  { name: 'Pink', value: '#fbcfe8' },
  { name: 'Orange', value: '#fed7aa' },
];

export function EditorToolbar({ editor, onInsertImages }: { editor: Editor; onInsertImages?: (files: File[]) => void }) {
  // Re-render on selection and content changes so active states stay right.
  const active = useEditorState({ editor, selector: ({ editor: e }) => TOOLS.flat().map((t) => t.active?.(e) ?? false) });
  const colours = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ text: (e.getAttributes('textStyle').color as string | undefined) ?? null, highlight: e.isActive('highlight') ? ((e.getAttributes('highlight').color as string | undefined) ?? HIGHLIGHTS[1]!.value) : null }),
  });
  const inTable = useEditorState({ editor, selector: ({ editor: e }) => e.isActive('table') });
  let i = 0;
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {TOOLS.map((group, g) => (
        <Fragment key={g}>
          <div className="tool-group">
            {group.map((t) => {
              const on = active[i++];
              return <ToolButton key={t.title} tool={t} editor={editor} on={on} />;
            })}
          </div>
          {g === MARKS_GROUP && (
            <div className="tool-group">
              <ColourMenu label="A" title="Text colour" kind="text" swatches={TEXT_COLOURS} current={colours.text} onPick={(c) => (c ? editor.chain().focus().setColor(c).run() : editor.chain().focus().unsetColor().run())} />
              <ColourMenu label="Mark" title="Highlight" kind="highlight" swatches={HIGHLIGHTS} current={colours.highlight} onPick={(c) => (c ? editor.chain().focus().setHighlight({ color: c }).run() : editor.chain().focus().unsetHighlight().run())} />
            </div>
          )}
        </Fragment>
      ))}
      <div className="tool-group">
        <LinkMenu editor={editor} />
        {onInsertImages && <InsertImageButton onFiles={onInsertImages} />}
      </div>
      {inTable && (
        <div className="tool-group" role="group" aria-label="Table">
          {TABLE_TOOLS.map((t) => (
            <ToolButton key={t.title} tool={t} editor={editor} />
          ))}
        </div>
      )}
    </div>
  );
}

/** A toolbar button that leaves the focus (and the selection) in the editor. `on` only for tools with an active state. */
function ToolButton({ tool, editor, on }: { tool: Tool; editor: Editor; on?: boolean }) {
  return (
    <button type="button" className={on ? 'tool on' : 'tool'} title={tool.title} aria-label={tool.title} aria-pressed={on} onMouseDown={(ev) => ev.preventDefault()} onClick={() => tool.run(editor)}>
      {tool.label}
    </button>
  );
}
