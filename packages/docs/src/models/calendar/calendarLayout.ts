/** The shape of one calendar inside its encrypted Y.Doc. */
export const CALENDAR_DOC = {
  /** Y.Map with `name` and `color`. */
  META: 'meta',
  /** Y.Map event id → Y.Map of that event's fields (below), so concurrent edits of different fields merge. */
  EVENTS: 'events',
} as const;

/** Fields of one event's Y.Map. Scalars and plain values unless noted. */
export const EVENT_FIELDS = {
  TITLE: 'title',
  LOCATION: 'location',
  DESCRIPTION: 'description',
  COLOR: 'color',
  ALL_DAY: 'allDay',
  START: 'start',
  END: 'end',
  TIME_ZONE: 'timeZone',
  /** A plain `RecurrenceRule` object, replaced whole: a rule is only meaningful as a unit. */
  RECURRENCE: 'recurrence',
  /** Y.Map original start → true, so two people cancelling two occurrences both win. */
  EXCEPTIONS: 'exceptions',
  /** Y.Map original start → Y.Map of the overridden fields, so two people changing one occurrence merge per field. */
  OVERRIDES: 'overrides',
  /** A plain array of minutes. */
  REMINDERS: 'reminders',
  CREATED: 'created',
  MODIFIED: 'modified',
} as const;

/** Transaction origin of every local calendar edit; an UndoManager tracks only this, so undo never undoes others. */
export const CALENDAR_EDIT = Symbol('coffre/calendar-edit');

/** Hard limits, so a hostile or runaway collaborator or file cannot make the calendar unusable. */
export const CALENDAR_LIMITS = {
  MAX_EVENTS: 10_000,
  MAX_ID_CHARS: 255,
  MAX_NAME_CHARS: 100,
  MAX_TITLE_CHARS: 1_000,
  MAX_LOCATION_CHARS: 1_000,
  MAX_DESCRIPTION_CHARS: 20_000,
  MAX_REMINDERS: 10,
  /** Four weeks. */
  MAX_REMINDER_MINUTES: 40_320,
  MAX_INTERVAL: 1_000,
  MAX_RECURRENCE_COUNT: 5_000,
  /** Per event, for exceptions and for overrides each. */
  MAX_EXCEPTIONS: 2_000,
  /** The most occurrences one query returns (the earliest are kept). */
  MAX_OCCURRENCES: 5_000,
  /** Rule instances rrule may generate per query (10–20 µs each), shared by all events: a second at worst. */
  MAX_RULE_STEPS: 100_000,
  /** rrule's own range ends at 9999. */
  MIN_YEAR: 1000,
  MAX_YEAR: 9999,
} as const;

export const DEFAULT_CALENDAR_NAME = 'Calendar';
export const DEFAULT_CALENDAR_COLOR = '#3b82f6';

/** Where a read finds a timed event whose end a concurrent edit left before its start. */
export const DEFAULT_DURATION_MINUTES = 60;
