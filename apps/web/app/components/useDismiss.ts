import { useEffect, useRef, type RefObject } from 'react';

/**
 * While `open`, a mousedown outside `inside` or Escape anywhere calls `close`. Escape is heard on
 * the document, so it works while the focus stays elsewhere (a toolbar menu leaves it in the editor).
 * `close` may be a new function at every render: the listeners call the latest one.
 */
export function useDismiss(open: boolean, inside: RefObject<HTMLElement | null>, close: () => void): void {
  const latest = useRef(close);
  useEffect(() => {
    latest.current = close;
  });
  useEffect(() => {
    if (!open) return;
    const dismiss = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !inside.current?.contains(e.target as Node)) latest.current();
    };
    document.addEventListener('mousedown', dismiss);
    document.addEventListener('keydown', dismiss);
    return () => {
      document.removeEventListener('mousedown', dismiss);
      document.removeEventListener('keydown', dismiss);
    };
  }, [open, inside]);
}
