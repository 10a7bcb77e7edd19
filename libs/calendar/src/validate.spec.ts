import { validateAcademicYear, validateCalendar, type AcademicYear, type TermPeriod } from './index';
import { kent2026 } from './testing/kent-2026';

const withPeriods = (periods: TermPeriod[]): AcademicYear => ({ ...kent2026, periods });
const codes = (year: AcademicYear): string[] => validateAcademicYear(year).map((problem) => problem.code);

describe('validateAcademicYear', () => {
  it('finds nothing wrong with Kent’s year, in any order', () => {
    expect(validateAcademicYear(kent2026)).toEqual([]);
    expect(validateAcademicYear(withPeriods([...kent2026.periods].reverse()))).toEqual([]);
  });

  it('needs at least one term', () => {
    expect(validateAcademicYear(withPeriods([]))).toEqual([{ code: 'NO_TERMS', startYear: 2026, message: '2026/27 has no terms.' }]);
  });

  it('refuses dates that do not exist', () => {
    const problems = validateAcademicYear(withPeriods([{ key: 'T3', name: 'Term 3', startsOn: '2027-01-04', endsOn: '2027-02-30' }]));
    expect(problems).toEqual([{ code: 'INVALID_DATE', startYear: 2026, periodKey: 'T3', message: 'Term 3, 2026/27: “2027-02-30” is not a date.' }]);
  });

  it('refuses a term ending before it starts', () => {
    expect(codes(withPeriods([{ key: 'T1', name: 'Term 1', startsOn: '2026-10-23', endsOn: '2026-09-01' }]))).toEqual(['TERM_ENDS_BEFORE_IT_STARTS']);
  });

  it('refuses a term outside the academic year', () => {
    const [problem] = validateAcademicYear(withPeriods([{ key: 'T6', name: 'Term 6', startsOn: '2027-06-07', endsOn: '2027-08-21' }]));
    expect(problem).toEqual({
      code: 'TERM_OUTSIDE_YEAR',
      startYear: 2026,
      periodKey: 'T6',
      message: 'Term 6 (7 June – 21 August 2027) is not within 2026/27 (1 August 2026 – 31 July 2027).',
    });
  });

  it('refuses a blank name and a term given twice', () => {
    const periods = [...kent2026.periods.slice(0, 2), { key: 'T3', name: '  ', startsOn: '2027-01-04', endsOn: '2027-02-12' }, { ...kent2026.periods[0]!, startsOn: '2027-02-22', endsOn: '2027-03-25' }];
    expect(validateAcademicYear(withPeriods(periods))).toEqual([
      { code: 'BLANK_NAME', startYear: 2026, periodKey: 'T3', message: 'A term of 2026/27 (T3) has no name.' },
      { code: 'DUPLICATE_TERM', startYear: 2026, periodKey: 'T1', message: 'Term 1 appears more than once in 2026/27.' },
    ]);
  });

  it('names both terms when they overlap, reporting in date order whatever the input order', () => {
    const t3 = { key: 'T3', name: 'Term 3', startsOn: '2026-12-14', endsOn: '2027-02-12' };
    const t6 = { key: 'T6', name: 'Term 6', startsOn: '2027-06-07', endsOn: '2027-08-02' };
    const problems = validateAcademicYear(withPeriods([t6, t3, kent2026.periods[1]!, kent2026.periods[0]!]));
    expect(problems.map((problem) => [problem.code, problem.periodKey, problem.message])).toEqual([
      ['OVERLAPPING_TERMS', 'T3', 'Term 2 (2 November – 18 December 2026) overlaps Term 3 (14 December 2026 – 12 February 2027).'],
      ['TERM_OUTSIDE_YEAR', 'T6', 'Term 6 (7 June – 2 August 2027) is not within 2026/27 (1 August 2026 – 31 July 2027).'],
    ]);
  });
});

describe('validateCalendar', () => {
  it('refuses a year given twice and checks each year', () => {
    const broken = withPeriods([]);
    expect(validateCalendar([kent2026, { ...kent2026, startYear: 2025 }, kent2026]).map((p) => [p.code, p.startYear])).toEqual([
      ['TERM_OUTSIDE_YEAR', 2025],
      ['TERM_OUTSIDE_YEAR', 2025],
      ['TERM_OUTSIDE_YEAR', 2025],
      ['TERM_OUTSIDE_YEAR', 2025],
      ['TERM_OUTSIDE_YEAR', 2025],
      ['TERM_OUTSIDE_YEAR', 2025],
      ['DUPLICATE_YEAR', 2026],
    ]);
    expect(validateCalendar([broken])).toEqual([{ code: 'NO_TERMS', startYear: 2026, message: '2026/27 has no terms.' }]);
    expect(validateCalendar([])).toEqual([]);
  });
});
