/** A school copy's distance from the trust's text, and the trust's reasons to look again, in words. */
import type { VariantSummaryFieldsFragment } from '../graphql/operations.generated';

export type Divergence = VariantSummaryFieldsFragment['divergence'];

/** "Same as the trust’s text", or "2 clauses changed, 1 omitted, 1 added". */
export function divergenceSummary(divergence: Divergence): string {
  const parts = (
    [
      [divergence.changed.length, 'changed'],
      [divergence.omitted.length, 'omitted'],
      [divergence.added.length, 'added'],
    ] as const
  ).filter(([count]) => count > 0);
  if (parts.length === 0) return 'Same as the trust’s text';
  return parts.map(([count, what], index) => (index === 0 ? `${count} ${count === 1 ? 'clause' : 'clauses'} ${what}` : `${count} ${what}`)).join(', ');
}

const REASONS: Record<string, string> = {
  'trust-changed-clause': 'The trust has changed this clause since the school changed it. Check the school’s text still fits.',
  'trust-removed-clause': 'The trust has removed the clause this change was made to.',
  'trust-now-has-clause': 'The trust’s policy now has the clause the school added.',
};

/** The API's reason code as a sentence; an unknown code still reads as a reason to look again. */
export function reconfirmationReason(reason: string): string {
  return REASONS[reason] ?? 'The trust’s text has changed here since the school’s copy was saved.';
}
