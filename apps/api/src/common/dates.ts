/** One formatter for the process: building an Intl.DateTimeFormat costs far more than using one. */
const UK_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Dates as people in English schools write them: "13 January 2025". */
export function formatUkDate(isoDate: string): string {
  return UK_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}
