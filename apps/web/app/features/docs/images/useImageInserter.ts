import { useCallback, useRef, useState } from 'react';
import { NodeSelection } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { errorMessage } from '../../../components/errorMessage.ts';
import { checkImageFile } from './checkImageFile.ts';
import { uploadImage } from './uploadImage.client.ts';

export type ImageInsertStatus = { busy: boolean; ok: boolean; text: string };

/**
 * Adds picked, pasted or dropped images to the document: each is checked,
 * sealed and uploaded first, and only then inserted at the selection (at
 * `pos` for a drop). A failure inserts nothing and says why.
 */
export function useImageInserter(docId: string): {
  insert(editor: Editor, files: File[], pos?: number | null): Promise<void>;
  status: ImageInsertStatus | null;
  dismiss(): void;
} {
  const [status, setStatus] = useState<ImageInsertStatus | null>(null);
  const queue = useRef(Promise.resolve());

  const insert = useCallback(
    (editor: Editor, files: File[], pos: number | null = null) => {
      // Later picks wait their turn, so the status line and the order of images stay simple.
      const run = async () => {
        if (pos !== null && !editor.isDestroyed) editor.commands.setTextSelection(Math.min(pos, editor.state.doc.content.size));
        const failures: string[] = [];
        for (const file of files) {
          if (editor.isDestroyed || !editor.isEditable) return;
          const checked = await checkImageFile(file);
          if (!checked.ok) {
            failures.push(checked.message);
            continue;
          }
          const progress = (fraction: number) => setStatus({ busy: true, ok: true, text: `Encrypting and uploading ${file.name}… ${Math.round(fraction * 100)}%` });
          progress(0);
          const uploaded = await uploadImage(file, { docId, mime: checked.mime }, progress);
          if (!uploaded.ok) {
            failures.push(`${file.name} was not added: ${uploaded.message}`);
            continue;
          }
          if (editor.isDestroyed) return;
          const { selection } = editor.state;
          // Never replace a selected image with the new one: go after it.
          const at = selection instanceof NodeSelection ? selection.to : { from: selection.from, to: selection.to };
          editor.chain().focus().insertContentAt(at, { type: 'encryptedImage', attrs: uploaded.attrs }).run();
        }
        setStatus(failures.length ? { busy: false, ok: false, text: failures.join(' ') } : null);
      };
      const next = queue.current.then(run).catch((e) => setStatus({ busy: false, ok: false, text: errorMessage(e) }));
      queue.current = next;
      return next;
    },
    [docId],
  );

  return { insert, status, dismiss: useCallback(() => setStatus(null), []) };
}
