import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import type { MemberRole, Storage } from '@coffre/storage';
import { CLOSE_CODES, closeReason } from '../closeCodes.ts';
import { linkRole } from '../linkAccess.ts';
import type { CollabContext } from './AuthExtension.ts';

/** How often open connections are re-checked against the access list. */
export const MEMBERSHIP_CHECK_MS = 2000;

/**
 * Access is checked when a connection opens, and again every few seconds
 * while it stays open: someone removed from a document (or whose role
 * changed) is disconnected at once rather than at their next reconnect.
 */
export class MembershipWatchExtension implements Extension {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly storage: Storage) {}

  async onConfigure({ instance }: onConfigurePayload): Promise<void> {
    this.timer = setInterval(() => void this.sweep(instance).catch(() => undefined), MEMBERSHIP_CHECK_MS);
    this.timer.unref();
  }

  async onDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * One pass over the open connections. A person's role on a document is looked up once per pass, not once
   * per connection (their tabs and devices share it), the document's row is read without its state, and the
   * pass yields to the event loop between documents, so that relaying is never held up for a whole pass.
   */
  private async sweep(instance: Hocuspocus): Promise<void> {
    for (const [docId, document] of [...instance.documents]) {
      const exists = (await this.storage.documents.getSummary(docId)) !== null;
      const roles = new Map<string, Promise<MemberRole | null>>();
      for (const connection of document.getConnections()) {
        const ctx = connection.context as CollabContext | undefined;
        if (!ctx?.userId) continue;
        // A link connection's role depends on the link and on whether it connected with a writer's key.
        const who = ctx.linkId ? `link:${ctx.linkId}:${ctx.identityKey.length > 0}` : `user:${ctx.userId}`;
        let lookup = roles.get(who);
        if (!lookup) {
          lookup = !exists ? Promise.resolve(null) : ctx.linkId ? this.linkConnectionRole(ctx, docId) : this.storage.members.effectiveRole(docId, ctx.userId);
          roles.set(who, lookup);
        }
        const role = await lookup;
        if (!role || (role === 'viewer') !== connection.readOnly) {
          connection.close({ code: CLOSE_CODES.FORBIDDEN, reason: closeReason(CLOSE_CODES.FORBIDDEN, role ? 'ROLE_CHANGED' : 'FORBIDDEN') });
        } else if (role !== ctx.role) {
          ctx.role = role;
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** A link visitor writes only through a live edit link, and only if it connected as a writer. */
  private async linkConnectionRole(ctx: CollabContext, docId: string): Promise<'viewer' | 'editor' | null> {
    const role = await linkRole(this.storage, ctx.linkId!, null, docId, '');
    return role && ctx.identityKey.length === 0 ? 'viewer' : role;
  }
}
