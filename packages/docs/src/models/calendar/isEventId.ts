import { CALENDAR_LIMITS } from './calendarLayout.ts';

/** An id we keep: it is also the UID an export writes, so no control characters. */
export const isEventId = (id: unknown): id is string =>
  // eslint-disable-next-line no-control-regex
  typeof id === 'string' && id.length > 0 && id.length <= CALENDAR_LIMITS.MAX_ID_CHARS && !/[\u0000-\u001f\u007f]/.test(id);
