import { lazy, Suspense } from 'react';
import { ClientOnly } from '../components/ClientOnly.tsx';

const LinkPage = lazy(() => import('../features/links/LinkPage.tsx').then((m) => ({ default: m.LinkPage })));

export function meta() {
  return [{ title: 'Shared with you — Coffre' }, { name: 'referrer', content: 'no-referrer' }];
}

/** A share link. Only the browser ever sees the secret after the `#`. */
export default function SharedLink() {
  return (
    <ClientOnly fallback={<p className="muted">Opening the link…</p>}>
      {() => (
        <Suspense fallback={<p className="muted">Opening the link…</p>}>
          <LinkPage />
        </Suspense>
      )}
    </ClientOnly>
  );
}
