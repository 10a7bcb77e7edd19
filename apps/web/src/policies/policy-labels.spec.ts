import { describe, expect, it } from 'vitest';
import { reviewCycleLabel, versionNumberLabel, versionStatusLabel } from './policy-labels';

describe('reviewCycleLabel', () => {
  it.each([
    [24, '2 years'],
    [12, '1 year'],
    [36, '3 years'],
    [18, '18 months'],
    [6, '6 months'],
    [1, '1 month'],
  ])('%i months reads "%s"', (months, label) => {
    expect(reviewCycleLabel(months)).toBe(label);
  });
});

describe('versionStatusLabel', () => {
  it('reads as words, not enum values', () => {
    expect(versionStatusLabel('IN_APPROVAL')).toBe('In approval');
    expect(versionStatusLabel('SUPERSEDED')).toBe('Superseded');
  });
});

describe('versionNumberLabel', () => {
  it('shows the number, or says a draft has none yet', () => {
    expect(versionNumberLabel('1.0')).toBe('1.0');
    expect(versionNumberLabel(null)).toBe('Not numbered yet');
  });
});
