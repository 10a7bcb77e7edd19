/**
 * Per-request state, carried through async calls with AsyncLocalStorage: who is calling,
 * the request's database transaction (begun lazily, carrying the tenant), and its
 * DataLoaders. Created by RequestContextMiddleware for every HTTP request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { QueryRunner } from 'typeorm';

export type Role = 'admin' | 'author' | 'approver' | 'publisher' | 'viewer';

export interface ActiveMembership {
  id: string;
  /** The tenant: the trust, standalone school or publisher the membership belongs to. */
  organisationId: string;
  /** For a membership at one academy of a trust. */
  schoolId: string | null;
  role: Role;
}

export interface Caller {
  personId: string;
  sessionId: string;
  membership: ActiveMembership | null;
}

export interface RequestState {
  caller?: Caller;
  transaction?: Promise<QueryRunner>;
  loaders: Map<string, unknown>;
  /** Work to start once the request's transaction has committed (e.g. sending the email it queued); never run after a rollback. */
  afterCommit: (() => Promise<void>)[];
}

const storage = new AsyncLocalStorage<RequestState>();

export const RequestContext = {
  run<T>(state: RequestState, fn: () => T): T {
    return storage.run(state, fn);
  },
  current(): RequestState | undefined {
    return storage.getStore();
  },
  require(): RequestState {
    const state = storage.getStore();
    if (!state) throw new Error('No request context: this code must run inside a request');
    return state;
  },
};

export function newRequestState(): RequestState {
  return { loaders: new Map(), afterCommit: [] };
}
