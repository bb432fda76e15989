import * as Y from 'yjs';
import { CalendarModel } from '../models/calendar/CalendarModel.ts';

export type BuiltCalendar = { doc: Y.Doc; calendar: CalendarModel };

/**
 * A fixture: an empty calendar on a fresh Y.Doc with a fixed clock. `from`
 * makes another peer of that calendar: a new document with its state.
 */
export function buildCalendar(overrides: { clientID?: number; from?: Y.Doc; now?: number } = {}): BuiltCalendar {
  const doc = new Y.Doc();
  if (overrides.clientID !== undefined) doc.clientID = overrides.clientID;
  if (overrides.from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(overrides.from), 'remote');
  const now = overrides.now ?? 1_700_000_000_000;
  return { doc, calendar: new CalendarModel(doc, { now: () => now }) };
}
