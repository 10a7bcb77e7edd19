/**
 * The web app's only way to talk to the API: one JSON POST to /graphql per operation.
 *
 * - Always POST with `Content-Type: application/json` (Apollo's CSRF prevention
 *   accepts it; GET is never used, so queries cannot be triggered cross-site).
 * - The session is an httpOnly cookie, so requests go with `credentials: 'same-origin'`.
 * - Any GraphQL error becomes a `GraphQLRequestError` with the first error's
 *   `extensions.code`. Callers branch on `code`, never on `message`.
 */
import type { TypedDocumentString } from './operations.generated';

/** Codes the API maps its errors to (`extensions.code`), plus two the client adds itself. */
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
  /** Any other code the server sends; kept as-is for logs. */
  | (string & {});

export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';

  constructor(
    readonly code: GraphQLErrorCode,
    message: string,
    /** HTTP status of the answer, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The code of any thrown value: GraphQL errors keep theirs, anything else is unexpected. */
export function errorCode(error: unknown): GraphQLErrorCode {
  return error instanceof GraphQLRequestError ? error.code : 'INTERNAL_SERVER_ERROR';
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: ReadonlyArray<{ message?: string; extensions?: { code?: unknown } }>;
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
    throw new GraphQLRequestError(
      typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR',
      firstError.message ?? 'The request failed.',
      response.status,
    );
  }
  if (body.data == null) {
    throw new GraphQLRequestError('BAD_RESPONSE', 'The server answered without data.', response.status);
  }
  return body.data;
}
