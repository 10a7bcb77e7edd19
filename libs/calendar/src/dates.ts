/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). Term dates are days, not instants: every
 * computation goes through Date.UTC so a server in UTC and a browser in British Summer Time
 * agree on what day a date is and how many days lie between two dates.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Day of the week as Date.getUTCDay numbers it (0 Sunday … 6 Saturday). */
export const SUNDAY = 0;
export const MONDAY = 1;
export const FRIDAY = 5;
export const SATURDAY = 6;

interface Ymd { year: number; month: number; day: number }

function splitIso(date: IsoDate): Ymd {
  const match = ISO_PATTERN.exec(date);
  if (!match) throw new RangeError(`“${date}” is not a date in the form YYYY-MM-DD`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Days since 1970-01-01: one number that days can be added to without month arithmetic. */
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = splitIso(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** An ISO date from a year, a month (1–12) and a day; out-of-range parts roll over as Date.UTC does. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return fromDayNumber(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** True only for real calendar days in the form YYYY-MM-DD: 2026-02-29 is refused, not rolled into March. */
export function isIsoDate(text: string): boolean {
  if (!ISO_PATTERN.test(text)) return false;
  const { year, month, day } = splitIso(text);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Calendar months later (or earlier). The day is clamped to the end of a shorter month
 * (2024-01-31 + 1 month is 2024-02-29) so a review cycle never spills into the month after.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitIso(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return isoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** `to - from` in days: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function yearOf(date: IsoDate): number {
  return splitIso(date).year;
}

export function monthOf(date: IsoDate): number {
  return splitIso(date).month;
}

export function weekdayOf(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** The first date on or after `date` falling on `weekday`. */
export function onOrAfter(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, (weekday - weekdayOf(date) + 7) % 7);
}

/** The last date on or before `date` falling on `weekday`. */
export function onOrBefore(date: IsoDate, weekday: number): IsoDate {
  return addDays(date, -((weekdayOf(date) - weekday + 7) % 7));
}

/** "2 November 2026" — the GOV.UK style for dates in sentences. */
export function formatDate(date: IsoDate): string {
  const { year, month, day } = splitIso(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "2 November – 18 December 2026", or with both years when they differ. */
export function formatDateRange(from: IsoDate, to: IsoDate): string {
  if (!isIsoDate(from) || !isIsoDate(to)) return `${from} – ${to}`;
  const start = formatDate(from);
  return yearOf(from) === yearOf(to) ? `${start.slice(0, start.lastIndexOf(' '))} – ${formatDate(to)}` : `${start} – ${formatDate(to)}`;
}

/** The later of two ISO dates (ISO dates compare correctly as strings). */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
