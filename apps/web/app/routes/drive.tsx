import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ClientOnly } from '../components/ClientOnly.tsx';

const DrivePage = lazy(() => import('../features/drive/DrivePage.tsx').then((m) => ({ default: m.DrivePage })));

export function meta() {
  return [{ title: 'Drive — Coffre' }];
}

/** The drive runs only in the browser: folder names and keys never exist on the server. */
export default function Drive() {
  const params = useParams();
  return (
    <ClientOnly fallback={<p className="muted">Opening your drive…</p>}>
      {() => (
        <Suspense fallback={<p className="muted">Loading the drive…</p>}>
          <DrivePage splat={params['*'] ?? ''} />
        </Suspense>
      )}
    </ClientOnly>
  );
}
