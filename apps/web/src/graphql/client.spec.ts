import { describe, expect, it, vi } from 'vitest';
import { gqlError, installFakeApi } from '../test/fake-api';
import { GraphQLRequestError, request } from './client';
import { PolicyDocument, SignOutDocument } from './operations.generated';

async function caught(promise: Promise<unknown>): Promise<GraphQLRequestError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GraphQLRequestError);
  return error as GraphQLRequestError;
}

describe('request', () => {
  it('sends one JSON POST to /graphql with the session cookie and returns data', async () => {
    const api = installFakeApi({ Policy: ({ id }) => ({ data: { policy: { id, title: 'Anti-bullying' } } }) });

    const data = await request(PolicyDocument, { id: 'policy-7' });

    expect(data).toEqual({ policy: { id: 'policy-7', title: 'Anti-bullying' } });
    const [call] = api.calls;
    expect(api.calls).toHaveLength(1);
    expect(call?.url).toBe('/graphql');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.credentials).toBe('same-origin');
    expect(new Headers(call?.init.headers).get('Content-Type')).toBe('application/json');
    expect(call?.query).toContain('query Policy($id: ID!)');
    expect(call?.variables).toEqual({ id: 'policy-7' });
  });

  it("throws the first error's extensions.code, even when partial data came back", async () => {
    installFakeApi({
      SignOut: () => ({
        data: { signOut: true },
        errors: [
          { message: 'gone', extensions: { code: 'NOT_FOUND' } },
          { message: 'no', extensions: { code: 'FORBIDDEN' } },
        ],
      }),
    });

    const error = await caught(request(SignOutDocument));

    expect(error.code).toBe('NOT_FOUND');
    expect(error.status).toBe(200);
  });

  it('treats an error without a code as INTERNAL_SERVER_ERROR', async () => {
    installFakeApi({ SignOut: () => ({ errors: [{ message: 'boom' }] }) });

    expect((await caught(request(SignOutDocument))).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('reports UNAUTHENTICATED from a 401-style answer by code', async () => {
    installFakeApi({ Policy: () => gqlError('UNAUTHENTICATED') });

    expect((await caught(request(PolicyDocument, { id: 'x' }))).code).toBe('UNAUTHENTICATED');
  });

  it('reports NETWORK_ERROR when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    expect((await caught(request(SignOutDocument))).code).toBe('NETWORK_ERROR');
  });

  it('reports BAD_RESPONSE with the status when the answer is not GraphQL', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } })),
    );

    const error = await caught(request(SignOutDocument));

    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.status).toBe(502);
  });
});
