import { periodNames, presetYear, validateAcademicYear } from './index';
import { halfTerms2026, kent2026, threeTerms2026 } from './testing/kent-2026';

describe('presetYear', () => {
  it('gives Kent’s six terms for 2026/27', () => {
    expect(presetYear(2026, 'six-terms')).toEqual(kent2026);
  });

  it('groups the blocks into three terms and names half terms', () => {
    expect(presetYear(2026, 'three-terms')).toEqual(threeTerms2026);
    expect(presetYear(2026, 'half-terms')).toEqual(halfTerms2026);
  });

  it.each([2025, 2027, 2028, 2030])('gives a valid year for %i in every naming', (startYear) => {
    for (const naming of ['six-terms', 'three-terms', 'half-terms'] as const) {
      expect(validateAcademicYear(presetYear(startYear, naming))).toEqual([]);
    }
  });

  it('follows the rules in other years', () => {
    const dates = (startYear: number): string[] => presetYear(startYear, 'six-terms').periods.map((p) => `${p.startsOn}..${p.endsOn}`);
    expect(dates(2025)).toEqual([
      '2025-09-01..2025-10-24',
      '2025-11-03..2025-12-19',
      '2026-01-05..2026-02-13',
      '2026-02-23..2026-04-02',
      '2026-04-20..2026-05-22',
      '2026-06-01..2026-07-21',
    ]);
    // 25 December 2027 is a Saturday; 1 January 2028 too, so Monday 3 January is a bank holiday.
    expect(dates(2027).slice(0, 3)).toEqual(['2027-09-01..2027-10-22', '2027-11-01..2027-12-17', '2028-01-04..2028-02-18']);
    // 1 September 2029 is a Saturday; 21 July 2030 a Sunday.
    expect(dates(2029)[0]).toBe('2029-09-03..2029-10-26');
    expect(dates(2029)[5]).toBe('2030-06-03..2030-07-19');
  });
});

describe('periodNames', () => {
  it('lists the canonical keys and names', () => {
    expect(periodNames('three-terms')).toEqual([
      { key: 'AUT', name: 'Autumn Term' },
      { key: 'SPR', name: 'Spring Term' },
      { key: 'SUM', name: 'Summer Term' },
    ]);
    expect(periodNames('six-terms').map((p) => p.key)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    expect(periodNames('half-terms').map((p) => p.name)).toEqual(['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2']);
  });
});
