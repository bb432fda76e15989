const HEX = /^#([0-9a-f]{6})(?:[0-9a-f]{2})?$/i;

/** A `#rrggbb` or `#rrggbbaa` colour (as Apple writes) as the model's lowercase `#rrggbb`, else undefined. */
export function hexColor(value: unknown): string | undefined {
  const match = typeof value === 'string' ? HEX.exec(value.trim()) : null;
  return match ? `#${match[1]!.toLowerCase()}` : undefined;
}
