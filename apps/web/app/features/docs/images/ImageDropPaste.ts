import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Hands image files pasted or dropped into the editor to `onFiles` (which
 * uploads them) instead of letting the browser or ProseMirror handle them.
 * Only for people who can edit; anything that is not an image file goes on
 * to the default handling.
 */
export const ImageDropPaste = Extension.create<{ onFiles(files: File[], pos: number | null): void }>({
  name: 'imageDropPaste',

  addOptions() {
    return { onFiles: () => undefined };
  },

  addProseMirrorPlugins() {
    const { onFiles } = this.options;
    return [
      new Plugin({
        key: new PluginKey('imageDropPaste'),
        props: {
          handlePaste(view, event) {
            const data = event.clipboardData;
            // Office apps put a picture of copied text beside the text itself: that is a text paste.
            if (!view.editable || !data || data.getData('text/plain').trim()) return false;
            const files = imageFiles(data);
            if (!files.length) return false;
            onFiles(files, null);
            return true;
          },
          handleDrop(view, event, _slice, moved) {
            if (!view.editable || moved || !event.dataTransfer) return false;
            const files = imageFiles(event.dataTransfer);
            if (!files.length) return false;
            event.preventDefault();
            onFiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null);
            return true;
          },
        },
      }),
    ];
  },
});

function imageFiles(data: DataTransfer): File[] {
  return [...data.files].filter((f) => f.type.startsWith('image/') || /\.svgz?$/i.test(f.name));
}
