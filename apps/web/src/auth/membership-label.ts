import type { Role } from '../graphql/operations.generated';

/** Each role as a person reads it. */
export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: 'Administrator',
  AUTHOR: 'Author',
  APPROVER: 'Approver',
  PUBLISHER: 'Publisher',
  VIEWER: 'Viewer',
};

/** What `membershipLabel` needs of a membership. */
export interface LabelledMembership {
  role: Role;
  organisation: { name: string };
  school?: { name: string } | null;
}

/** Where a membership is: the organisation, after the academy for one school's staff ("Willow Primary Academy, Leaf Trust"). */
export function membershipPlace(membership: LabelledMembership): string {
  return membership.school ? `${membership.school.name}, ${membership.organisation.name}` : membership.organisation.name;
}

/** A membership in one line: "Leaf Trust — Administrator", "Willow Primary Academy, Leaf Trust — Publisher". */
export function membershipLabel(membership: LabelledMembership): string {
  return `${membershipPlace(membership)} — ${ROLE_NAMES[membership.role]}`;
}
