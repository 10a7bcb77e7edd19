import { academicYearOf } from './academic-year';
import { addDays, addMonths, type IsoDate } from './dates';
import { currentAndNextPeriod, latestEnding, periodForDue } from './lookup';
import { resolved, type AcademicYear, type ResolvedPeriod } from './terms';

/**
 * The next review date after an approval or a review. The cycle date is `from + cycleMonths`.
 * When the calendar has a period ending on or before the cycle date, in the cycle date's academic
 * year or the one before, the review is due at the END of the latest such period: a review has to
 * be done in term time by people who are there, and before the policy lapses — so it moves
 * earlier, never later. Otherwise (no calendar for those years) the cycle date itself.
 */
export function nextReviewDate(from: IsoDate, cycleMonths: number, calendar: AcademicYear[]): { dueOn: IsoDate; period: ResolvedPeriod | null } {
  const cycleDate = addMonths(from, cycleMonths);
  const cycleYear = academicYearOf(cycleDate);
  const ended = calendar
    .filter((year) => year.startYear === cycleYear || year.startYear === cycleYear - 1)
    .flatMap((year) => year.periods.filter((period) => period.endsOn <= cycleDate).map((period) => resolved(year.startYear, period)));
  const dueOn = latestEnding(ended)?.period.endsOn ?? cycleDate;
  return { dueOn, period: periodForDue(calendar, dueOn) };
}

export type ReviewTiming = 'overdue' | 'due_this_term' | 'due_next_term' | 'later';

/** Without a calendar a "term" is taken as seven weeks, about the length of a half-term. */
const THIS_TERM_DAYS = 7 * 7;
const NEXT_TERM_DAYS = 14 * 7;

/**
 * Where a review falls for a dashboard: overdue (before today), due this term (by the end of
 * the current period), due next term (by the end of the next), or later. With no current period
 * (no calendar, or one that has run out) seven- and fourteen-week windows stand in for terms;
 * when the calendar has a current period but none after it, the fourteen-week window stands in
 * for next term.
 */
export function reviewTiming(dueOn: IsoDate, today: IsoDate, calendar: AcademicYear[]): ReviewTiming {
  if (dueOn < today) return 'overdue';
  const { current, next } = currentAndNextPeriod(calendar, today);
  const thisTermEnds = current?.period.endsOn ?? addDays(today, THIS_TERM_DAYS);
  const nextTermEnds = next?.period.endsOn ?? addDays(today, NEXT_TERM_DAYS);
  if (dueOn <= thisTermEnds) return 'due_this_term';
  if (dueOn <= nextTermEnds) return 'due_next_term';
  return 'later';
}
