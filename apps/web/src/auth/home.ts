import type { Role } from '../graphql/operations.generated';

/** What `homeFor` needs of a membership: its role, and its academy when it is one school's. */
export interface HomeMembership {
  role: Role;
  school?: { id: string } | null;
}

/**
 * Where a person's work is, by the membership they are working in: the page they land on after
 * signing in and at `/`.
 *
 * - a trust administrator: the review dashboard (what is due, overdue, flagged across the trust);
 * - an approver (a committee's chair or member): the approvals inbox;
 * - an author, an academy's staff (publishers) and anyone else: the policies list, with their
 *   drafts and what awaits them.
 *
 * A `redirect` after sign-in (the page someone was sent to sign in from) wins over this.
 */
export function homeFor(membership: HomeMembership | null | undefined): '/policies' | '/approvals' | '/reviews' {
  switch (membership?.role) {
    case 'ADMIN':
      return '/reviews';
    case 'APPROVER':
      return '/approvals';
    default:
      return '/policies';
  }
}
