import { describe, expect, it, vi } from 'vitest';
import { gqlError, installFakeApi } from '../test/fake-api';
import { GraphQLRequestError, postForm, problemsOf, request } from './client';
import { PolicyDocument, SaveDraftDocument, SignOutDocument } from './operations.generated';

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

describe('error details', () => {
  it("keeps extensions.details, such as a CONFLICT's current revision", async () => {
    installFakeApi({ SaveDraft: () => gqlError('CONFLICT', 'stale', { currentRevision: 7 }) });

    const error = await caught(request(SaveDraftDocument, { input: { versionId: 'v', expectedRevision: 6, content: {} } }));

    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ currentRevision: 7 });
  });

  it('reads the problems of an invalid document, and nothing else', async () => {
    installFakeApi({ SaveDraft: () => gqlError('BAD_USER_INPUT', 'invalid', { problems: ['a', 2, 'b'] }) });

    const error = await caught(request(SaveDraftDocument, { input: { versionId: 'v', expectedRevision: 1, content: {} } }));

    expect(problemsOf(error)).toEqual(['a', 'b']);
    expect(problemsOf(new Error('x'))).toEqual([]);
  });
});

describe('postForm', () => {
  it('posts the form with the session cookie and the preflight header, and returns the JSON', async () => {
    const api = installFakeApi({}, { 'POST /api/imports': () => ({ status: 200, body: { title: 'T' } }) });
    const form = new FormData();
    form.append('file', new File(['x'], 'a.md'));

    expect(await postForm('/api/imports', form)).toEqual({ title: 'T' });
    const [call] = api.restCalls;
    expect(call?.init.credentials).toBe('same-origin');
    expect(call?.headers.get('apollo-require-preflight')).toBe('true');
    expect(call?.form?.get('file')).toBeInstanceOf(File);
  });

  it('throws the error code and message of an error answer', async () => {
    installFakeApi({}, { 'POST /api/imports': () => ({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: 'That file is empty.' } } }) });

    const error = await caught(postForm('/api/imports', new FormData()));

    expect([error.code, error.message, error.status]).toEqual(['BAD_USER_INPUT', 'That file is empty.', 400]);
  });

  it('keeps the error answer\'s details, for screens that act on its reason', async () => {
    installFakeApi({}, { 'POST /api/branding/logo': () => ({ status: 400, body: { error: { code: 'BAD_USER_INPUT', message: 'x', details: { reason: 'TOO_SMALL' } } } }) });

    const error = await caught(postForm('/api/branding/logo', new FormData()));

    expect([error.code, error.details]).toEqual(['BAD_USER_INPUT', { reason: 'TOO_SMALL' }]);
  });

  it('calls a 413 without a JSON body PAYLOAD_TOO_LARGE', async () => {
    installFakeApi({}, { 'POST /api/imports': () => ({ status: 413, text: '<h1>Request Entity Too Large</h1>' }) });

    expect((await caught(postForm('/api/imports', new FormData()))).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports ABORTED, not a network failure, when the person cancels', async () => {
    installFakeApi({}, { 'POST /api/imports': () => ({ status: 200, body: {} }) });
    const controller = new AbortController();
    controller.abort();

    expect((await caught(postForm('/api/imports', new FormData(), { signal: controller.signal }))).code).toBe('ABORTED');
  });
});
