import type { ApiErrorBody } from './wire.ts';

/** A failed API call with the server's code and a message fit for the user. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/**
 * JSON call to the Coffre API. Adds the anti-CSRF header; turns network
 * failures and error bodies into ApiRequestError with a readable message.
 */
export async function apiFetch<T>(path: string, body?: unknown, init: { method?: string; headers?: Record<string, string> } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers: { ...init.headers, 'content-type': 'application/json', 'x-coffre-csrf': '1' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', 'Cannot reach the Coffre server. Check your connection and try again.');
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const err = (json ?? {}) as Partial<ApiErrorBody>;
    throw new ApiRequestError(res.status, err.code ?? 'HTTP_' + res.status, err.message ?? `The server answered ${res.status}.`);
  }
  return json as T;
}
