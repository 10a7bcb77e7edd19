/**
 * Why a review action was refused, in words that say what to do: by `details.reason`, never by
 * the server's message. A calendar's refusal keeps its problems (objects with a line or a term).
 */
import { GraphQLRequestError } from '../graphql/client';
import { actionFailure, type ActionFailure } from '../graphql/remote';
import { failureMessage } from '../layout/failure-message';
import { reviewCycleLabel } from '../policies/policy-labels';

/** One problem of a refused calendar: `line` for an imported file, `startYear` and `periodKey` for a year. */
export interface CalendarProblemDetail {
  code: string;
  message: string;
  line?: number;
  startYear?: number;
  periodKey?: string;
}

export interface ReviewFailure extends ActionFailure {
  /** CYCLE_ABOVE_STATUTORY_MAXIMUM: the type's maximum. */
  maxCycleMonths?: number;
  /** INVALID_CALENDAR: every problem the server found. */
  calendarProblems: CalendarProblemDetail[];
}

const isProblem = (value: unknown): value is CalendarProblemDetail =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

export function reviewFailure(error: unknown): ReviewFailure {
  const details = error instanceof GraphQLRequestError ? error.details : {};
  const max = details.maxCycleMonths;
  const problems = Array.isArray(details.problems) ? details.problems.filter(isProblem) : [];
  return { ...actionFailure(error), ...(typeof max === 'number' ? { maxCycleMonths: max } : {}), calendarProblems: problems };
}

const REASONS: Record<string, (failure: ReviewFailure) => string> = {
  CYCLE_ABOVE_STATUTORY_MAXIMUM: (failure) =>
    failure.maxCycleMonths
      ? `This type of policy must be reviewed at least every ${reviewCycleLabel(failure.maxCycleMonths)}: choose a cycle of ${failure.maxCycleMonths} months or fewer.`
      : 'This type of policy has a statutory maximum review cycle: choose a shorter cycle.',
  UNKNOWN_TERM: () => 'The trust’s term calendar has no dates for that term yet. Add that year’s term dates in Settings → Term dates, or choose a date instead.',
  INCOMPLETE_TERM: () => 'Choose both the academic year and the term of the next review.',
  UNKNOWN_POLICY_TYPE: () => 'That policy type is no longer in the catalogue. Reload the page and choose again.',
  UNKNOWN_MEMBER: () => 'The owner must be someone in your organisation. Reload the page and choose again.',
  NOT_APPROVED: () => 'This policy has no approved version to review yet: send its draft for approval instead.',
  IN_APPROVAL: () => 'This policy is waiting for approval: wait for the decision, or withdraw it, before starting a new draft.',
  INVALID_DATE: () => 'Enter the date of the review as a date.',
  DATE_IN_FUTURE: () => 'A review cannot be recorded for a date in the future: choose today or an earlier date.',
  DATE_BEFORE_APPROVAL: () => 'The review date is before the current version was approved: choose a later date.',
  NO_CYCLE: () => 'This policy has no review cycle, so Ratify cannot work out its next review: choose a date or term for it, or set a cycle with Edit schedule.',
  NEXT_REVIEW_NOT_AFTER: () => 'The next review must come after this review: choose a later date or term.',
  ALREADY_REGISTERED: () => 'This edition is already registered: it is in the list above.',
  NO_POLICY_TYPES: () => 'Choose the types of policy this guidance affects.',
};

/** How a reviews action ended: done (with what it gives back), or why not. */
export type ReviewResult<T extends object = object> = ({ ok: true } & T) | ({ ok: false } & ReviewFailure);

/** Runs an action; once it is done, `then` (e.g. loading the list again) runs before the result is given. */
export async function attempt<T extends object>(action: () => Promise<T>, then?: () => Promise<unknown>): Promise<ReviewResult<T>> {
  let result: T;
  try {
    result = await action();
  } catch (error) {
    return { ok: false, ...reviewFailure(error) };
  }
  await then?.();
  return { ok: true, ...result };
}

/** The sentence for a failed review action; `action` completes "Ratify could not …". */
export function reviewFailureMessage(failure: ReviewFailure, action: string): string {
  const byReason = failure.reason ? REASONS[failure.reason] : undefined;
  return byReason ? byReason(failure) : failureMessage(failure.code, action, { FORBIDDEN: `Only administrators and authors can ${action}. Ask one of them to.` });
}
