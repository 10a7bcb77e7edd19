/**
 * What to tell a person when something they asked for failed, by `extensions.code` (never by
 * the server's message). Each screen names the action in its own words ("clone this template")
 * and may say more for the codes it knows better (a CONFLICT on a draft, a NOT_FOUND template).
 */
import type { GraphQLErrorCode } from '../graphql/client';

export type FailureWording = Partial<Record<GraphQLErrorCode, string>>;

/** `action` completes "Ratify could not …": e.g. "save the terminology". */
export function failureMessage(code: GraphQLErrorCode, action: string, wording: FailureWording = {}): string {
  const specific = wording[code];
  if (specific) return specific;
  switch (code) {
    case 'BAD_USER_INPUT':
      return `Ratify could not ${action}. Check what you entered and try again.`;
    case 'FORBIDDEN':
      return `You do not have permission to ${action}. Ask an administrator of your organisation if you need to.`;
    case 'NOT_FOUND':
      return `Ratify could not ${action}: it is no longer there, or not one you can see. Reload the page to see what is there now.`;
    case 'CONFLICT':
      return `Ratify could not ${action}: it was changed somewhere else at the same time. Reload the page and try again.`;
    case 'UNAUTHENTICATED':
      return `Your session has ended. Sign in again to ${action}.`;
    case 'NETWORK_ERROR':
      return `Ratify could not reach the server to ${action}. Check your connection and try again.`;
    default:
      return `Sorry, something went wrong trying to ${action}. Please try again.`;
  }
}
