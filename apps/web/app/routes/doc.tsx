import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ClientOnly } from '../components/ClientOnly.tsx';

const DocEditorPage = lazy(() => import('../features/docs/DocEditorPage.tsx'));

export function meta() {
  return [{ title: 'Document — Coffre' }];
}

/** The editor only ever runs in the browser: keys and plaintext never exist on the server. */
export default function DocRoute() {
  const { docId } = useParams();
  return (
    <ClientOnly fallback={<p className="muted">Opening…</p>}>
      {() => (
        <Suspense fallback={<p className="muted">Loading the editor…</p>}>
          <DocEditorPage docId={docId ?? ''} />
        </Suspense>
      )}
    </ClientOnly>
  );
}
