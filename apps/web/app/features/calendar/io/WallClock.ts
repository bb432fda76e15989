/** A calendar date and time of day with no zone attached, as read off a clock. Months 1–12. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };
