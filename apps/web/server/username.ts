import { ApiError } from './ApiError.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Usernames are the public login identifier: NFKC, lower case, 3–32 of [a-z0-9._-]. */
export function normaliseUsername(raw: string): string {
  const u = raw.normalize('NFKC').trim().toLowerCase();
  if (!USERNAME_PATTERN.test(u)) {
    throw new ApiError(400, 'USERNAME_INVALID', 'Usernames are 3 to 32 letters, digits, dots, dashes or underscores, starting with a letter or digit.');
  }
  return u;
}
