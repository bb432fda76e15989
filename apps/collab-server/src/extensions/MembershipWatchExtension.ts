import type { Extension, Hocuspocus, onConfigurePayload } from '@hocuspocus/server';
import type { Storage } from '@coffre/storage';
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

  private async sweep(instance: Hocuspocus): Promise<void> {
    for (const [docId, document] of instance.documents) {
      const doc = await this.storage.documents.get(docId);
      for (const connection of document.getConnections()) {
        const ctx = connection.context as CollabContext | undefined;
        if (!ctx?.userId) continue;
        const role = !doc ? null : ctx.linkId ? await this.linkConnectionRole(ctx, docId) : await this.storage.members.effectiveRole(docId, ctx.userId);
        if (!role || (role === 'viewer') !== connection.readOnly) {
          connection.close({ code: CLOSE_CODES.FORBIDDEN, reason: closeReason(CLOSE_CODES.FORBIDDEN, role ? 'ROLE_CHANGED' : 'FORBIDDEN') });
        } else if (role !== ctx.role) {
          ctx.role = role;
        }
      }
    }
  }

  /** A link visitor writes only through a live edit link, and only if it connected as a writer. */
  private async linkConnectionRole(ctx: CollabContext, docId: string): Promise<'viewer' | 'editor' | null> {
    const role = await linkRole(this.storage, ctx.linkId!, null, docId, '');
    return role && ctx.identityKey.length === 0 ? 'viewer' : role;
  }
}
