import { useSyncExternalStore } from 'react';

const noop = () => () => undefined;

/** Renders `children()` only after hydration in the browser; the fallback on the server. */
export function ClientOnly({ children, fallback = null }: { children: () => React.ReactNode; fallback?: React.ReactNode }) {
  const isClient = useSyncExternalStore(noop, () => true, () => false);
  return isClient ? <>{children()}</> : <>{fallback}</>;
}
