import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Highlight from '@tiptap/extension-highlight';
import TextAlign from '@tiptap/extension-text-align';
import { Color, TextStyle } from '@tiptap/extension-text-style';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { CommentMark } from '../CommentMark.ts';
import { LINK_PROTOCOLS } from './linkProtocols.ts';

/**
 * The word processor's schema-defining extensions, shared by the editor and by
 * import/export so both sides agree on one schema. The editor adds its
 * session-bound extensions (Collaboration, caret, placeholder, character count)
 * on top; undo/redo stays off because Collaboration brings its own.
 */
export function editorExtensions(): Extensions {
  return [
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true, protocols: [...LINK_PROTOCOLS] } }),
    Highlight.configure({ multicolor: true }),
    TextStyle,
    Color,
    TextAlign.configure({ types: ['heading', 'paragraph'] }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: true } }),
    CommentMark,
  ];
}
