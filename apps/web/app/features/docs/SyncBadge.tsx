import { useEffect, useState } from 'react';
import type { OpenDoc } from '../../keys/openEncryptedDoc.client.ts';
import { syncState as compute } from './syncState.ts';

/** Always-visible connection and save state, and integrity problems in plain words. */
export function SyncBadge({ open }: { open: OpenDoc }) {
  const [shown, setShown] = useState(() => compute(open, null));
  useEffect(() => {
    let integrity: string | null = null;
    const update = () => setShown(compute(open, integrity));
    const offs = [
      open.connection.onStatus(update),
      open.session.onChange(update),
      open.session.onIntegrityError((e) => {
        integrity = e.code;
        update();
      }),
    ];
    const timer = setInterval(update, 1000);
    update();
    return () => {
      offs.forEach((off) => off());
      clearInterval(timer);
    };
  }, [open]);
  return (
    <span className={`sync-badge ${shown.tone}`} role="status" title={shown.detail} data-testid="sync-status">
      {shown.label}
    </span>
  );
}
