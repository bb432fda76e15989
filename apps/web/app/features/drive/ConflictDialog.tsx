import { useCallback, useRef, useState } from 'react';
import type { AskConflict, ConflictChoice } from './useUploader.ts';

type Pending = { name: string; resolve(a: { choice: ConflictChoice; forAll: boolean }): void };

/** Asks, one name at a time, whether an upload replaces the file of that name (as a new version) or sits beside it. */
export function useConflictPrompt(): { ask: AskConflict; pending: Pending | null; answer(choice: ConflictChoice, forAll: boolean): void } {
  const [pending, setPending] = useState<Pending | null>(null);
  const ref = useRef<Pending | null>(null);
  const ask = useCallback<AskConflict>(
    (name) =>
      new Promise((resolve) => {
        ref.current = { name, resolve };
        setPending(ref.current);
      }),
    [],
  );
  const answer = useCallback((choice: ConflictChoice, forAll: boolean) => {
    ref.current?.resolve({ choice, forAll });
    ref.current = null;
    setPending(null);
  }, []);
  return { ask, pending, answer };
}

export function ConflictDialog({ prompt }: { prompt: ReturnType<typeof useConflictPrompt> }) {
  const [forAll, setForAll] = useState(false);
  if (!prompt.pending) return null;
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="conflict-title">
        <h2 id="conflict-title">“{prompt.pending.name}” already exists</h2>
        <p>Replace it (the current file is kept as an older version), or keep both?</p>
        <label>
          <input type="checkbox" checked={forAll} onChange={(e) => setForAll(e.target.checked)} /> Do this for every name that exists
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={() => prompt.answer('replace', forAll)}>Replace</button>
          <button type="button" onClick={() => prompt.answer('keep-both', forAll)}>Keep both</button>
          <button type="button" className="secondary" onClick={() => prompt.answer('skip', forAll)}>Skip</button>
        </div>
      </div>
    </div>
  );
}
