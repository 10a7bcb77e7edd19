import { addDays, daysBetween, type IsoDate } from './dates';

export interface ReminderSettings { leadDays: number[]; overdueWeekly: boolean }
export interface DueReminder { key: string; kind: 'ahead' | 'due' | 'overdue'; daysLeft: number }

const WEEK = 7;
const MAX_LEAD_DAYS = 365;
const MAX_LEADS = 8;

/**
 * The one reminder due today for a review due on `dueOn`, or null. A job running daily (and
 * possibly late, or twice) asks this and records the key: keys name the reminder, not the day,
 * so a unique key in the database sends each reminder exactly once, and a job that missed days
 * sends only the latest reminder that applies rather than a backlog.
 *
 * - ahead: the smallest positive lead L with dueOn − L ≤ today < dueOn (`ahead:L:dueOn`).
 * - due: lead 0 is set and today is in the week from dueOn (`due:dueOn`).
 * - overdue: overdueWeekly and w ≥ 1 whole weeks have passed since dueOn (`overdue:w:dueOn`).
 */
export function dueReminder(dueOn: IsoDate, today: IsoDate, settings: ReminderSettings): DueReminder | null {
  const daysLeft = daysBetween(today, dueOn);
  if (daysLeft > 0) {
    const lead = settings.leadDays.filter((days) => days > 0 && days >= daysLeft).sort((a, b) => a - b)[0];
    return lead === undefined ? null : { key: `ahead:${lead}:${dueOn}`, kind: 'ahead', daysLeft };
  }
  const weeksOverdue = Math.floor(-daysLeft / WEEK);
  if (weeksOverdue === 0) {
    return settings.leadDays.includes(0) ? { key: `due:${dueOn}`, kind: 'due', daysLeft } : null;
  }
  return settings.overdueWeekly ? { key: `overdue:${weeksOverdue}:${dueOn}`, kind: 'overdue', daysLeft } : null;
}

/** What is wrong with reminder settings, in words for the settings form; empty when they are fine. */
export function validateReminderSettings(settings: ReminderSettings): string[] {
  const problems: string[] = [];
  const { leadDays } = settings;
  if (leadDays.some((days) => !Number.isInteger(days) || days < 0 || days > MAX_LEAD_DAYS)) {
    problems.push(`Reminder days must be whole numbers from 0 to ${MAX_LEAD_DAYS}.`);
  }
  if (new Set(leadDays).size !== leadDays.length) problems.push('Each reminder must be a different number of days.');
  if (leadDays.length > MAX_LEADS) problems.push(`Choose at most ${MAX_LEADS} reminders.`);
  if (typeof settings.overdueWeekly !== 'boolean') problems.push('Say whether to remind weekly once a review is overdue.');
  return problems;
}

/** The first day any reminder can apply to a review due on `dueOn`: a daily job need only look at reviews due within its longest lead. */
export function earliestReminderDate(dueOn: IsoDate, settings: ReminderSettings): IsoDate {
  const longest = Math.max(0, ...settings.leadDays.filter((days) => Number.isInteger(days) && days > 0));
  return addDays(dueOn, -longest);
}
