/** What an export writes where an image's bytes could not be included: says so, and names it. */
export function imageMarker(alt: unknown): string {
  const name = typeof alt === 'string' ? alt.trim() : '';
  return name ? `[Image: ${name}]` : '[Image]';
}
