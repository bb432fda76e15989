import type { CalendarEventPatch } from '@coffre/docs';
import type { EventDraft } from './EventDialog.tsx';

/** The fields the event dialog changed, as a patch: a cleared colour or repeat becomes null, which removes it. */
export function changedFields(before: EventDraft, after: EventDraft): CalendarEventPatch {
  const patch: CalendarEventPatch = {};
  const keys = ['title', 'location', 'description', 'allDay', 'start', 'end', 'timeZone', 'reminders'] as const;
  for (const k of keys) if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) (patch as Record<string, unknown>)[k] = after[k];
  if (before.color !== after.color) patch.color = after.color ?? null;
  if (JSON.stringify(before.recurrence) !== JSON.stringify(after.recurrence)) patch.recurrence = after.recurrence ?? null;
  return patch;
}
