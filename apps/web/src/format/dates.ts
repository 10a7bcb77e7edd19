/**
 * Dates from the API are calendar dates ("YYYY-MM-DD", the `Date` scalar), not instants.
 * They are formatted in UTC so a reader's time zone can never move them a day.
 */
const ukLongDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-01-13" → "13 January 2025". Returns null for anything that is not a real calendar date. */
export function formatUkDate(value: string): string | null {
  const match = isoDate.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return ukLongDate.format(date);
}
