/**
 * The one error this lib throws, with a code the API maps once (to BAD_USER_INPUT or
 * CONFLICT) and a message a person can act on. Callers react to `code`, never to the text.
 */
export type MergeErrorCode =
  /** An input document uses one id twice (or as both a section and a clause id). */
  | 'DUPLICATE_ID'
  /** A resolution names a conflict the merge did not raise. */
  | 'UNKNOWN_CONFLICT'
  /** A conflict has no resolution. */
  | 'MISSING_RESOLUTION'
  /** An edited clause carries a different clause id from the conflict it resolves. */
  | 'CLAUSE_ID_MISMATCH'
  /** A resolution is malformed, or its edited clause or heading is not valid policy content. */
  | 'INVALID_RESOLUTION'
  /** School overrides that cannot be applied to the trust's document (see validateOverrides). */
  | 'INVALID_OVERRIDES';

export class MergeError extends Error {
  override readonly name = 'MergeError';

  constructor(
    readonly code: MergeErrorCode,
    message: string,
    /** The conflict concerned, for the resolution codes. */
    readonly conflictId?: string,
  ) {
    super(message);
  }
}
