import { useEffect, useRef } from 'react';
import type { Editor } from '@tiptap/core';

/** How recently the old editor must have had focus for the new one to take it over. */
const TAKEOVER_MS = 1000;

/**
 * When the document gets a new key mid-edit, the editor is rebuilt on the
 * new session. If the old one had the focus (or lost it in the rebuild), the
 * new one takes it, with the same selection, so typing goes on.
 */
export function useKeepFocusAcrossRebuild(editor: Editor | null): void {
  const last = useRef<{ from: number; to: number; at: number } | null>(null);
  useEffect(() => {
    if (!editor) return;
    const carried = last.current;
    if (carried && Date.now() - carried.at < TAKEOVER_MS) {
      const max = editor.state.doc.content.size;
      editor.chain().setTextSelection({ from: Math.min(carried.from, max), to: Math.min(carried.to, max) }).focus().run();
    }
    const remember = () => {
      if (editor.isFocused) last.current = { from: editor.state.selection.from, to: editor.state.selection.to, at: Number.POSITIVE_INFINITY };
    };
    const blurred = () => {
      if (last.current) last.current = { ...last.current, at: Date.now() };
    };
    editor.on('selectionUpdate', remember);
    editor.on('focus', remember);
    editor.on('blur', blurred);
    return () => {
      editor.off('selectionUpdate', remember);
      editor.off('focus', remember);
      editor.off('blur', blurred);
      // Torn down while focused (no blur event): the next editor takes over now.
      if (last.current && last.current.at === Number.POSITIVE_INFINITY) last.current = { ...last.current, at: Date.now() };
    };
  }, [editor]);
}
