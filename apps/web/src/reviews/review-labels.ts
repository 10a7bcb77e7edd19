/** The words for review statuses and timings, as the dashboard and the policy page say them. */
import type { ReviewStatus, ReviewTiming } from '../graphql/operations.generated';

/** Most urgent first, as the dashboard's counts are shown. */
export const REVIEW_STATUSES: readonly ReviewStatus[] = [
  'OVERDUE',
  'REVIEW_REQUIRED',
  'DUE_THIS_TERM',
  'DUE_NEXT_TERM',
  'AWAITING_APPROVAL',
  'IN_DRAFT',
  'NOT_PUBLISHED',
  'CURRENT',
];

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  OVERDUE: 'Overdue',
  REVIEW_REQUIRED: 'Review required',
  DUE_THIS_TERM: 'Due this term',
  DUE_NEXT_TERM: 'Due next term',
  AWAITING_APPROVAL: 'Awaiting approval',
  IN_DRAFT: 'In draft',
  NOT_PUBLISHED: 'Not published',
  CURRENT: 'Current',
};

export const REVIEW_TIMING_LABELS: Record<ReviewTiming, string> = {
  OVERDUE: 'Overdue',
  DUE_THIS_TERM: 'Due this term',
  DUE_NEXT_TERM: 'Due next term',
  LATER: 'Not due yet',
};

/** "18 December 2026 · Term 2, 2026/27"; either part alone when the other is missing. */
export function dueLine(date: string | null, term: string | null | undefined): string | null {
  const parts = [date, term].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** 3060 → "3,060". */
export const countLabel = (count: number): string => count.toLocaleString('en-GB');
