/**
 * Roles and places as the people screens say them, the invite form's own checks, and refusals
 * in words that say what to do (by code and `details.reason`, never by the server's message).
 * The API's rules, mirrored so the forms offer only what it accepts.
 */
import type { Role } from '../graphql/operations.generated';
import type { ActionFailure } from '../graphql/remote';
import { failureMessage } from '../layout/failure-message';

/** What each role may do, for the role choice. */
export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: 'ADMIN', label: 'Administrator: settings, people and every policy' },
  { value: 'AUTHOR', label: 'Author: writes and changes policies' },
  { value: 'APPROVER', label: 'Approver: decides on policies on a committee or board' },
  { value: 'PUBLISHER', label: 'Publisher: publishes an academy’s copies' },
  { value: 'VIEWER', label: 'Viewer: reads policies' },
];

/** The roles someone working at one academy may have; admins and approvers work for the whole trust. */
export const ACADEMY_ROLES: readonly Role[] = ['AUTHOR', 'PUBLISHER', 'VIEWER'];

export const WHOLE_TRUST = '';

export function placeOptions(schools: { id: string; name: string }[]): { value: string; label: string }[] {
  return [{ value: WHOLE_TRUST, label: 'The whole trust' }, ...schools.map((school) => ({ value: school.id, label: school.name }))];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The invite form's problems before anything is sent: by field. */
export function checkInvite(draft: { email: string; role: Role; schoolId: string }): { email?: string; schoolId?: string } {
  const problems: { email?: string; schoolId?: string } = {};
  const email = draft.email.trim();
  if (!email) problems.email = 'Enter the email address of the person to invite.';
  else if (!EMAIL.test(email) || email.length > 254) problems.email = 'Enter an email address, like name@school.org.uk.';
  if (draft.schoolId !== WHOLE_TRUST && !ACADEMY_ROLES.includes(draft.role)) problems.schoolId = 'Administrators and approvers work for the whole trust: choose “The whole trust”, or another role.';
  return problems;
}

const MIN_PASSWORD = 12;

/** The invitation page's form (someone new): name and password. */
export function checkNewAccount(draft: { name: string; password: string }): { name?: string; password?: string } {
  const problems: { name?: string; password?: string } = {};
  if (!draft.name.trim()) problems.name = 'Enter your name, as colleagues know you.';
  else if (draft.name.trim().length > 120) problems.name = 'A name can be at most 120 characters.';
  if (draft.password.length < MIN_PASSWORD) problems.password = `Choose a password of at least ${MIN_PASSWORD} characters. A few words you will remember make a good one.`;
  else if (draft.password.length > 256) problems.password = 'A password can be at most 256 characters.';
  return problems;
}

/** A refused change on the people page, in words; `action` completes "Ratify could not …". */
const REASONS: Record<string, string> = {
  LAST_ADMIN: 'This is the organisation’s only administrator, so they cannot be removed or given another role. Make someone else an administrator first.',
  ALREADY_MEMBER: 'That person is already a member: they are in the list of members, where you can change their role.',
  ALREADY_THERE: 'That person already has a membership there. Change or remove that one instead.',
  ACADEMY_ROLE: 'Administrators and approvers work for the whole trust: choose “The whole trust”, or another role.',
  NOT_AN_ACADEMY: 'That academy is no longer one of the trust’s. Reload the page and choose again.',
};

export function peopleFailureMessage(failure: ActionFailure, action: string): string {
  const byReason = failure.reason ? REASONS[failure.reason] : undefined;
  if (byReason) return byReason;
  return failureMessage(failure.code, action, {
    BAD_USER_INPUT: `Ratify could not ${action}. Check the email address and try again.`,
    FORBIDDEN: `Only the organisation’s admins can ${action}.`,
    NOT_FOUND: `Ratify could not ${action}: it is no longer there (someone may have changed it at the same time). The list now shows what is there.`,
  });
}

/** The one message for a link that cannot be used: the server never says which case it was. */
export const UNUSABLE_INVITATION = 'This invitation link has expired or was already used. Ask the person who invited you to send a new one.';

/** A refused acceptance, in words. */
export function acceptFailureMessage(failure: ActionFailure): string {
  if (failure.code === 'NOT_FOUND') return UNUSABLE_INVITATION;
  if (failure.reason === 'ACCOUNT_EXISTS') return 'You already have a Ratify account with this email. Sign in with it, and you will come back here to accept.';
  if (failure.reason === 'WRONG_PERSON') return 'You are signed in as someone else. Sign out, then sign in with the email the invitation was sent to.';
  return failureMessage(failure.code, 'accept the invitation', {
    BAD_USER_INPUT: 'Ratify could not accept the invitation: enter your name and a password of at least 12 characters.',
  });
}
