import { lazy, Suspense } from 'react';
import { ClientOnly } from '../components/ClientOnly.tsx';
import { collabUrl } from '../features/docs/collabUrl.ts';
import type { Route } from './+types/s';

const LinkPage = lazy(() => import('../features/links/LinkPage.tsx').then((m) => ({ default: m.LinkPage })));

export async function loader({ context }: Route.LoaderArgs) {
  return { collabPublicUrl: context.collabPublicUrl, collabPort: context.collabPort };
}

export function meta() {
  return [{ title: 'Shared with you — Coffre' }, { name: 'referrer', content: 'no-referrer' }];
}

/** A share link. Only the browser ever sees the secret after the `#`. */
export default function SharedLink({ loaderData }: Route.ComponentProps) {
  return (
    <ClientOnly fallback={<p className="muted">Opening the link…</p>}>
      {() => (
        <Suspense fallback={<p className="muted">Opening the link…</p>}>
          <LinkPage collabUrl={collabUrl(loaderData)} />
        </Suspense>
      )}
    </ClientOnly>
  );
}
