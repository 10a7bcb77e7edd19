import { addDays, FRIDAY, isoDate, isWeekend, MONDAY, onOrAfter, onOrBefore, type IsoDate } from './dates';
import { easterSunday } from './easter';
import { blocksOf, type AcademicYear, type TermNaming } from './terms';

interface Block { startsOn: IsoDate; endsOn: IsoDate }

function lastMondayOf(year: number, month: number): IsoDate {
  return onOrBefore(isoDate(year, month + 1, 0), MONDAY);
}

function nthMondayOf(year: number, month: number, n: number): IsoDate {
  return addDays(onOrAfter(isoDate(year, month, 1), MONDAY), 7 * (n - 1));
}

function fridayBefore(monday: IsoDate): IsoDate {
  return addDays(monday, -3);
}

function mondayAfterWeekOf(monday: IsoDate): IsoDate {
  return addDays(monday, 7);
}

/**
 * First day back in January: the first Monday on or after 2 January (so 2026/27 returns on
 * Monday 4 January 2027), or the Tuesday when that Monday is the New Year's Day substitute
 * bank holiday (1 January on a weekend, as in 2028).
 */
function springStart(year: number): IsoDate {
  const monday = onOrAfter(isoDate(year, 1, 2), MONDAY);
  const newYearsDay = isoDate(year, 1, 1);
  const substituteHoliday = isWeekend(newYearsDay) ? onOrAfter(newYearsDay, MONDAY) : null;
  return monday === substituteHoliday ? addDays(monday, 1) : monday;
}

/**
 * The six blocks of teaching between England's usual holidays for the academic year starting
 * in `startYear`. These are a starting point for a school to correct, not any local
 * authority's published dates.
 */
export function presetBlocks(startYear: number): Block[] {
  const next = startYear + 1;
  const firstOfSeptember = isoDate(startYear, 9, 1);
  const octoberHalfTerm = lastMondayOf(startYear, 10);
  // Weeks run Monday–Sunday: the week before the one holding Christmas Day ends the autumn.
  const christmasWeek = onOrBefore(isoDate(startYear, 12, 25), MONDAY);
  const februaryHalfTerm = nthMondayOf(next, 2, 3);
  const easter = easterSunday(next);
  const lateMayHalfTerm = lastMondayOf(next, 5);
  const twentyFirstOfJuly = isoDate(next, 7, 21);
  return [
    { startsOn: isWeekend(firstOfSeptember) ? onOrAfter(firstOfSeptember, MONDAY) : firstOfSeptember, endsOn: fridayBefore(octoberHalfTerm) },
    { startsOn: mondayAfterWeekOf(octoberHalfTerm), endsOn: fridayBefore(christmasWeek) },
    { startsOn: springStart(next), endsOn: fridayBefore(februaryHalfTerm) },
    { startsOn: mondayAfterWeekOf(februaryHalfTerm), endsOn: addDays(easter, -3) },
    { startsOn: addDays(easter, 15), endsOn: fridayBefore(lateMayHalfTerm) },
    { startsOn: mondayAfterWeekOf(lateMayHalfTerm), endsOn: isWeekend(twentyFirstOfJuly) ? onOrBefore(twentyFirstOfJuly, FRIDAY) : twentyFirstOfJuly },
  ];
}

/** A year of the given naming built from the preset blocks (three terms join pairs of blocks). */
export function presetYear(startYear: number, naming: TermNaming): AcademicYear {
  const blocks = presetBlocks(startYear);
  const periods = blocksOf(naming).map(({ key, name, blocks: numbers }) => ({
    key,
    name,
    startsOn: blockAt(blocks, numbers[0]).startsOn,
    endsOn: blockAt(blocks, numbers.at(-1)).endsOn,
  }));
  return { startYear, naming, periods };
}

function blockAt(blocks: Block[], number: number | undefined): Block {
  const block = number === undefined ? undefined : blocks[number - 1];
  if (!block) throw new RangeError(`No preset block ${number}`);
  return block;
}
