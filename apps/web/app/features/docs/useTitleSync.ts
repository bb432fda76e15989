import { useEffect, useRef, useState } from 'react';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';

export type TitleSync = {
  /** The title its folder entry gives the item (what the drive lists), when known; the title field's placeholder while the document has none. */
  entryTitle?: string;
  /** Each named change of the document's title, to copy into the entry. */
  onChange(title: string): void;
};

const CAUGHT_UP_POLL_MS = 100;

/**
 * Keeps an item's folder entry (what the drive lists) named as the document
 * is inside. Nothing is copied before the document has caught up with the
 * server, so opening an item never renames it from a partly loaded state;
 * an untitled document renames nothing (its title field shows the entry's
 * name as placeholder), so a document named only in the drive, by a member
 * or a link's guest, keeps that name. A rename in the drive also renames
 * inside the document (`renameInsideDocument`), so the two stay in step.
 */
export function useTitleSync(open: OpenDoc, title: string, sync: TitleSync): void {
  const [ready, setReady] = useState(false);
  const sent = useRef<string | undefined>(sync.entryTitle);
  const latest = useRef(sync);
  latest.current = sync;

  useEffect(() => {
    setReady(false);
    const settle = () => open.connection.status === 'synced' && open.session.caughtUp && (setReady(true), true);
    if (settle()) return;
    const timer = setInterval(() => settle() && clearInterval(timer), CAUGHT_UP_POLL_MS);
    return () => clearInterval(timer);
  }, [open]);

  useEffect(() => {
    if (!ready || !title || title === sent.current) return;
    sent.current = title;
    latest.current.onChange(title);
  }, [ready, title]);
}
