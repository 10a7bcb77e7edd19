import { academicYearBounds, academicYearLabel } from './academic-year';
import { formatDateRange, isIsoDate } from './dates';
import { sortPeriods, type AcademicYear, type TermPeriod } from './terms';

export type CalendarProblemCode =
  | 'INVALID_DATE'
  | 'TERM_ENDS_BEFORE_IT_STARTS'
  | 'TERM_OUTSIDE_YEAR'
  | 'OVERLAPPING_TERMS'
  | 'DUPLICATE_TERM'
  | 'BLANK_NAME'
  | 'NO_TERMS'
  | 'DUPLICATE_YEAR'
  | 'UNKNOWN_YEAR'
  | 'UNREADABLE_FILE'
  | 'MISSING_COLUMN';

export interface CalendarProblem { code: CalendarProblemCode; message: string; startYear?: number; periodKey?: string; line?: number }

/** A problem with the period it is about, so an import can say which line of its file that was. */
export interface FoundProblem { problem: CalendarProblem; period?: TermPeriod }

export function validateAcademicYear(year: AcademicYear): CalendarProblem[] {
  return findYearProblems(year).map(({ problem }) => problem);
}

export function validateCalendar(years: AcademicYear[]): CalendarProblem[] {
  return findCalendarProblems(years).map(({ problem }) => problem);
}

/** Every problem in a list of years, year by year in date order, plus any year given twice. */
export function findCalendarProblems(years: AcademicYear[]): FoundProblem[] {
  const seen = new Set<number>();
  const found: FoundProblem[] = [];
  for (const year of [...years].sort((a, b) => a.startYear - b.startYear)) {
    if (seen.has(year.startYear)) {
      found.push({ problem: { code: 'DUPLICATE_YEAR', startYear: year.startYear, message: `${academicYearLabel(year.startYear)} is given more than once.` } });
      continue;
    }
    seen.add(year.startYear);
    found.push(...findYearProblems(year));
  }
  return found;
}

/**
 * Problems in one year, in date order of the periods (input order does not matter). A period
 * with an unreadable date is reported once, as INVALID_DATE, and left out of the date checks.
 */
export function findYearProblems(year: AcademicYear): FoundProblem[] {
  const yearLabel = academicYearLabel(year.startYear);
  if (year.periods.length === 0) {
    return [{ problem: { code: 'NO_TERMS', startYear: year.startYear, message: `${yearLabel} has no terms.` } }];
  }
  const found: FoundProblem[] = [];
  const report = (period: TermPeriod, code: CalendarProblemCode, message: string): void => {
    found.push({ problem: { code, message, startYear: year.startYear, periodKey: period.key }, period });
  };
  const bounds = academicYearBounds(year.startYear);
  const keys = new Set<string>();
  const names = new Set<string>();
  const dated: TermPeriod[] = [];
  for (const period of sortPeriods(year).periods) {
    const name = period.name.trim();
    const called = name || period.key;
    if (!name) report(period, 'BLANK_NAME', `A term of ${yearLabel} (${period.key}) has no name.`);
    if (keys.has(period.key) || (name && names.has(name.toLowerCase()))) {
      report(period, 'DUPLICATE_TERM', `${called} appears more than once in ${yearLabel}.`);
    }
    keys.add(period.key);
    names.add(name.toLowerCase());
    const badDate = [period.startsOn, period.endsOn].find((date) => !isIsoDate(date));
    if (badDate !== undefined) {
      report(period, 'INVALID_DATE', `${called}, ${yearLabel}: “${badDate}” is not a date.`);
    } else if (period.endsOn < period.startsOn) {
      report(period, 'TERM_ENDS_BEFORE_IT_STARTS', `${called} (${formatDateRange(period.startsOn, period.endsOn)}) ends before it starts.`);
    } else {
      if (period.startsOn < bounds.startsOn || period.endsOn > bounds.endsOn) {
        report(period, 'TERM_OUTSIDE_YEAR', `${called} (${formatDateRange(period.startsOn, period.endsOn)}) is not within ${yearLabel} (${formatDateRange(bounds.startsOn, bounds.endsOn)}).`);
      }
      for (const earlier of dated.filter((other) => other.endsOn >= period.startsOn)) {
        report(
          period,
          'OVERLAPPING_TERMS',
          `${earlier.name.trim() || earlier.key} (${formatDateRange(earlier.startsOn, earlier.endsOn)}) overlaps ${called} (${formatDateRange(period.startsOn, period.endsOn)}).`,
        );
      }
      dated.push(period);
    }
  }
  return found;
}
