import { describe, expect, it } from 'vitest';
import { formatUkDate } from './dates';

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
