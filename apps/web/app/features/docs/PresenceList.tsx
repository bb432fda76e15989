import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

type Person = { clientId: number; name: string; color: string };

/** Who else has this document open right now (verified presence only). */
export function PresenceList({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    const update = () => {
      const list: Person[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
        if (typeof user?.name === 'string') list.push({ clientId, name: user.name, color: typeof user.color === 'string' ? user.color : '#888' });
      }
      setPeople(list);
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness]);
  if (people.length === 0) return null;
  return (
    <ul className="presence" aria-label="People here" data-testid="presence">
      {people.map((p) => (
        <li key={p.clientId} title={p.name} style={{ background: p.color }}>
          {p.name.slice(0, 1).toUpperCase()}
          <span className="sr-only">{p.name}</span>
        </li>
      ))}
    </ul>
  );
}
