import { describe, expect, it } from 'vitest';
import { formatUkDate, formatUkInstant, todayIso } from './dates';

describe('formatUkDate', () => {
  it.each([
    ['2025-01-13', '13 January 2025'],
    ['2024-02-29', '29 February 2024'],
    ['2026-12-01', '1 December 2026'],
  ])('shows %s as %s', (iso, uk) => {
    expect(formatUkDate(iso)).toBe(uk);
  });

  it.each(['2025-02-30', '2025-13-01', '13/01/2025', '2025-01-13T00:00:00Z', ''])('rejects %j', (value) => {
    expect(formatUkDate(value)).toBeNull();
  });
});

describe('formatUkInstant', () => {
  it('says when something happened on the UK clock, in summer time too', () => {
    expect(formatUkInstant('2026-11-21T10:42:07.123Z')).toBe('21 November 2026 at 10:42');
    expect(formatUkInstant('2026-07-01T23:30:00Z')).toBe('2 July 2026 at 00:30');
    expect(formatUkInstant('2026-07-01T23:30:00Z', false)).toBe('2 July 2026');
  });

  it.each(['2026-11-21', 'yesterday', ''])('rejects %j', (value) => {
    expect(formatUkInstant(value)).toBeNull();
  });
});

describe('todayIso', () => {
  it('is the local calendar date, padded', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
