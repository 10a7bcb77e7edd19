/**
 * The web app's only way to talk to the API: one JSON POST to /graphql per operation,
 * and `postForm` for the few REST endpoints that take files (`POST /api/imports`).
 *
 * - Always POST with `Content-Type: application/json` (Apollo's CSRF prevention
 *   accepts it; GET is never used, so queries cannot be triggered cross-site).
 * - The session is an httpOnly cookie, so requests go with `credentials: 'same-origin'`.
 * - Any GraphQL error becomes a `GraphQLRequestError` with the first error's
 *   `extensions.code` (and `extensions.details`, e.g. a CONFLICT's `currentRevision`).
 *   Callers branch on `code`, never on `message`.
 */
import type { TypedDocumentString } from './operations.generated';

/** Codes the API maps its errors to (`extensions.code`, or a REST `error.code`), plus those the client adds itself. */
export type GraphQLErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  /** The request never got an answer (offline, DNS, connection refused). */
  | 'NETWORK_ERROR'
  /** The answer was not a GraphQL response (e.g. a proxy's 502 page). */
  | 'BAD_RESPONSE'
  /** A REST upload larger than the server takes (HTTP 413). */
  | 'PAYLOAD_TOO_LARGE'
  /** The person cancelled the request. */
  | 'ABORTED'
  /** Any other code the server sends; kept as-is for logs. */
  | (string & {});

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  /** `extensions.details` of the error: facts the UI may act on (never the message). */
  readonly details: Record<string, unknown>;

  constructor(
    readonly code: GraphQLErrorCode,
    message: string,
    /** HTTP status of the answer, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.details = options?.details ?? {};
  }
}

/** `details.problems` of a BAD_USER_INPUT for an invalid document: sentences written for people. */
export function problemsOf(error: unknown): string[] {
  if (!(error instanceof GraphQLRequestError)) return [];
  const problems = error.details.problems;
  return Array.isArray(problems) ? problems.filter((problem): problem is string => typeof problem === 'string') : [];
}

/** The code of any thrown value: GraphQL errors keep theirs, anything else is unexpected. */
export function errorCode(error: unknown): GraphQLErrorCode {
  return error instanceof GraphQLRequestError ? error.code : 'INTERNAL_SERVER_ERROR';
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: ReadonlyArray<{ message?: string; extensions?: { code?: unknown; details?: unknown } }>;
}

/** Operations without variables take no second argument; the others require it. */
type VariablesArgument<TVariables> = TVariables extends { [key: string]: never } ? [] : [variables: TVariables];

export const GRAPHQL_ENDPOINT = '/graphql';

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: VariablesArgument<TVariables>
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
    });
  } catch (cause) {
    throw new GraphQLRequestError('NETWORK_ERROR', 'The server could not be reached.', undefined, { cause });
  }

  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch (cause) {
    throw new GraphQLRequestError(
      'BAD_RESPONSE',
      `The server answered ${response.status} without a GraphQL response.`,
      response.status,
      { cause },
    );
  }

  const [firstError] = body.errors ?? [];
  if (firstError) {
    const code = firstError.extensions?.code;
    const details = firstError.extensions?.details;
    throw new GraphQLRequestError(
      typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
      firstError.message ?? 'The request failed.',
      response.status,
      { details: details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : undefined },
    );
  }
  if (body.data == null) {
    throw new GraphQLRequestError('BAD_RESPONSE', 'The server answered without data.', response.status);
  }
  return body.data;
}

/** The REST endpoints' error body: `{ "error": { "code", "message", "details" } }`. */
interface RestErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/**
 * POSTs a multipart form (a file upload) to one of the API's REST endpoints and returns its
 * JSON answer. Same rules as GraphQL: the session cookie, and `apollo-require-preflight` (the
 * API's CSRF check refuses a form post without it). An error answer becomes a
 * `GraphQLRequestError` with its `error.code` and `error.details` (e.g. a refused logo's
 * `reason`); for BAD_USER_INPUT the message is written for people and may be shown.
 */
export async function postForm<TResult>(path: string, form: FormData, options: { signal?: AbortSignal } = {}): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'apollo-require-preflight': 'true' },
      body: form,
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw new GraphQLRequestError('ABORTED', 'The request was cancelled.', undefined, { cause });
    throw new GraphQLRequestError('NETWORK_ERROR', 'The server could not be reached.', undefined, { cause });
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    const code = response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_RESPONSE';
    throw new GraphQLRequestError(code, `The server answered ${response.status} without JSON.`, response.status, { cause });
  }
  if (!response.ok) {
    const error = (body as RestErrorBody | null)?.error;
    const code = typeof error?.code === 'string' ? error.code : response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL_SERVER_ERROR';
    const message = typeof error?.message === 'string' ? error.message : `The server answered ${response.status}.`;
    const details = error?.details;
    throw new GraphQLRequestError(code, message, response.status, {
      details: details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : undefined,
    });
  }
  return body as TResult;
}
