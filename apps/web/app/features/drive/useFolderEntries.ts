import { useEffect, useMemo, useState } from 'react';
import { folderEntries, listFolderEntries, type FolderEntry } from '@coffre/docs';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';

/** The folder's entries, live: anyone's change re-renders. */
export function useFolderEntries(open: OpenDoc | null | undefined): FolderEntry[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!open) return;
    const map = folderEntries(open.session.doc);
    const bump = () => setVersion((v) => v + 1);
    map.observeDeep(bump);
    bump();
    return () => map.unobserveDeep(bump);
  }, [open]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (open ? listFolderEntries(open.session.doc) : []), [open, version]);
}
