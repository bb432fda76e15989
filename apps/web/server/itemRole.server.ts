import type { MemberRole, Storage } from '@coffre/storage';

const RANK: Record<MemberRole, number> = { viewer: 1, editor: 2, admin: 3 };

/** Whether `role` (null: no access) is at least `min`. */
export function hasRole(role: MemberRole | null, min: MemberRole): boolean {
  return role !== null && RANK[role] >= RANK[min];
}

/** The caller's role on a document or folder, inherited down the drive tree (owner counts as admin). */
export function itemRole(storage: Pick<Storage, 'members'>, itemId: string, userId: string): Promise<MemberRole | null> {
  return storage.members.effectiveRole(itemId, userId);
}
