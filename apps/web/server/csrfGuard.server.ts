import type { NextFunction, Request, Response } from 'express';
import { ApiError } from './ApiError.ts';

export const CSRF_HEADER = 'x-coffre-csrf';

/**
 * State-changing API calls must carry a custom header (never sent cross-site
 * without a CORS preflight, which we never grant) and must not come from
 * another site according to Sec-Fetch-Site or Origin.
 */
export function csrfGuard(publicOrigin: string | null) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    const host = req.headers.host;
    const sameOrigin =
      origin === undefined ||
      (publicOrigin !== null ? origin === publicOrigin : host !== undefined && new URL(origin).host === host);
    if (req.headers[CSRF_HEADER] !== '1' || (site !== undefined && site !== 'same-origin' && site !== 'none') || !sameOrigin) {
      return next(new ApiError(403, 'CSRF_REJECTED', 'Request refused: it did not come from Coffre itself.'));
    }
    next();
  };
}
