import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/** Someone else's selected range on a sheet (corner row and column ids, so it survives inserts), with their name and colour. */
export type RemoteSelection = { clientId: number; name: string; color: string; sheetId: string; rowId: string; colId: string; rowId2: string; colId2: string };

const COLOR = /^#[0-9a-f]{6}$/i;
const ID = /^[A-Za-z0-9_-]{1,24}$/;
const id = (v: unknown) => (typeof v === 'string' && ID.test(v) ? v : null);

/** Collaborators' selections from (verified, decrypted) presence, kept in a ref; `onChange` asks for a redraw. */
export function useRemoteSelections(awareness: Awareness, onChange: () => void): React.RefObject<RemoteSelection[]> {
  const ref = useRef<RemoteSelection[]>([]);
  useEffect(() => {
    const update = () => {
      const list: RemoteSelection[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const s = state as { user?: { name?: unknown; color?: unknown }; sheetSel?: Record<string, unknown> };
        const sel = s.sheetSel;
        if (typeof s.user?.name !== 'string' || !sel || typeof sel.sheetId !== 'string') continue;
        const [rowId, colId, rowId2, colId2] = [id(sel.r), id(sel.c), id(sel.r2), id(sel.c2)];
        if (rowId === null || colId === null || rowId2 === null || colId2 === null) continue;
        const color = typeof s.user.color === 'string' && COLOR.test(s.user.color) ? s.user.color : '#888888';
        list.push({ clientId, name: s.user.name.slice(0, 40), color, sheetId: sel.sheetId, rowId, colId, rowId2, colId2 });
      }
      ref.current = list;
      onChange();
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness]);
  return ref;
}
