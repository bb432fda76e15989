import { useMemo, useState } from 'react';
import { EMOJI } from './emojiList.ts';

/**
 * A popover of common emoji with a search by name (every word must appear). Escape closes
 * it without reaching an enclosing dialog; Enter in the search picks the first match.
 */
export function EmojiPicker({ onPick, onClose }: { onPick(char: string): void; onClose(): void }) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return EMOJI.filter((e) => words.every((w) => e.name.includes(w)));
  }, [query]);

  function handleKeyDown(e: React.KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onClose();
  }

  return (
    <div className="emoji-picker" role="dialog" aria-label="Emoji" onKeyDown={handleKeyDown}>
      <input
        type="search"
        className="emoji-search"
        aria-label="Search emoji"
        placeholder="Search"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            onPick(shown[0].char);
          }
        }}
      />
      {shown.length === 0 ? (
        <p className="muted small">No emoji found.</p>
      ) : (
        <div className="emoji-grid">
          {shown.map((e) => (
            <button key={e.char} type="button" aria-label={e.name} title={e.name} onClick={() => onPick(e.char)}>
              {e.char}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
