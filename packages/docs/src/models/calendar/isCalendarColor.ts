/** `#rrggbb` only: colours end up in CSS, where anything else could do more than colour. */
export const isCalendarColor = (c: unknown): c is string => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c);
