/**
 * An invitation's link: the path the email carries, and the same emails with those links hidden
 * for reading in the outbox once a mail server delivers them (a link there would let another
 * administrator accept, or create the invitee's account, in their place).
 */
const INVITATION_PATH = /\/invitations\/[A-Za-z0-9_-]+/g;

export const invitationPath = (token: string): string => `/invitations/${token}`;

/** The text with each invitation link's token replaced by words saying where the link went. */
export function hideInvitationLinks(text: string): string {
  return text.replace(INVITATION_PATH, '/invitations/(link sent to the invitee only)');
}
