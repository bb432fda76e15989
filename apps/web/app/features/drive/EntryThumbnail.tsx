import { useState } from 'react';
import type { FolderEntry } from '@coffre/docs';
import { EntryIcon } from './EntryIcon.tsx';
import { thumbnailSrc } from './thumbnailSrc.ts';

/** The grid's picture of an entry: its decrypted thumbnail when it has a valid one, else its icon. */
export function EntryThumbnail({ entry }: { entry: FolderEntry }) {
  const src = thumbnailSrc(entry);
  const [broken, setBroken] = useState<string | null>(null);
  // A thumbnail that starts like a JPEG may still not decode: the icon then.
  if (!src || broken === src) return <EntryIcon entry={entry} />;
  return <img className="entry-thumb" src={src} alt="" draggable={false} decoding="async" onError={() => setBroken(src)} />;
}
