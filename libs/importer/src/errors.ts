/**
 * The one error the importer throws. The API maps `code` to its own error codes; `message` is
 * written for the person who chose the file (a school office, not a developer), so it says
 * what to do next.
 */
export type ImportErrorCode = 'UNSUPPORTED_FORMAT' | 'UNREADABLE' | 'EMPTY' | 'TOO_LARGE';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
