// Durations (8d, 36h, 90m, 30s) and the range the simulated clock may show: every duration, date and clock
// offset that enters from a command line, a lab file or a state file is checked here before it moves a clock.

const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** The earliest simulated time: 1970-01-01T00:00:00Z. */
export const MIN_TIME_MS = Date.UTC(1970, 0, 1);
/** The latest simulated time: 9999-12-31T23:59:59.999Z (ISO dates have four-digit years). */
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
/** The longest single move of the clock: 100 years of 365 days (36500d). */
export const MAX_ADVANCE_MS = 36_500 * UNITS.d;
/** Words for help texts and messages. */
export const CLOCK_LIMITS_TEXT = 'at most 36500d (100 years) at a time, and the clock stays within the years 1970 to 9999';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * '8d' -> 691200000 ms. A duration is a number (0 or more) followed by d, h, m or s (a space between is
 * allowed), at most 100 years.
 */
export function parseDuration(text: string): Parsed<number> {
  const m = /^(\d{1,15}(?:\.\d{1,9})?)\s*([dhms])$/.exec(text.trim());
  if (!m) return { ok: false, problem: `"${text}" is not a duration such as 8d, 36h, 90m or 30s` };
  const ms = Math.round(Number(m[1]) * UNITS[m[2]]);
  if (ms > MAX_ADVANCE_MS) return { ok: false, problem: `"${text}" is longer than the 36500d (100 years) the clock may move at once` };
  return { ok: true, value: ms };
}

/** True when ms is a simulated time the clock may show. */
export function isClockTime(ms: number): boolean {
  return Number.isFinite(ms) && ms >= MIN_TIME_MS && ms <= MAX_TIME_MS;
}

/** A problem when moving the clock from `now` forward by `ms` would leave the years 1970..9999; undefined when fine. */
export function advanceProblem(now: number, ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < 0) return `a move of ${ms} ms is not a forward move`;
  if (!isClockTime(now + ms)) return `it would take the simulated clock past 9999-12-31T23:59:59Z (it is now ${isoOrNumber(now)})`;
  return undefined;
}

/**
 * An ISO 8601 date or date-time ('2027-03-01', '2027-03-01T09:00:00Z') within 1970..9999 -> epoch ms.
 * Dates without a zone are UTC.
 */
export function parseClockDate(text: string): Parsed<number> {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.test(t))
    return { ok: false, problem: `"${text}" is not an ISO date or date-time such as 2027-03-01 or 2027-03-01T09:00:00Z` };
  const withZone = /T|\s/i.test(t) && !/(Z|[+-]\d{2}:?\d{2})$/i.test(t) ? `${t.replace(' ', 'T')}Z` : t.replace(' ', 'T');
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) return { ok: false, problem: `"${text}" is not a valid date` };
  if (!isClockTime(ms)) return { ok: false, problem: `"${text}" is outside the years 1970 to 9999` };
  return { ok: true, value: ms };
}

/** ISO text for a valid time, the raw number otherwise (for messages about bad values). */
export function isoOrNumber(ms: number): string {
  return isClockTime(ms) ? new Date(ms).toISOString() : String(ms);
}
