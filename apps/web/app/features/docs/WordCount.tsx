import { useEditorState, type Editor } from '@tiptap/react';

/** Live word and character counts of the document body. */
export function WordCount({ editor }: { editor: Editor }) {
  const { words, characters } = useEditorState({
    editor,
    // The storage is gone for a moment while an editor is replaced (e.g. after a key rotation).
    selector: ({ editor: e }) => ({ words: (e.storage.characterCount?.words() ?? 0) as number, characters: (e.storage.characterCount?.characters() ?? 0) as number }),
  });
  return (
    <footer className="doc-foot muted small" data-testid="word-count">
      {words} {words === 1 ? 'word' : 'words'} · {characters} {characters === 1 ? 'character' : 'characters'}
    </footer>
  );
}
