/** Import failures in plain words, by code (never by the server's message, except where it is written for people). */
import type { ImportFailure } from './import.store';

export function importFailureMessage(failure: ImportFailure): string {
  const reading = failure.stage === 'upload';
  switch (failure.code) {
    case 'BAD_USER_INPUT':
      if (reading) return failure.message ?? 'Ratify could not read this file. Check it is a Word, Markdown or text file with the policy in it.';
      return failure.problems.length > 0
        ? 'Ratify cannot create a draft from this import:'
        : 'Ratify cannot create a draft with this title. Check the title and try again.';
    case 'PAYLOAD_TOO_LARGE':
      return 'The file is larger than 10 MB, the most Ratify can import. Try saving it without images.';
    case 'FORBIDDEN':
      return 'You do not have permission to import policies. Ask an administrator of your organisation.';
    case 'NETWORK_ERROR':
      return reading
        ? 'Ratify could not reach the server to upload the file. Check your connection and try again.'
        : 'Ratify could not reach the server to create the draft. Check your connection and try again.';
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again to import the policy.';
    default:
      return reading
        ? 'Sorry, something went wrong reading the file. Please try again.'
        : 'Sorry, something went wrong creating the draft. Please try again.';
  }
}
