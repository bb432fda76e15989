import { useEffect, type RefObject } from 'react';

/**
 * While `open`, a mousedown outside `inside` or Escape anywhere calls `close`. Escape is heard on
 * the document, so it works while the focus stays elsewhere (a toolbar menu leaves it in the editor).
 */
export function useDismiss(open: boolean, inside: RefObject<HTMLElement | null>, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const dismiss = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !inside.current?.contains(e.target as Node)) close();
    };
    document.addEventListener('mousedown', dismiss);
    document.addEventListener('keydown', dismiss);
    return () => {
      document.removeEventListener('mousedown', dismiss);
      document.removeEventListener('keydown', dismiss);
    };
  }, [open, inside, close]);
}
