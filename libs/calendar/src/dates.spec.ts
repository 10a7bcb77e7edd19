import { addDays, addMonths, daysBetween, formatDateRange, isIsoDate } from './dates';
import { academicYearBounds, academicYearLabel, academicYearOf, parseAcademicYear } from './academic-year';
import { easterSunday } from './easter';

describe('dates', () => {
  it('accepts only real calendar days in ISO form', () => {
    expect(isIsoDate('2026-09-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-9-1')).toBe(false);
    expect(isIsoDate('01/09/2026')).toBe(false);
  });

  it('adds days across months, years and the clocks changing', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-28', -3)).toBe('2027-03-25');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-01-13', 24)).toBe('2027-01-13');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('counts days from one date to another', () => {
    expect(daysBetween('2026-11-21', '2026-12-18')).toBe(27);
    expect(daysBetween('2026-12-18', '2026-11-21')).toBe(-27);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });

  it('writes date ranges in words', () => {
    expect(formatDateRange('2026-11-02', '2026-12-18')).toBe('2 November – 18 December 2026');
    expect(formatDateRange('2026-09-01', '2027-07-21')).toBe('1 September 2026 – 21 July 2027');
  });
});

describe('academic years', () => {
  it('labels a year by its start year', () => {
    expect(academicYearLabel(2026)).toBe('2026/27');
    expect(academicYearLabel(1999)).toBe('1999/00');
    expect(academicYearLabel(2009)).toBe('2009/10');
  });

  it.each(['2026/27', '2026-27', '2026–2027', '2026/2027', '2026 to 2027', ' 2026 / 27 '])('reads %s as 2026', (text) => {
    expect(parseAcademicYear(text)).toBe(2026);
  });

  it('reads the turn of the century', () => {
    expect(parseAcademicYear('1999/00')).toBe(1999);
  });

  it.each(['2026/28', '2026-2028', '2026', '26/27', 'Term 1', ''])('refuses %s', (text) => {
    expect(parseAcademicYear(text)).toBeNull();
  });

  it('places 1 August in the new year and 31 July in the old one', () => {
    expect(academicYearOf('2026-08-01')).toBe(2026);
    expect(academicYearOf('2026-07-31')).toBe(2025);
    expect(academicYearOf('2027-01-13')).toBe(2026);
  });

  it('bounds a year from 1 August to 31 July', () => {
    expect(academicYearBounds(2026)).toEqual({ startsOn: '2026-08-01', endsOn: '2027-07-31' });
  });
});

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2000, '2000-04-23'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i is %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });
});
