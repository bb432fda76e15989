export type CalendarErrorCode =
  | 'BAD_EVENT'
  | 'EVENT_TOO_LONG'
  | 'NAME_TOO_LONG'
  | 'BAD_COLOR'
  | 'BAD_TIME'
  | 'END_BEFORE_START'
  | 'BAD_TIME_ZONE'
  | 'BAD_RECURRENCE'
  | 'BAD_REMINDERS'
  | 'TOO_MANY_EVENTS'
  | 'TOO_MANY_EXCEPTIONS'
  | 'NO_SUCH_EVENT'
  | 'NO_SUCH_OCCURRENCE'
  | 'NOT_PER_OCCURRENCE';

const MESSAGES: Record<CalendarErrorCode, string> = {
  BAD_EVENT: 'That event is not well formed.',
  EVENT_TOO_LONG: 'A title or location holds at most 1,000 characters, a description 20,000.',
  NAME_TOO_LONG: 'A calendar name holds at most 100 characters.',
  BAD_COLOR: 'A colour is written #rrggbb.',
  BAD_TIME: 'That date or time does not exist.',
  END_BEFORE_START: 'An event ends after it starts.',
  BAD_TIME_ZONE: 'That time zone is not known.',
  BAD_RECURRENCE: 'That repetition rule cannot be used.',
  BAD_REMINDERS: 'At most 10 reminders, each up to four weeks ahead.',
  TOO_MANY_EVENTS: 'A calendar holds at most 10,000 events.',
  TOO_MANY_EXCEPTIONS: 'A repeating event holds at most 2,000 changed or cancelled occurrences.',
  NO_SUCH_EVENT: 'That event no longer exists.',
  NO_SUCH_OCCURRENCE: 'That occurrence is not part of the event.',
  NOT_PER_OCCURRENCE: 'That can only be changed for the whole series.',
};

/** An edit the calendar refused; nothing was changed. The message is fit to show a person. */
export class CalendarError extends Error {
  constructor(readonly code: CalendarErrorCode) {
    super(MESSAGES[code]);
    this.name = 'CalendarError';
  }
}
