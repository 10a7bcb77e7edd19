/** When a review is due: pure functions over a policy's schedule, its guidance flags and a term calendar. */
import { resolveTerm, type AcademicYear } from '@ratify/calendar';

/** The earlier of the scheduled date and the guidance flags' dates. */
export function effectiveDue(scheduledOn: string | null, flags: { dueOn: string }[]): string | null {
  return [scheduledOn, ...flags.map((flag) => flag.dueOn)].filter((date): date is string => !!date).sort()[0] ?? null;
}

export interface DueSchedule {
  nextReviewOn: string | null;
  nextReviewYear: number | null;
  nextReviewTerm: string | null;
  flags: { dueOn: string }[];
}

/** When the review falls at one academy: a term chosen by hand is that academy's term; a date is the same everywhere. */
export function dueAt(policy: DueSchedule, calendar: AcademicYear[]): string | null {
  const scheduled = policy.nextReviewYear && policy.nextReviewTerm ? (resolveTerm(calendar, policy.nextReviewYear, policy.nextReviewTerm)?.period.endsOn ?? policy.nextReviewOn) : policy.nextReviewOn;
  return effectiveDue(scheduled, policy.flags);
}

