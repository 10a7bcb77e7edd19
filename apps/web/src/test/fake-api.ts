/**
 * A stand-in for the API at the network boundary: `fetch` is replaced, everything
 * else (client, stores, router, components) is the real code.
 */
import { vi } from 'vitest';
import type { Role, ViewerFieldsFragment } from '../graphql/operations.generated';

export interface GraphQLAnswer {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string; details?: Record<string, unknown> } }>;
}

type Handler = (variables: Record<string, unknown>) => GraphQLAnswer | Promise<GraphQLAnswer>;

/** A REST endpoint's answer: an HTTP status and a JSON body (or raw text, for a proxy's error page). */
export interface RestAnswer {
  status: number;
  body?: unknown;
  text?: string;
}

export interface RestRequest {
  url: string;
  init: RequestInit;
  headers: Headers;
  /** The multipart form, for uploads. */
  form: FormData | null;
}

type RestHandler = (request: RestRequest) => RestAnswer | Promise<RestAnswer>;

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
  /** Requests to REST endpoints, in order. */
  restCalls: RestRequest[];
  /** Replaces or adds the answer for a REST endpoint, e.g. "POST /api/imports". */
  onRest(route: string, handler: RestHandler): void;
}

export function gqlError(
  code: string,
  message = `${code} (message text the app must not rely on)`,
  details?: Record<string, unknown>,
): GraphQLAnswer {
  return { data: null, errors: [{ message, extensions: details ? { code, details } : { code } }] };
}

/**
 * Answers every screen may ask for without the test caring: the header's counts (none), and where
 * a policy is published (nowhere, no job). A test's own handlers win.
 */
const BACKGROUND: Record<string, Handler> = {
  HeaderCounts: () => ({ data: { unreadNotificationCount: 0, approvalInbox: [] } }),
  PolicyPublishing: ({ id }) => ({ data: { policy: { id, publications: [], publishJobs: [] } } }),
};

export function installFakeApi(handlers: Record<string, Handler> = {}, restHandlers: Record<string, RestHandler> = {}): FakeApi {
  const table = new Map(Object.entries({ ...BACKGROUND, ...handlers }));
  const restTable = new Map(Object.entries(restHandlers));
  const calls: RecordedCall[] = [];
  const restCalls: RestRequest[] = [];

  async function answerRest(url: string, init: RequestInit): Promise<Response> {
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const request: RestRequest = { url, init, headers: new Headers(init.headers), form: init.body instanceof FormData ? init.body : null };
    restCalls.push(request);
    const handler = restTable.get(`${init.method ?? 'GET'} ${url}`);
    const answer = handler ? await handler(request) : { status: 404, body: { error: { code: 'NOT_FOUND', message: `The test did not expect ${url}.` } } };
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    return new Response(answer.text ?? JSON.stringify(answer.body ?? null), {
      status: answer.status,
      headers: { 'Content-Type': answer.text === undefined ? 'application/json' : 'text/html' },
    });
  }

  const fetchStub = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    if (String(input) !== '/graphql') return answerRest(String(input), init);
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
    restCalls,
    onRest: (route, handler) => restTable.set(route, handler),
  };
}

type Membership = ViewerFieldsFragment['memberships'][number];

/** Someone signed in to a trust; `school` makes them staff of one of its academies; `others` are their other memberships. */
export function aViewer(
  overrides: { displayName?: string; organisationName?: string; role?: Role; school?: { id: string; name: string }; others?: Membership[] } = {},
): ViewerFieldsFragment {
  const organisation = { id: 'org-1', name: overrides.organisationName ?? 'Oak Academy Trust' };
  const active = aMembership({ id: 'membership-1', organisation, role: overrides.role, school: overrides.school });
  return {
    person: { id: 'person-1', email: 'sam.head@oak-trust.example', displayName: overrides.displayName ?? 'Sam Head' },
    activeMembership: active,
    memberships: [active, ...(overrides.others ?? [])],
  };
}

/** One membership: a role in a trust (Oak Academy Trust, org-1, unless given), or at one of its academies. */
export function aMembership(overrides: { id: string; organisation?: { id: string; name: string }; role?: Role; school?: { id: string; name: string } }): Membership {
  const organisation = overrides.organisation ?? { id: 'org-1', name: 'Oak Academy Trust' };
  const slug = (name: string) => name.toLowerCase().replace(/\W+/g, '-');
  const school = overrides.school;
  return {
    id: overrides.id,
    role: overrides.role ?? 'ADMIN',
    organisation: { ...organisation, slug: slug(organisation.name), kind: 'TRUST' },
    school: school ? { ...school, slug: slug(school.name), kind: 'SCHOOL' } : null,
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
