import { dueReminder, nextReviewDate, reviewTiming, validateReminderSettings } from './index';
import { kent2026, kent2027 } from './testing/kent-2026';

describe('nextReviewDate', () => {
  it('snaps a cycle date inside a term back to the end of the term before', () => {
    const { dueOn, period } = nextReviewDate('2025-01-13', 24, [kent2026]);
    expect(dueOn).toBe('2026-12-18');
    expect(period?.label).toBe('Term 2, 2026/27');
  });

  it('snaps a cycle date in the summer holiday to the end of the summer term', () => {
    const { dueOn, period } = nextReviewDate('2026-08-10', 12, [kent2027, kent2026]);
    expect(dueOn).toBe('2027-07-21');
    expect(period?.label).toBe('Term 6, 2026/27');
  });

  it('keeps a cycle date that is the last day of a term', () => {
    expect(nextReviewDate('2025-12-18', 12, [kent2026]).dueOn).toBe('2026-12-18');
  });

  it('uses the cycle date itself without a calendar for its years', () => {
    expect(nextReviewDate('2017-03-01', 24, [])).toEqual({ dueOn: '2019-03-01', period: null });
    expect(nextReviewDate('2025-01-13', 24, [])).toEqual({ dueOn: '2027-01-13', period: null });
    expect(nextReviewDate('2024-01-31', 1, [kent2026])).toEqual({ dueOn: '2024-02-29', period: null });
  });
});

describe('reviewTiming', () => {
  const today = '2026-11-21';

  it('places reviews against Kent’s terms', () => {
    expect(reviewTiming('2026-12-18', today, [kent2026])).toBe('due_this_term');
    expect(reviewTiming('2019-03-01', today, [kent2026])).toBe('overdue');
    expect(reviewTiming('2027-02-12', today, [kent2026])).toBe('due_next_term');
    expect(reviewTiming('2027-02-13', today, [kent2026])).toBe('later');
    expect(reviewTiming(today, today, [kent2026])).toBe('due_this_term');
  });

  it('uses seven- and fourteen-week windows without a calendar', () => {
    expect(reviewTiming('2027-01-09', today, [])).toBe('due_this_term');
    expect(reviewTiming('2027-01-10', today, [])).toBe('due_next_term');
    expect(reviewTiming('2027-02-27', today, [])).toBe('due_next_term');
    expect(reviewTiming('2027-02-28', today, [])).toBe('later');
    expect(reviewTiming('2026-11-20', today, [])).toBe('overdue');
  });
});

describe('dueReminder', () => {
  const settings = { leadDays: [60, 30, 7, 0], overdueWeekly: true };
  const dueOn = '2027-02-12';

  it.each([
    ['2026-12-13', null],
    ['2026-12-14', { key: 'ahead:60:2027-02-12', kind: 'ahead', daysLeft: 60 }],
    ['2027-01-23', { key: 'ahead:30:2027-02-12', kind: 'ahead', daysLeft: 20 }],
    ['2027-02-07', { key: 'ahead:7:2027-02-12', kind: 'ahead', daysLeft: 5 }],
    ['2027-02-12', { key: 'due:2027-02-12', kind: 'due', daysLeft: 0 }],
    ['2027-02-18', { key: 'due:2027-02-12', kind: 'due', daysLeft: -6 }],
    ['2027-02-19', { key: 'overdue:1:2027-02-12', kind: 'overdue', daysLeft: -7 }],
    ['2027-02-21', { key: 'overdue:1:2027-02-12', kind: 'overdue', daysLeft: -9 }],
    ['2027-02-27', { key: 'overdue:2:2027-02-12', kind: 'overdue', daysLeft: -15 }],
  ])('on %s gives %j', (today, expected) => {
    expect(dueReminder(dueOn, today, settings)).toEqual(expected);
  });

  it('stops after the due week when weekly overdue reminders are off', () => {
    expect(dueReminder(dueOn, '2027-02-21', { ...settings, overdueWeekly: false })).toBeNull();
    expect(dueReminder(dueOn, '2027-02-14', { ...settings, overdueWeekly: false })?.kind).toBe('due');
  });

  it('sends no due-day reminder without lead 0', () => {
    expect(dueReminder(dueOn, dueOn, { leadDays: [7], overdueWeekly: true })).toBeNull();
  });
});

describe('validateReminderSettings', () => {
  it('accepts sensible settings', () => {
    expect(validateReminderSettings({ leadDays: [60, 30, 7, 0], overdueWeekly: true })).toEqual([]);
    expect(validateReminderSettings({ leadDays: [], overdueWeekly: false })).toEqual([]);
  });

  it('refuses fractions, negatives, more than a year, repeats and too many', () => {
    expect(validateReminderSettings({ leadDays: [1.5], overdueWeekly: true })).toEqual(['Reminder days must be whole numbers from 0 to 365.']);
    expect(validateReminderSettings({ leadDays: [-1, 366], overdueWeekly: true })).toEqual(['Reminder days must be whole numbers from 0 to 365.']);
    expect(validateReminderSettings({ leadDays: [7, 7], overdueWeekly: true })).toEqual(['Each reminder must be a different number of days.']);
    expect(validateReminderSettings({ leadDays: [1, 2, 3, 4, 5, 6, 7, 8, 9], overdueWeekly: true })).toEqual(['Choose at most 8 reminders.']);
  });
});
