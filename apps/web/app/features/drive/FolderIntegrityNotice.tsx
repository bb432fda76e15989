import { useEffect, useState } from 'react';
import { lastIntegrityProblem, type OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { syncState } from '../docs/syncState.ts';

/**
 * A folder has no save badge, so what the server sent that failed
 * verification (a forged, swapped or rolled-back change) is said here; the
 * list shows only what verified.
 */
export function FolderIntegrityNotice({ open }: { open: OpenDoc }) {
  const [code, setCode] = useState<string | null>(() => lastIntegrityProblem(open.session)?.code ?? null);
  useEffect(() => {
    setCode(lastIntegrityProblem(open.session)?.code ?? null);
    return open.session.onIntegrityError((e) => setCode(e.code));
  }, [open]);
  if (!code) return null;
  const shown = syncState(open, code);
  return (
    <p className="error" role="alert" data-testid="folder-integrity">
      {shown.label}: {shown.detail}
    </p>
  );
}
