import { currentAndNextPeriod, findPeriod, periodContaining, periodForDue, resolveTerm, sortPeriods } from './index';
import { halfTerms2026, kent2026, kent2027, threeTerms2026 } from './testing/kent-2026';

const labelOf = (resolved: { label: string } | null): string | null => resolved?.label ?? null;

describe('periodContaining and periodForDue', () => {
  const calendar = [kent2027, kent2026];

  it('finds the term a date is in, first and last days included', () => {
    expect(labelOf(periodContaining(calendar, '2026-11-02'))).toBe('Term 2, 2026/27');
    expect(labelOf(periodContaining(calendar, '2026-12-18'))).toBe('Term 2, 2026/27');
    expect(periodContaining(calendar, '2026-12-25')).toBeNull();
    expect(periodContaining([], '2026-11-02')).toBeNull();
  });

  it('puts a due date in a holiday into the term before it in the same year', () => {
    expect(periodForDue(calendar, '2026-12-25')).toEqual({ startYear: 2026, period: kent2026.periods[1], label: 'Term 2, 2026/27' });
    expect(labelOf(periodForDue(calendar, '2027-07-28'))).toBe('Term 6, 2026/27');
    expect(periodForDue(calendar, '2027-08-15')).toBeNull();
    expect(labelOf(periodForDue(calendar, '2027-01-13'))).toBe('Term 3, 2026/27');
  });

  it('gives no term for a date before any term of its academic year has ended', () => {
    expect(periodForDue([kent2026], '2026-08-15')).toBeNull();
  });
});

describe('currentAndNextPeriod', () => {
  it('gives this term and the next', () => {
    const { current, next } = currentAndNextPeriod([kent2026], '2026-11-21');
    expect([current?.period.key, next?.period.key]).toEqual(['T2', 'T3']);
  });

  it('takes the coming term as this term in a holiday', () => {
    const { current, next } = currentAndNextPeriod([kent2026], '2026-10-28');
    expect([labelOf(current), labelOf(next)]).toEqual(['Term 2, 2026/27', 'Term 3, 2026/27']);
  });

  it('crosses into the next academic year', () => {
    const { current, next } = currentAndNextPeriod([kent2027, kent2026], '2027-07-01');
    expect([labelOf(current), labelOf(next)]).toEqual(['Term 6, 2026/27', 'Term 1, 2027/28']);
  });

  it('gives nothing after the calendar ends or without one', () => {
    expect(currentAndNextPeriod([kent2026], '2027-07-22')).toEqual({ current: null, next: null });
    expect(currentAndNextPeriod([], '2026-11-21')).toEqual({ current: null, next: null });
    expect(currentAndNextPeriod([kent2026], '2027-07-21').next).toBeNull();
  });
});

describe('findPeriod and resolveTerm', () => {
  it('finds a term by key', () => {
    expect(labelOf(findPeriod([kent2026], 2026, 'T4'))).toBe('Term 4, 2026/27');
    expect(findPeriod([kent2026], 2026, 'AUT')).toBeNull();
    expect(findPeriod([kent2026], 2027, 'T4')).toBeNull();
  });

  it('maps a six-term key into other namings', () => {
    expect(labelOf(resolveTerm([halfTerms2026], 2026, 'T2'))).toBe('Autumn 2, 2026/27');
    expect(labelOf(resolveTerm([threeTerms2026], 2026, 'T2'))).toBe('Autumn Term, 2026/27');
    expect(labelOf(resolveTerm([threeTerms2026], 2026, 'T3'))).toBe('Spring Term, 2026/27');
  });

  it('maps three terms and half terms into six terms', () => {
    expect(resolveTerm([kent2026], 2026, 'AUT')?.period.key).toBe('T2');
    expect(resolveTerm([kent2026], 2026, 'AUT1')?.period.key).toBe('T1');
    expect(resolveTerm([kent2026], 2026, 'SPR2')?.period.key).toBe('T4');
    expect(resolveTerm([kent2026], 2026, 'SUM')?.period.key).toBe('T6');
    expect(resolveTerm([halfTerms2026], 2026, 'SPR')?.period.key).toBe('SPR2');
  });

  it('falls back on the preset dates when the calendar lacks the mapped term', () => {
    const withoutT2 = { ...kent2026, periods: kent2026.periods.filter((period) => period.key !== 'T2') };
    expect(resolveTerm([withoutT2], 2026, 'AUT')?.period.key).toBe('T1');
  });

  it('gives null for a year not in the calendar or a key that names no term', () => {
    expect(resolveTerm([kent2026], 2027, 'T2')).toBeNull();
    expect(resolveTerm([kent2026], 2026, 'X9')).toBeNull();
  });
});

describe('sortPeriods', () => {
  it('orders periods by start date without changing the input', () => {
    const reversed = { ...kent2026, periods: [...kent2026.periods].reverse() };
    expect(sortPeriods(reversed)).toEqual(kent2026);
    expect(reversed.periods[0]?.key).toBe('T6');
  });
});
