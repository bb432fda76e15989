/** The relay worker's script and the only paths it answers (ADR 0015); the scope is narrower than the script's folder, so no Service-Worker-Allowed header is needed. */
export const DOWNLOAD_WORKER_SCRIPT = '/download-worker.js';
export const DOWNLOAD_STREAM_PATH = '/download-stream/';

const ACTIVATE_TIMEOUT_MS = 10_000;
let registering: Promise<ServiceWorkerRegistration | null> | null = null;

/**
 * The active download relay worker, registered on first use; null where
 * service workers are unavailable (no `navigator.serviceWorker`, a window
 * that refuses them, a failed registration): callers then fall back to a Blob.
 * The worker controls no page (its scope holds only download URLs), so
 * `navigator.serviceWorker.ready` would never resolve: wait on its state.
 */
export async function downloadWorker(): Promise<ServiceWorker | null> {
  registering ??= register().catch(() => null);
  const reg = await registering;
  return reg?.active ?? null;
}

async function register(): Promise<ServiceWorkerRegistration | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !navigator.serviceWorker) return null;
  const reg = await navigator.serviceWorker.register(DOWNLOAD_WORKER_SCRIPT, { scope: DOWNLOAD_STREAM_PATH, updateViaCache: 'none' });
  const worker = reg.installing ?? reg.waiting ?? reg.active;
  if (!worker) return null;
  if (worker.state !== 'activated') {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('download worker did not activate')), ACTIVATE_TIMEOUT_MS);
      const check = () => {
        if (worker.state === 'activated') resolve();
        else if (worker.state === 'redundant') reject(new Error('download worker was replaced'));
        else return;
        clearTimeout(timer);
        worker.removeEventListener('statechange', check);
      };
      worker.addEventListener('statechange', check);
      check();
    });
  }
  return reg;
}
