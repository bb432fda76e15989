import { Node, type NodeViewRenderer } from '@tiptap/core';
import { rememberedImages } from './rememberedImages.ts';

/** Values come only from `rememberedImages`, never from the pasted element's own attributes. */
const fromNodeOnly = (defaultValue: unknown) => ({ default: defaultValue, rendered: false, parseHTML: () => null });

/**
 * An image stored as an encrypted file of the document: the node holds the
 * file id and key (inside the encrypted Y.Doc), never the bytes. HTML output
 * names the file id only, so the key never reaches the clipboard or
 * `getHTML()`. The editor supplies the view that decrypts and shows it.
 */
export const EncryptedImage = Node.create<{ view: NodeViewRenderer | null }>({
  name: 'encryptedImage',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { view: null };
  },

  addAttributes() {
    return {
      fileId: fromNodeOnly(null),
      key: fromNodeOnly(null),
      chunkCount: fromNodeOnly(1),
      mime: fromNodeOnly(null),
      alt: fromNodeOnly(''),
      width: fromNodeOnly(null),
    };
  },

  parseHTML() {
    // Plain <img src> is never parsed: a remote image would tell its host who reads the document.
    return [{ tag: 'img[data-coffre-image]', getAttrs: (el) => rememberedImages.get(el.getAttribute('data-coffre-image') ?? '') ?? false }];
  },

  renderHTML({ node }) {
    return ['img', { alt: String(node.attrs.alt ?? ''), 'data-coffre-image': String(node.attrs.fileId ?? '') }];
  },

  addNodeView() {
    return this.options.view;
  },
});
