import type { AcademicYear } from '../terms';

/** Kent's six terms for 2026/27 — the worked example the presets must reproduce. */
export const kent2026: AcademicYear = {
  startYear: 2026,
  naming: 'six-terms',
  periods: [
    { key: 'T1', name: 'Term 1', startsOn: '2026-09-01', endsOn: '2026-10-23' },
    { key: 'T2', name: 'Term 2', startsOn: '2026-11-02', endsOn: '2026-12-18' },
    { key: 'T3', name: 'Term 3', startsOn: '2027-01-04', endsOn: '2027-02-12' },
    { key: 'T4', name: 'Term 4', startsOn: '2027-02-22', endsOn: '2027-03-25' },
    { key: 'T5', name: 'Term 5', startsOn: '2027-04-12', endsOn: '2027-05-28' },
    { key: 'T6', name: 'Term 6', startsOn: '2027-06-07', endsOn: '2027-07-21' },
  ],
};

/** The same year as three terms (Autumn = T1 start … T2 end, and so on). */
export const threeTerms2026: AcademicYear = {
  startYear: 2026,
  naming: 'three-terms',
  periods: [
    { key: 'AUT', name: 'Autumn Term', startsOn: '2026-09-01', endsOn: '2026-12-18' },
    { key: 'SPR', name: 'Spring Term', startsOn: '2027-01-04', endsOn: '2027-03-25' },
    { key: 'SUM', name: 'Summer Term', startsOn: '2027-04-12', endsOn: '2027-07-21' },
  ],
};

/** The same year as half terms. */
export const halfTerms2026: AcademicYear = {
  startYear: 2026,
  naming: 'half-terms',
  periods: kent2026.periods.map((period, index) => ({
    ...period,
    key: ['AUT1', 'AUT2', 'SPR1', 'SPR2', 'SUM1', 'SUM2'][index] ?? '',
    name: ['Autumn 1', 'Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2'][index] ?? '',
  })),
};

/** A later Kent-style year, so lookups can cross from one academic year into the next. */
export const kent2027: AcademicYear = {
  startYear: 2027,
  naming: 'six-terms',
  periods: [
    { key: 'T1', name: 'Term 1', startsOn: '2027-09-01', endsOn: '2027-10-22' },
    { key: 'T2', name: 'Term 2', startsOn: '2027-11-01', endsOn: '2027-12-17' },
    { key: 'T3', name: 'Term 3', startsOn: '2028-01-04', endsOn: '2028-02-11' },
    { key: 'T4', name: 'Term 4', startsOn: '2028-02-21', endsOn: '2028-04-07' },
    { key: 'T5', name: 'Term 5', startsOn: '2028-04-24', endsOn: '2028-05-26' },
    { key: 'T6', name: 'Term 6', startsOn: '2028-06-05', endsOn: '2028-07-21' },
  ],
};
