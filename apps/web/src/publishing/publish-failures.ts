/**
 * Why publishing was refused, in words that say what to do: the empty required details of each
 * place (BAD_USER_INPUT `details.missing`), no approved version (CONFLICT), or not allowed.
 */
import { GraphQLRequestError } from '../graphql/client';
import { actionFailure, type ActionFailure } from '../graphql/remote';
import { failureMessage } from '../layout/failure-message';

/** One place whose copy cannot be published yet, and the required details it leaves empty. */
export interface MissingDetails {
  organisationId: string;
  organisationName: string;
  variables: { key: string; label: string }[];
}

export interface PublishFailure extends ActionFailure {
  missing: MissingDetails[];
}

const isMissing = (value: unknown): value is MissingDetails => {
  const entry = value as Partial<MissingDetails> | null;
  return typeof entry?.organisationId === 'string' && typeof entry.organisationName === 'string' && Array.isArray(entry.variables);
};

export function publishFailure(error: unknown): PublishFailure {
  const missing = error instanceof GraphQLRequestError && Array.isArray(error.details.missing) ? error.details.missing.filter(isMissing) : [];
  return { ...actionFailure(error), missing };
}

/** The sentence for a refused publish (the missing details are listed under it). */
export function publishFailureMessage(failure: PublishFailure): string {
  if (failure.missing.length > 0) return 'Nothing was published. Fill in these details first, then publish again:';
  return failureMessage(failure.code, 'publish this policy', {
    CONFLICT: 'This policy has no approved version yet, so there is nothing to publish. Send its draft for approval first.',
    FORBIDDEN: 'Only the trust’s administrators can publish for the whole trust, and an academy’s own staff for their academy. Ask an administrator.',
    NOT_FOUND: 'Ratify could not find this policy or one of the academies chosen. Reload the page and choose again.',
  });
}
