export type ChatNotice = { id: number; title: string; text: string; href: string | null };

let notices: ChatNotice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const MAX_SHOWN = 5;

/**
 * Someone wrote to me (a mention, or a message in a room I am not looking
 * at): an in-app notice, and a browser notification when the tab is hidden
 * and the user allowed them. The text is shown only here, in this tab.
 */
export function notifyChat(notice: Omit<ChatNotice, 'id'>): void {
  notices = [...notices, { ...notice, id: nextId++ }].slice(-MAX_SHOWN);
  for (const fn of listeners) fn();
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.visibilityState === 'hidden') {
    new Notification(notice.title, { body: notice.text.slice(0, 200), tag: `coffre-chat-${notice.href ?? ''}` });
  }
}

export function notifyMention(roomTitle: string, author: string, text: string, href: string | null = null): void {
  notifyChat({ title: `${author} mentioned you in ${roomTitle}`, text, href });
}

export function chatNotices(): ChatNotice[] {
  return notices;
}

export function dismissChatNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  for (const fn of listeners) fn();
}

export function onChatNotices(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
