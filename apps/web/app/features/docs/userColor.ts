const PALETTE = ['#c2410c', '#0f766e', '#7c3aed', '#be185d', '#1d4ed8', '#15803d', '#a16207', '#0e7490'];

/** A stable colour per user, so a collaborator keeps theirs across sessions. */
export function userColor(userId: string): string {
  let h = 0;
  for (const ch of userId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}
