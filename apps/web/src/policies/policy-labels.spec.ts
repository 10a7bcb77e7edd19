import { describe, expect, it } from 'vitest';
import { reviewCycleLabel, versionStatusLabel } from './policy-labels';

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
