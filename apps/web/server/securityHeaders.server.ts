import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/**
 * Strict CSP with a per-request nonce for React Router's inline hydration
 * script. libsodium needs 'wasm-unsafe-eval'; 'unsafe-eval' is never allowed.
 * Inline styles are allowed because the editors set style attributes; see the
 * threat model for why that is acceptable.
 */
export function securityHeaders(opts: { production: boolean; collabOrigins: string[] }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString('base64');
    res.locals.cspNonce = nonce;
    const scriptSrc = opts.production
      ? `'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`
      : `'self' 'unsafe-inline' 'wasm-unsafe-eval'`; // Vite's dev client injects inline modules.
    const connectSrc = ["'self'", ...opts.collabOrigins, ...(opts.production ? [] : ['ws:'])].join(' ');
    res.setHeader(
      'Content-Security-Policy',
      [
        `default-src 'self'`,
        `script-src ${scriptSrc}`,
        `style-src 'self' 'unsafe-inline'`,
        `img-src 'self' blob: data:`,
        `media-src 'self' blob:`,
        `font-src 'self' data:`,
        `connect-src ${connectSrc}`,
        `worker-src 'self' blob:`,
        `object-src 'none'`,
        `base-uri 'none'`,
        `form-action 'self'`,
        `frame-ancestors 'none'`,
      ].join('; '),
    );
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    next();
  };
}
