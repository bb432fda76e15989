import { icsDateTimeValue } from './icsDateTimeValue.ts';
import { icsUtcStamp } from './icsUtcStamp.ts';
import { utcWallClock } from './utcWallClock.ts';
import { wallClockMs } from './wallClockMs.ts';
import { zoneOffsetMs } from './zoneOffsetMs.ts';
import { zoneTransitions, type ZoneTransition } from './zoneTransitions.ts';

const DAY_MS = 86_400_000;
/**
 * Years scanned past `toYear` to tell rules apart: "last Friday" and "Friday
 * on or after the 23rd" agree for years at a time. The platform projects
 * today's rules into the future, so these years cost a little time only.
 */
const RULE_HORIZON_YEARS = 12;
const ICS_WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** Transitions that one yearly rule describes: same kind, offsets, month, weekday and clock time, in consecutive years. */
type Run = {
  key: string;
  transitions: ZoneTransition[];
  lastYear: number;
  /** Every transition was on the last such weekday of its month. */
  last: boolean;
  /** Days D such that every transition was on the first such weekday on or after D. */
  onOrAfter: Set<number>;
};

/**
 * A VTIMEZONE for IANA zone `timeZone` that gives the platform's offsets
 * from `fromYear` to `toYear`, and after that by the rules in force today:
 * each run of yearly changes on the same rule ("last Sunday of March at
 * 02:00") is one observance with an RRULE, open-ended if it is still in force,
 * else ending with UNTIL; other changes (history, fixed dates) are one
 * observance each. Built from Intl, so no zone database ships with the app.
 */
export function vtimezoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const fromMs = wallClockMs({ year: fromYear, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) - DAY_MS;
  const lastYear = toYear + RULE_HORIZON_YEARS;
  const toMs = wallClockMs({ year: lastYear + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0 }) + DAY_MS;
  const transitions = zoneTransitions(timeZone, fromMs, toMs);
  const initial = zoneOffsetMs(fromMs, timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const initialKind = transitions[0] && transitions[0].after < initial ? 'DAYLIGHT' : 'STANDARD';
  lines.push(...observance(initialKind, icsDateTimeValue(utcWallClock(fromMs + initial)), initial, initial));

  for (const run of runsOf(transitions)) {
    const first = run.transitions[0]!;
    const kind = first.after > first.before ? 'DAYLIGHT' : 'STANDARD';
    const onset = utcWallClock(first.ms + first.before);
    const extra: string[] = [];
    if (run.transitions.length > 1) {
      const day = ICS_WEEKDAYS[new Date(first.ms + first.before).getUTCDay()]!;
      const ongoing = run.lastYear === lastYear;
      const lastMs = run.transitions.at(-1)!.ms;
      // UNTIL a day after the last change: readers that compare a local onset with a UTC UNTIL still include it.
      const until = ongoing ? '' : `;UNTIL=${icsUtcStamp(lastMs + DAY_MS)}`;
      extra.push(`RRULE:FREQ=YEARLY;BYMONTH=${onset.month};${byDayOf(run, day)}${until}`);
    }
    lines.push(...observance(kind, icsDateTimeValue(onset), first.before, first.after, extra));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function runsOf(transitions: readonly ZoneTransition[]): Run[] {
  const runs: Run[] = [];
  const open = new Map<string, Run>();
  for (const t of transitions) {
    const local = utcWallClock(t.ms + t.before);
    const weekday = new Date(t.ms + t.before).getUTCDay();
    const daysInMonth = new Date(Date.UTC(2000, local.month, 0)).getUTCDate() + (local.month === 2 && isLeap(local.year) ? 1 : 0);
    const key = [t.after > t.before, t.before, t.after, local.month, weekday, local.hour, local.minute, local.second].join('|');
    const last = local.day + 7 > daysInMonth;
    const onOrAfter = new Set(Array.from({ length: 7 }, (_, i) => local.day - i).filter((d) => d >= 1));
    const run = open.get(key);
    if (run && run.lastYear === local.year - 1) {
      const common = new Set([...run.onOrAfter].filter((d) => onOrAfter.has(d)));
      if ((run.last && last) || common.size) {
        run.transitions.push(t);
        run.lastYear = local.year;
        run.last &&= last;
        run.onOrAfter = common;
        continue;
      }
    }
    const fresh: Run = { key, transitions: [t], lastYear: local.year, last, onOrAfter };
    open.set(key, fresh);
    runs.push(fresh);
  }
  return runs;
}

/** The BYDAY (and BYMONTHDAY) of a run: last weekday, nth weekday, or weekday on or after a day. */
function byDayOf(run: Run, day: string): string {
  if (run.last) return `BYDAY=-1${day}`;
  const days = [...run.onOrAfter].sort((a, b) => a - b);
  const nth = days.find((d) => d % 7 === 1);
  if (nth !== undefined) return `BYDAY=${(nth + 6) / 7}${day}`;
  const d = days[0]!;
  return `BYDAY=${day};BYMONTHDAY=${Array.from({ length: 7 }, (_, i) => d + i).join(',')}`;
}

function observance(kind: string, dtstart: string, before: number, after: number, extra: string[] = []): string[] {
  return [`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(after)}`, ...extra, `END:${kind}`];
}

/** An offset as ±hhmm, or ±hhmmss for the odd historical one (local mean time). */
function offsetText(ms: number): string {
  const total = Math.abs(Math.round(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const seconds = total % 60;
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${seconds ? pad(seconds) : ''}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
