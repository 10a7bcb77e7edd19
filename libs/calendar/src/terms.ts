import { academicYearLabel } from './academic-year';
import type { IsoDate } from './dates';

/**
 * How a school names the parts of its year. All three describe the same six blocks of
 * teaching weeks between holidays; they differ only in how the blocks are grouped and named.
 */
export type TermNaming = 'six-terms' | 'three-terms' | 'half-terms';

export interface TermPeriod { key: string; name: string; startsOn: IsoDate; endsOn: IsoDate }

/** A calendar for one academic year. Bounds come from startYear (academicYearBounds). */
export interface AcademicYear { startYear: number; naming: TermNaming; periods: TermPeriod[] }

export interface ResolvedPeriod { startYear: number; period: TermPeriod; label: string }

interface NamedPeriod { key: string; name: string; blocks: readonly number[] }

/** Canonical keys and names, with the preset blocks (1–6) each period covers. */
const NAMINGS: Record<TermNaming, readonly NamedPeriod[]> = {
  'six-terms': [1, 2, 3, 4, 5, 6].map((n) => ({ key: `T${n}`, name: `Term ${n}`, blocks: [n] })),
  'three-terms': [
    { key: 'AUT', name: 'Autumn Term', blocks: [1, 2] },
    { key: 'SPR', name: 'Spring Term', blocks: [3, 4] },
    { key: 'SUM', name: 'Summer Term', blocks: [5, 6] },
  ],
  'half-terms': [
    { key: 'AUT1', name: 'Autumn 1', blocks: [1] },
    { key: 'AUT2', name: 'Autumn 2', blocks: [2] },
    { key: 'SPR1', name: 'Spring 1', blocks: [3] },
    { key: 'SPR2', name: 'Spring 2', blocks: [4] },
    { key: 'SUM1', name: 'Summer 1', blocks: [5] },
    { key: 'SUM2', name: 'Summer 2', blocks: [6] },
  ],
};

export const TERM_NAMINGS: readonly TermNaming[] = ['six-terms', 'three-terms', 'half-terms'];

export function periodNames(naming: TermNaming): { key: string; name: string }[] {
  return NAMINGS[naming].map(({ key, name }) => ({ key, name }));
}

/** "Term 2, 2026/27" — what people call a term in a sentence or a list. */
export function periodLabel(startYear: number, period: TermPeriod): string {
  return `${period.name}, ${academicYearLabel(startYear)}`;
}

export function resolved(startYear: number, period: TermPeriod): ResolvedPeriod {
  return { startYear, period, label: periodLabel(startYear, period) };
}

/** Periods in date order (then by end date); a copy, the input is left as it was. */
export function sortPeriods(year: AcademicYear): AcademicYear {
  const periods = [...year.periods].sort((a, b) => compareDates(a.startsOn, b.startsOn) || compareDates(a.endsOn, b.endsOn));
  return { ...year, periods };
}

function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The naming a canonical key belongs to, with its blocks; null for a key no naming uses. */
export function namedKey(key: string): { naming: TermNaming; named: NamedPeriod } | null {
  for (const naming of TERM_NAMINGS) {
    const named = NAMINGS[naming].find((candidate) => candidate.key === key);
    if (named) return { naming, named };
  }
  return null;
}

/**
 * The key in `naming` for the period that holds the last block of `key`'s period: a term of
 * another naming is read as "by the end of" it, so AUT in a six-term year is T2 and T2 in a
 * three-term year is AUT.
 */
export function keyInNaming(key: string, naming: TermNaming): string | null {
  const found = namedKey(key);
  const lastBlock = found?.named.blocks.at(-1);
  if (lastBlock === undefined) return null;
  return NAMINGS[naming].find((candidate) => candidate.blocks.includes(lastBlock))?.key ?? null;
}

const SEASON_KEYS = { autumn: 'AUT', spring: 'SPR', summer: 'SUM' } as const;
type Season = keyof typeof SEASON_KEYS;

/** Years written into a name ("Autumn Term 2026", "Spring 1 2026/27") say nothing about which term it is. */
const YEAR_IN_NAME = /\b\d{4}(?:\s*(?:\/|-|–|—|to)\s*\d{2,4})?\b/gi;

/**
 * The canonical period a name written by a school means, or null when it names no term
 * ("Half term", "INSET day", "Christmas holiday"). Recognises "Term 3", "Autumn Term",
 * "Spring 1", "Summer Half Term 2", "Autumn Term 1", the keys themselves ("T3", "AUT1"),
 * with any case, spacing and years.
 */
export function recogniseTermName(text: string): { naming: TermNaming; key: string; name: string } | null {
  const words = text.replace(YEAR_IN_NAME, ' ').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const sixTerms = /^(?:term|t) ?([1-6])$/.exec(words);
  if (sixTerms) return canonical('six-terms', `T${sixTerms[1]}`);
  const half = /^(autumn|spring|summer|aut|spr|sum)(?: half)?(?: term)? ?([12])$/.exec(words);
  if (half) return canonical('half-terms', `${seasonKey(half[1] ?? '')}${half[2]}`);
  const three = /^(autumn|spring|summer|aut|spr|sum)(?: term)?$/.exec(words);
  if (three) return canonical('three-terms', seasonKey(three[1] ?? ''));
  return null;
}

function seasonKey(word: string): string {
  return word in SEASON_KEYS ? SEASON_KEYS[word as Season] : word.toUpperCase();
}

function canonical(naming: TermNaming, key: string): { naming: TermNaming; key: string; name: string } | null {
  const named = NAMINGS[naming].find((candidate) => candidate.key === key);
  return named ? { naming, key, name: named.name } : null;
}

/** Presets build six blocks and group them: which blocks make up each period of a naming. */
export function blocksOf(naming: TermNaming): readonly NamedPeriod[] {
  return NAMINGS[naming];
}
