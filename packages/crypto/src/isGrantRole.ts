import { GRANT_ROLES, type GrantRole } from './grantLayout.ts';

export function isGrantRole(value: unknown): value is GrantRole {
  return typeof value === 'string' && (GRANT_ROLES as readonly string[]).includes(value);
}
