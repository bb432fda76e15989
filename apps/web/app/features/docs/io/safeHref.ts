import { LINK_PROTOCOLS } from './linkProtocols.ts';

const ALLOWED = new Set<string>(LINK_PROTOCOLS.map((p) => `${p}:`));

/**
 * The normalised URL if `href` is an absolute http(s) or mailto link, else null.
 * Everything that leaves the editor goes through this: a document's JSON comes
 * from collaborators and is not trusted to hold only what the editor allows.
 */
export function safeHref(href: unknown): string | null {
  if (typeof href !== 'string') return null;
  let url: URL;
  try {
    url = new URL(href.trim());
  } catch {
    return null;
  }
  return ALLOWED.has(url.protocol) ? url.href : null;
}
