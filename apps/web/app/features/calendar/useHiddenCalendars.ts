import { useCallback, useState } from 'react';

/** Which calendars I have hidden, on this device (a view preference, not shared, not sent anywhere). */
export function useHiddenCalendars(userId: string): [Set<string>, (id: string) => void] {
  const key = `coffre:calendars-hidden:${userId}`;
  const [hidden, setHidden] = useState<Set<string>>(() => {
    try {
      return new Set(JSON.parse(localStorage.getItem(key) ?? '[]') as string[]);
    } catch {
      return new Set();
    }
  });
  const toggle = useCallback(
    (id: string) =>
      setHidden((h) => {
        const next = new Set(h);
        if (!next.delete(id)) next.add(id);
        localStorage.setItem(key, JSON.stringify([...next]));
        return next;
      }),
    [key],
  );
  return [hidden, toggle];
}
