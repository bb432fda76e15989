import type { RecurrenceRule, Weekday } from '@coffre/docs';

export const WEEKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const WEEKDAY_NAMES: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** The repeat menu's choices, each a rule shape the event dialog can build from the event's start date. */
export type RepeatKind = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly-date' | 'monthly-nth' | 'yearly';
export type RepeatEnd = { kind: 'never' } | { kind: 'until'; date: string } | { kind: 'count'; count: number };
export type RepeatChoice = { kind: RepeatKind; interval: number; days: Weekday[]; end: RepeatEnd };

/** The weekday of a `YYYY-MM-DD` date, and which one of the month it is (1–4, or -1 when it is the last). */
export function weekdayOf(date: string): { day: Weekday; nth: number } {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const day = WEEKDAYS[(d.getUTCDay() + 6) % 7]!;
  const dom = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const nth = dom + 7 > daysInMonth ? -1 : Math.ceil(dom / 7);
  return { day, nth };
}

/** A rule from the dialog's choice, anchored on the event's start. */
export function ruleFromChoice(choice: RepeatChoice, start: string, allDay: boolean): RecurrenceRule | undefined {
  const interval = Math.max(1, Math.floor(choice.interval) || 1);
  const { day, nth } = weekdayOf(start);
  const end: { until?: string; count?: number } =
    choice.end.kind === 'until' ? { until: allDay ? choice.end.date : `${choice.end.date}T23:59` } : choice.end.kind === 'count' ? { count: Math.max(1, Math.floor(choice.end.count)) } : {};
  switch (choice.kind) {
    case 'none':
      return undefined;
    case 'daily':
      return { freq: 'DAILY', interval, ...end };
    case 'weekdays':
      return { freq: 'WEEKLY', interval: 1, byWeekday: ['MO', 'TU', 'WE', 'TH', 'FR'], ...end };
    case 'weekly':
      return { freq: 'WEEKLY', interval, byWeekday: choice.days.length ? WEEKDAYS.filter((d) => choice.days.includes(d)) : [day], ...end };
    case 'monthly-date':
      return { freq: 'MONTHLY', interval, byMonthDay: [Number(start.slice(8, 10))], ...end };
    case 'monthly-nth':
      return { freq: 'MONTHLY', interval, byWeekday: [day], bySetPos: nth, ...end };
    case 'yearly':
      return { freq: 'YEARLY', interval, ...end };
  }
}

/** The dialog's choice for an existing rule (what it can show; anything else reads as a custom weekly/monthly rule). */
export function choiceFromRule(rule: RecurrenceRule | undefined): RepeatChoice {
  const end: RepeatEnd = rule?.until ? { kind: 'until', date: rule.until.slice(0, 10) } : rule?.count ? { kind: 'count', count: rule.count } : { kind: 'never' };
  if (!rule) return { kind: 'none', interval: 1, days: [], end };
  const base = { interval: rule.interval, days: rule.byWeekday ?? [], end };
  if (rule.freq === 'DAILY') return { kind: 'daily', ...base };
  if (rule.freq === 'WEEKLY') {
    const weekdays = rule.interval === 1 && rule.byWeekday?.length === 5 && ['MO', 'TU', 'WE', 'TH', 'FR'].every((d) => rule.byWeekday!.includes(d as Weekday));
    return { kind: weekdays ? 'weekdays' : 'weekly', ...base };
  }
  if (rule.freq === 'MONTHLY') return { kind: rule.bySetPos ? 'monthly-nth' : 'monthly-date', ...base };
  return { kind: 'yearly', ...base };
}

/** "Every 2 weeks on Monday and Wednesday, 10 times" — for the dialog and the event's details. */
export function describeRule(rule: RecurrenceRule | undefined, start: string): string {
  if (!rule) return 'Does not repeat';
  const every = (unit: string) => (rule.interval === 1 ? `Every ${unit}` : `Every ${rule.interval} ${unit}s`);
  const list = (days: Weekday[]) => days.map((d) => WEEKDAY_NAMES[d]).join(', ').replace(/, ([^,]*)$/, ' and $1');
  let text: string;
  if (rule.freq === 'DAILY') text = every('day');
  else if (rule.freq === 'WEEKLY') {
    const days = rule.byWeekday ?? [weekdayOf(start).day];
    text = rule.interval === 1 && days.length === 5 && !days.includes('SA') && !days.includes('SU') ? 'Every weekday' : `${every('week')} on ${list(days)}`;
  } else if (rule.freq === 'MONTHLY') {
    text = rule.bySetPos && rule.byWeekday?.[0] ? `${every('month')} on the ${ORDINALS[rule.bySetPos] ?? `${rule.bySetPos}th`} ${WEEKDAY_NAMES[rule.byWeekday[0]]}` : `${every('month')} on day ${rule.byMonthDay?.[0] ?? Number(start.slice(8, 10))}`;
  } else text = every('year');
  if (rule.count) text += `, ${rule.count} time${rule.count === 1 ? '' : 's'}`;
  if (rule.until) text += `, until ${rule.until.slice(0, 10)}`;
  return text;
}
