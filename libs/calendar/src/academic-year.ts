import { isoDate, monthOf, yearOf, type IsoDate } from './dates';

/**
 * An English academic year runs 1 August – 31 July and is known by its start year. Its bounds
 * are derived, never stored, so a calendar cannot disagree with itself about when a year ends.
 */
const FIRST_MONTH = 8;

/** 2026 → "2026/27"; 1999 → "1999/00". */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

const YEAR_PATTERN = /^(\d{4})\s*(?:\/|-|–|—|to)\s*(\d{2}|\d{4})$/i;

/**
 * The start year of an academic year written as people write it: "2026/27", "2026-27",
 * "2026–2027", "2026/2027", "2026 to 2027". Null for anything else, including pairs that are
 * not consecutive years ("2026/28"), which are more likely a typing slip than a meaning.
 */
export function parseAcademicYear(text: string): number | null {
  const match = YEAR_PATTERN.exec(text.trim());
  if (!match) return null;
  const startYear = Number(match[1]);
  const end = match[2] ?? '';
  const consistent = end.length === 2 ? Number(end) === (startYear + 1) % 100 : Number(end) === startYear + 1;
  return consistent ? startYear : null;
}

/** The academic year a date falls in: 2026-08-01 → 2026, 2026-07-31 → 2025. */
export function academicYearOf(date: IsoDate): number {
  const year = yearOf(date);
  return monthOf(date) >= FIRST_MONTH ? year : year - 1;
}

export function academicYearBounds(startYear: number): { startsOn: IsoDate; endsOn: IsoDate } {
  return { startsOn: isoDate(startYear, FIRST_MONTH, 1), endsOn: isoDate(startYear + 1, FIRST_MONTH - 1, 31) };
}
