import { useEditorState, type Editor } from '@tiptap/react';

/** Live word and character counts of the document body. */
export function WordCount({ editor }: { editor: Editor }) {
  const { words, characters } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ words: e.storage.characterCount.words() as number, characters: e.storage.characterCount.characters() as number }),
  });
  return (
    <footer className="doc-foot muted small" data-testid="word-count">
      {words} {words === 1 ? 'word' : 'words'} · {characters} {characters === 1 ? 'character' : 'characters'}
    </footer>
  );
}
