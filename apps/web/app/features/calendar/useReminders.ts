import { useEffect, useRef, useState } from 'react';
import type { Occurrence } from '@coffre/docs';
import { dueReminders, type DueReminder } from './dueReminders.ts';

const CHECK_MS = 15_000;
const STORE = 'coffre:reminders-fired';

function loadFired(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(STORE) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/**
 * Rings reminders of the occurrences given (the next day or so of every shown
 * calendar): an in-app notice, and a browser notification when allowed. What
 * has rung is remembered on this device, so a reload does not ring it again.
 */
export function useReminders(upcoming: () => Occurrence[]): { notices: DueReminder[]; dismiss(key: string): void } {
  const [notices, setNotices] = useState<DueReminder[]>([]);
  const since = useRef(Date.now() - CHECK_MS);
  const source = useRef(upcoming);
  source.current = upcoming;
  useEffect(() => {
    const check = () => {
      const now = Date.now();
      const fired = loadFired();
      const due = dueReminders(source.current(), since.current, now, fired);
      since.current = now;
      if (due.length === 0) return;
      for (const d of due) fired.add(d.key);
      localStorage.setItem(STORE, JSON.stringify([...fired].slice(-500)));
      setNotices((n) => [...n, ...due]);
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        for (const d of due) new Notification(d.occurrence.title || 'Event', { body: new Date(d.occurrence.startMs).toLocaleString(), tag: d.key });
      }
    };
    check();
    const timer = setInterval(check, CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return { notices, dismiss: (key) => setNotices((n) => n.filter((x) => x.key !== key)) };
}
