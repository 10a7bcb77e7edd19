import { periodNames } from '../terms';
import type { AcademicYear, TermNaming } from '../terms';

/** A year of the given naming from its periods' dates, in order, with the canonical keys and names. */
function year(startYear: number, naming: TermNaming, dates: [string, string][]): AcademicYear {
  const names = periodNames(naming);
  return { startYear, naming, periods: dates.map(([startsOn, endsOn], index) => ({ ...names[index]!, startsOn, endsOn })) };
}

const kentDates2026: [string, string][] = [
  ['2026-09-01', '2026-10-23'],
  ['2026-11-02', '2026-12-18'],
  ['2027-01-04', '2027-02-12'],
  ['2027-02-22', '2027-03-25'],
  ['2027-04-12', '2027-05-28'],
  ['2027-06-07', '2027-07-21'],
];

/** Kent's six terms for 2026/27 — the worked example the presets must reproduce. */
export const kent2026 = year(2026, 'six-terms', kentDates2026);

/** The same year as three terms (Autumn = T1 start … T2 end, and so on). */
export const threeTerms2026 = year(2026, 'three-terms', [
  ['2026-09-01', '2026-12-18'],
  ['2027-01-04', '2027-03-25'],
  ['2027-04-12', '2027-07-21'],
]);

/** The same year as half terms. */
export const halfTerms2026 = year(2026, 'half-terms', kentDates2026);

/** A later Kent-style year, so lookups can cross from one academic year into the next. */
export const kent2027 = year(2027, 'six-terms', [
  ['2027-09-01', '2027-10-22'],
  ['2027-11-01', '2027-12-17'],
  ['2028-01-04', '2028-02-11'],
  ['2028-02-21', '2028-04-07'],
  ['2028-04-24', '2028-05-26'],
  ['2028-06-05', '2028-07-21'],
]);
