/**
 * Dates from the API are calendar dates ("YYYY-MM-DD", the `Date` scalar), not instants: they
 * are written without any time zone (libs/calendar, the same words as the API's), so a reader's
 * time zone can never move them a day.
 */
import { formatDate, isIsoDate } from '@ratify/calendar';

/** "2025-01-13" → "13 January 2025". Returns null for anything that is not a real calendar date. */
export function formatUkDate(value: string): string | null {
  return isIsoDate(value) ? formatDate(value) : null;
}

/** The UK's wall clock, for instants ("DateTime": when something was recorded or sent). */
const ukDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const ukDayOfInstant = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** "2026-11-21T10:42:00Z" → "21 November 2026 at 10:42" (or just the day), as it was in the UK. Null for anything else. */
export function formatUkInstant(value: string, withTime = true): string | null {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) return null;
  if (!withTime) return ukDayOfInstant.format(date);
  const parts = Object.fromEntries(ukDateTime.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** Today as a calendar date ("YYYY-MM-DD") where the person is: the default for a decision's date. */
export function todayIso(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
