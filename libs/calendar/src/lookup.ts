import { academicYearOf } from './academic-year';
import type { IsoDate } from './dates';
import { presetYear } from './presets';
import { keyInNaming, namedKey, resolved, type AcademicYear, type ResolvedPeriod } from './terms';

/** Every period of a calendar in date order, each with its year: the calendar may come in any order. */
function timeline(calendar: AcademicYear[]): ResolvedPeriod[] {
  return calendar
    .flatMap((year) => year.periods.map((period) => resolved(year.startYear, period)))
    .sort((a, b) => (a.period.startsOn < b.period.startsOn ? -1 : a.period.startsOn > b.period.startsOn ? 1 : 0));
}

export function periodContaining(calendar: AcademicYear[], date: IsoDate): ResolvedPeriod | null {
  return timeline(calendar).find(({ period }) => period.startsOn <= date && date <= period.endsOn) ?? null;
}

/**
 * The period a due date belongs to: the one containing it, else (a holiday) the latest period
 * of the same academic year that ends before it, else null. A review due in the Christmas
 * holiday belongs to the autumn: that is the term in which it has to be done.
 */
export function periodForDue(calendar: AcademicYear[], date: IsoDate): ResolvedPeriod | null {
  const containing = periodContaining(calendar, date);
  if (containing) return containing;
  const startYear = academicYearOf(date);
  const before = timeline(calendar).filter((entry) => entry.startYear === startYear && entry.period.endsOn < date);
  return latestEnding(before);
}

/** Of the given periods, the one ending last (null for none). */
export function latestEnding(entries: ResolvedPeriod[]): ResolvedPeriod | null {
  return entries.reduce<ResolvedPeriod | null>((latest, entry) => (!latest || entry.period.endsOn > latest.period.endsOn ? entry : latest), null);
}

/**
 * "This term" is the period containing today, or in a holiday the next period to start (the
 * term being prepared for); "next term" is the period after that, even in the next academic year.
 */
export function currentAndNextPeriod(calendar: AcademicYear[], today: IsoDate): { current: ResolvedPeriod | null; next: ResolvedPeriod | null } {
  const periods = timeline(calendar);
  const index = periods.findIndex(({ period }) => period.endsOn >= today);
  const current = index === -1 ? null : (periods[index] ?? null);
  return { current, next: current ? (periods[index + 1] ?? null) : null };
}

export function findPeriod(calendar: AcademicYear[], startYear: number, key: string): ResolvedPeriod | null {
  const year = calendar.find((candidate) => candidate.startYear === startYear);
  const period = year?.periods.find((candidate) => candidate.key === key);
  return year && period ? resolved(startYear, period) : null;
}

/**
 * A term reference (say a review set for "T2" by a trust using six terms) in a school's own
 * calendar. A key of another naming is read as "by the end of" that term: it maps to the period
 * holding the last preset block of the term (AUT → T2, T2 → AUT, SPR2 → T4). When the calendar
 * lacks that period, the preset's end date of the term decides (periodForDue of it in the year).
 * Null when the year is not in the calendar or the key names no term.
 */
export function resolveTerm(calendar: AcademicYear[], startYear: number, key: string): ResolvedPeriod | null {
  const year = calendar.find((candidate) => candidate.startYear === startYear);
  const known = namedKey(key);
  if (!year) return null;
  const direct = findPeriod([year], startYear, key);
  if (direct || !known) return direct;
  const mapped = keyInNaming(key, year.naming);
  const byKey = mapped === null ? null : findPeriod([year], startYear, mapped);
  if (byKey) return byKey;
  const presetEnd = presetYear(startYear, known.naming).periods.find((period) => period.key === key)?.endsOn;
  return presetEnd === undefined ? null : periodForDue([year], presetEnd);
}
