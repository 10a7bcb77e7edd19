/**
 * The term-dates editor's rules: namings in words, the rows of a year being edited, and their
 * problems, found by @ratify/calendar's validateAcademicYear (the API's own check) and listed
 * beside the row they are about.
 */
import { academicYearOf, recogniseTermName, validateAcademicYear, type TermNaming as CalendarNaming } from '@ratify/calendar';
import type { TermNaming } from '../graphql/operations.generated';
import type { CalendarProblemDetail } from '../reviews/review-failures';

export const NAMING_LABELS: Record<TermNaming, string> = {
  SIX_TERMS: 'Six terms (Term 1 to Term 6)',
  THREE_TERMS: 'Three terms (Autumn, Spring, Summer)',
  HALF_TERMS: 'Half terms (Autumn 1 to Summer 2)',
};

/** The API's SIX_TERMS is the library's 'six-terms'. */
export const calendarNaming = (naming: TermNaming): CalendarNaming => naming.toLowerCase().replace('_', '-') as CalendarNaming;

export interface PeriodRow {
  /** For the list's keys and ids only. */
  uid: number;
  /** The period's key once saved (T1, AUT…); null for a row added here (the API assigns it from the name). */
  key: string | null;
  name: string;
  startsOn: string;
  endsOn: string;
}

let uids = 0;
export const periodRow = (period: { key: string | null; name: string; startsOn: string; endsOn: string }): PeriodRow => ({ uid: ++uids, ...period });

/** The key a row is known by, to the library and in the API's problems: its own, or the one its name gives. */
export function rowKey(row: PeriodRow): string {
  return row.key ?? recogniseTermName(row.name)?.key ?? `row-${row.uid}`;
}

export interface YearProblems {
  /** By row uid. */
  byRow: Record<number, string[]>;
  /** About the year, or a period no row matches. */
  general: string[];
}

/** Places problems (the library's or the API's) beside their rows, by period key. */
export function placeProblems(rows: PeriodRow[], problems: Pick<CalendarProblemDetail, 'message' | 'periodKey'>[]): YearProblems {
  const placed: YearProblems = { byRow: {}, general: [] };
  for (const problem of problems) {
    const row = problem.periodKey ? rows.find((candidate) => rowKey(candidate) === problem.periodKey) : undefined;
    if (row) (placed.byRow[row.uid] ??= []).push(problem.message);
    else placed.general.push(problem.message);
  }
  return placed;
}

/** What is wrong with a year as entered; nothing when it can be saved. */
export function checkYear(startYear: number, naming: TermNaming, rows: PeriodRow[]): YearProblems {
  const periods = rows.map((row) => ({ key: rowKey(row), name: row.name, startsOn: row.startsOn, endsOn: row.endsOn }));
  return placeProblems(rows, validateAcademicYear({ startYear, naming: calendarNaming(naming), periods }));
}

export const hasProblems = (problems: YearProblems) => problems.general.length > 0 || Object.keys(problems.byRow).length > 0;

/** The academic years to offer for a new one: this one and the next three. */
export function yearsToOffer(today: string, taken: number[]): number[] {
  const current = academicYearOf(today);
  return [current, current + 1, current + 2, current + 3].filter((year) => !taken.includes(year));
}
