export type MemberRole = 'viewer' | 'editor' | 'admin';

export interface MembershipRecord {
  itemId: string;
  userId: string;
  role: MemberRole;
  updatedAt: number;
}

/** The server's access list for enforcement; the signed member list lives inside the item. */
export interface MembershipStore {
  /**
   * Adds the member or changes their role.
   * @throws StorageError('NOT_FOUND') when the account does not exist.
   */
  set(itemId: string, userId: string, role: MemberRole, updatedAt: number): Promise<void>;
  get(itemId: string, userId: string): Promise<MemberRole | null>;
  /**
   * The user's role on the item including what it inherits down the document tree: walking from
   * `itemId` up through each document's parent (at most `MAX_TREE_DEPTH` levels, the item
   * included), owning a level's document counts as 'admin' and a membership on a level's id
   * counts as its role. Resolves to the highest role found, or null. An item that is not a
   * document counts only its own memberships; for a file, pass its `parentId`.
   */
  effectiveRole(itemId: string, userId: string): Promise<MemberRole | null>;
  list(itemId: string): Promise<MembershipRecord[]>;
  listForUser(userId: string): Promise<MembershipRecord[]>;
  /** Idempotent; resolves to whether a membership was removed. */
  remove(itemId: string, userId: string): Promise<boolean>;
}
