/**
 * A stand-in for the API at the network boundary: `fetch` is replaced, everything
 * else (client, stores, router, components) is the real code.
 */
import { vi } from 'vitest';
import type { ViewerFieldsFragment } from '../graphql/operations.generated';

export interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

type Handler = (variables: Record<string, unknown>) => GraphQLAnswer | Promise<GraphQLAnswer>;

export interface RecordedCall {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  url: string;
  init: RequestInit;
}

export interface FakeApi {
  calls: RecordedCall[];
  /** Calls of one operation, e.g. "SignIn". */
  callsOf(operationName: string): RecordedCall[];
  /** Replaces or adds the answer for one operation. */
  on(operationName: string, handler: Handler): void;
}

export function gqlError(code: string, message = `${code} (message text the app must not rely on)`): GraphQLAnswer {
  return { data: null, errors: [{ message, extensions: { code } }] };
}

export function installFakeApi(handlers: Record<string, Handler> = {}): FakeApi {
  const table = new Map(Object.entries(handlers));
  const calls: RecordedCall[] = [];

  const fetchStub = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const body = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown> };
    const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? '(anonymous)';
    const variables = body.variables ?? {};
    calls.push({ operationName, query: body.query, variables, url: String(input), init });
    const handler = table.get(operationName);
    const answer = handler
      ? await handler(variables)
      : gqlError('UNHANDLED_IN_TEST', `The test did not expect the ${operationName} operation.`);
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'Content-Type': 'application/graphql-response+json' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);

  return {
    calls,
    callsOf: (operationName) => calls.filter((call) => call.operationName === operationName),
    on: (operationName, handler) => table.set(operationName, handler),
  };
}

export function aViewer(overrides: { displayName?: string; organisationName?: string } = {}): ViewerFieldsFragment {
  return {
    person: { id: 'person-1', email: 'sam.head@oak-trust.example', displayName: overrides.displayName ?? 'Sam Head' },
    activeMembership: {
      id: 'membership-1',
      role: 'ADMIN',
      organisation: { id: 'org-1', slug: 'oak-trust', name: overrides.organisationName ?? 'Oak Academy Trust', kind: 'TRUST' },
      school: null,
    },
  };
}

/** A promise the test settles when it chooses, to look at in-between states. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
