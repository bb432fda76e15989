import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** The current string of a Y.Text, re-rendering on every change (local or remote). */
export function useYText(text: Y.Text): string {
  const [value, setValue] = useState(() => text.toString());
  useEffect(() => {
    const update = () => setValue(text.toString());
    text.observe(update);
    update();
    return () => text.unobserve(update);
  }, [text]);
  return value;
}
