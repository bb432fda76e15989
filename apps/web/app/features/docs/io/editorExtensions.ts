import type { Extensions, NodeViewRenderer } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Highlight from '@tiptap/extension-highlight';
import TextAlign from '@tiptap/extension-text-align';
import { Color, TextStyle } from '@tiptap/extension-text-style';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import { CommentMark } from '../CommentMark.ts';
import { EncryptedImage } from './EncryptedImage.ts';
import { LINK_PROTOCOLS } from './linkProtocols.ts';

/**
 * The word processor's schema-defining extensions, shared by the editor and by
 * import/export so both sides agree on one schema. The editor adds its
 * session-bound extensions (Collaboration, caret, placeholder, character count)
 * on top; undo/redo stays off because Collaboration brings its own. Images
 * get a view only where one is given (`imageView`): import and export need
 * the schema, not the browser code that decrypts.
 */
export function editorExtensions(options: { imageView?: NodeViewRenderer } = {}): Extensions {
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
    EncryptedImage.configure({ view: options.imageView ?? null }),
  ];
}
