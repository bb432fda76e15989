import { useEffect, useState } from 'react';
import { apiFetch } from '../../api/apiFetch.ts';

/** The usernames with access to an item (for @mentions); empty until known, and if the list cannot be read. */
export function useRoomMembers(itemId: string): string[] {
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    apiFetch<{ username: string }[]>(`/docs/${encodeURIComponent(itemId)}/members`).then(
      (people) => live && setNames(people.map((p) => p.username)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [itemId]);
  return names;
}
