import { ApiRequestError } from '../api/apiFetch.ts';

/**
 * One sealed chunk of a file version, through the signed-in session or a
 * share link's proof.
 * @throws ApiRequestError; the abort error when `signal` fired
 */
export async function fetchSealedChunk(
  where: { fileId: string; version: number; index: number; via?: { linkId: string; proof: string } },
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const path = `files/${where.fileId}/versions/${where.version}/chunks/${where.index}`;
  let res: Response;
  try {
    res = where.via
      ? await fetch(`/api/links/${where.via.linkId}/${path}`, { headers: { 'x-coffre-link-proof': where.via.proof }, cache: 'no-store', signal })
      : await fetch(`/api/${path}`, { credentials: 'same-origin', cache: 'no-store', signal });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiRequestError(0, 'NETWORK', 'Cannot reach the Coffre server. Check your connection and try again.');
  }
  if (!res.ok) throw new ApiRequestError(res.status, `HTTP_${res.status}`, res.status === 404 ? 'This file is no longer on the server, or you lost access to it.' : `The server answered ${res.status}.`);
  return new Uint8Array(await res.arrayBuffer());
}
