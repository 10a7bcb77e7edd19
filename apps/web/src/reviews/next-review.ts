/** The "next review" choice of the schedule and complete-review forms: from the cycle, a date, or a term. */
import type { NextReviewInput } from '../graphql/operations.generated';

export type NextReviewHow = 'cycle' | 'date' | 'term';

export interface NextReviewForm {
  how: NextReviewHow;
  on: string;
  /** The academic year's start ("2026"), as the select holds it. */
  startYear: string;
  termKey: string;
}

export const emptyNextReview = (): NextReviewForm => ({ how: 'cycle', on: '', startYear: '', termKey: '' });

/** What is missing before sending, said as what to do; null when nothing is. */
export function nextReviewProblem(form: NextReviewForm): string | null {
  if (form.how === 'date' && !form.on) return 'Enter the date of the next review.';
  if (form.how === 'term' && (!form.startYear || !form.termKey)) return 'Choose the academic year and the term of the next review.';
  return null;
}

/** The API's input: null to work it out from the cycle. */
export function nextReviewInput(form: NextReviewForm): NextReviewInput | null {
  if (form.how === 'date') return { on: form.on };
  if (form.how === 'term') return { startYear: Number(form.startYear), termKey: form.termKey };
  return null;
}
