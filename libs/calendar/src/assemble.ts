import { academicYearLabel, academicYearOf } from './academic-year';
import { isIsoDate, type IsoDate } from './dates';
import { recogniseTermName, type AcademicYear, type TermNaming, type TermPeriod } from './terms';
import { findCalendarProblems, type CalendarProblem, type CalendarProblemCode } from './validate';

export interface CalendarImport { years: AcademicYear[]; problems: CalendarProblem[] }

/** One term as read from a file, before it is recognised and placed in its year. */
export interface ImportedRow {
  line: number;
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** The year the file says the row is in; undefined to take it from startsOn. */
  startYear?: number;
}

/** A problem about a line of a file: the message begins "Line N: " so it can be shown as it is. */
export function lineProblem(line: number, code: CalendarProblemCode, message: string, extra: Partial<CalendarProblem> = {}): CalendarProblem {
  return { code, message: `Line ${line}: ${message}`, line, ...extra };
}

/**
 * Group rows into academic years, recognise the term names (the first recognised name of a
 * year decides its naming), then validate the result and point each problem at the line of
 * the row it is about. Rows with unreadable dates are expected to have been reported already.
 */
export function assembleYears(rows: ImportedRow[], earlier: CalendarProblem[], emptyMessage: string): CalendarImport {
  const problems = [...earlier];
  const years = new Map<number, AcademicYear>();
  const lines = new Map<TermPeriod, number>();
  for (const row of rows) {
    const term = recogniseTermName(row.name);
    if (!term) {
      const what = row.name.trim() ? `“${row.name.trim()}” is not a term name we recognise (such as “Term 1”, “Autumn Term” or “Autumn 1”).` : 'the term has no name.';
      problems.push(lineProblem(row.line, 'BLANK_NAME', what));
      continue;
    }
    const startYear = row.startYear ?? academicYearOf(row.startsOn);
    const year = years.get(startYear) ?? { startYear, naming: term.naming, periods: [] };
    years.set(startYear, year);
    if (term.naming !== year.naming) {
      problems.push(lineProblem(row.line, 'BLANK_NAME', `“${row.name.trim()}” is named as ${NAMING_WORDS[term.naming]}, but ${academicYearLabel(startYear)} is named as ${NAMING_WORDS[year.naming]}.`, { startYear }));
      continue;
    }
    const period: TermPeriod = { key: term.key, name: term.name, startsOn: row.startsOn, endsOn: row.endsOn };
    year.periods.push(period);
    lines.set(period, row.line);
  }
  const sorted = [...years.values()].sort((a, b) => a.startYear - b.startYear);
  for (const { problem, period } of findCalendarProblems(sorted)) {
    const line = period ? lines.get(period) : undefined;
    problems.push(line === undefined ? problem : { ...problem, line, message: `Line ${line}: ${problem.message}` });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ code: 'NO_TERMS', message: emptyMessage });
  const ordered = sorted.map((year) => ({ ...year, periods: [...year.periods].sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1)) }));
  return { years: ordered, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}

const NAMING_WORDS: Record<TermNaming, string> = {
  'six-terms': 'six terms (Term 1 to Term 6)',
  'three-terms': 'three terms (Autumn, Spring and Summer Term)',
  'half-terms': 'half terms (Autumn 1 to Summer 2)',
};

/** A date as schools write it: ISO 2026-09-01, or UK day-first 01/09/2026 or 1/9/2026. Null when it is no real date. */
export function readDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!uk) return null;
  const iso = `${uk[3]}-${(uk[2] ?? '').padStart(2, '0')}-${(uk[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
