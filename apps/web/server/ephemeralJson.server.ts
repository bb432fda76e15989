import type { Services } from './Services.ts';

/** Short-lived server-side state (pending logins, challenges) as JSON bytes. */
export async function putEphemeral(services: Services, ns: string, key: string, value: unknown, ttlMs: number): Promise<void> {
  await services.storage.ephemeral.put(ns, key, new TextEncoder().encode(JSON.stringify(value)), services.now() + ttlMs);
}

export async function takeEphemeral<T>(services: Services, ns: string, key: string): Promise<T | null> {
  const bytes = await services.storage.ephemeral.take(ns, key, services.now());
  return bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as T) : null;
}
