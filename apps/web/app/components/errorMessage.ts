import { ApiRequestError } from '../api/apiFetch.ts';
import { AccountError } from '../keys/AccountError.ts';
import { FileIntegrityError } from '../keys/FileIntegrityError.ts';
import { LinkBrokenError } from '../keys/LinkBrokenError.ts';

/** A message to show for a failed action; bugs get a generic line, never a stack. */
export function errorMessage(e: unknown): string {
  if (e instanceof AccountError || e instanceof ApiRequestError || e instanceof FileIntegrityError || e instanceof LinkBrokenError) return e.message;
  console.warn('unexpected failure', e instanceof Error ? e.name : typeof e);
  return 'Something went wrong. Nothing was changed; please try again.';
}
