/** Bad requests get a typed error, change nothing, and never reach a resolver. */
import type { INestApplication } from '@nestjs/common';
import { asOwner, createTenant, startTestApp, TestClient, type TestTenant } from './support/harness';

let app: INestApplication;
let tenant: TestTenant;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await createTenant();
});
afterAll(() => app.close());

const sessions = () => asOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM session')).rows[0].n as number);
const signInMutation = (email: string) => `mutation { signIn(input: { email: "${email}", password: "correct horse battery staple" }) { person { id } } }`;

describe('malformed GraphQL', () => {
  it('is a parse error with a code', async () => {
    const result = await new TestClient(app).gql('{ policies { id ');
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('is a validation error for an unknown field, without stack traces', async () => {
    const response = await new TestClient(app).http.post('/graphql').set('Content-Type', 'application/json').send({ query: '{ polices { id } }' });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('cross-site requests (CSRF)', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a %s POST without a preflight header, and nothing happens',
    async (contentType) => {
      const before = await sessions();
      const response = await new TestClient(app).http
        .post('/graphql')
        .set('Content-Type', contentType)
        .set('Origin', 'https://evil.example')
        .send(JSON.stringify({ query: signInMutation(tenant.email) }));
      expect(response.status).toBe(400);
      expect(response.text).toMatch(/CSRF/i);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(await sessions()).toBe(before);
    },
  );

  it('refuses a GET query without a preflight header', async () => {
    const response = await new TestClient(app).http.get('/graphql').query({ query: '{ me { person { id } } }' });
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/CSRF/i);
  });

  it('never runs a mutation over GET', async () => {
    const before = await sessions();
    const response = await new TestClient(app).http
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .set('Content-Type', 'application/json')
      .query({ query: signInMutation(tenant.email) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await sessions()).toBe(before);
  });
});

describe('expensive queries', () => {
  it('rejects an over-deep query before any resolver runs', async () => {
    expect((await new TestClient(app).gql('{ me { memberships { organisation { id } } } }')).errors).toBeUndefined();
    // The introspection types are recursive: the classic cyclic-traversal depth bomb.
    const tooDeep = `{ __schema { types { fields { type { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } } } } }`;
    const result = await new TestClient(app).gql(tooDeep);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/depth/i);
  });

  it('rejects more than 15 aliases in one document', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { person { id } }`).join(' ');
    const result = await new TestClient(app).gql(`{ ${aliases} }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].message).toMatch(/aliases/i);
  });

  it('refuses a batch of operations in one request', async () => {
    const response = await new TestClient(app).http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send([{ query: '{ me { person { id } } }' }, { query: '{ me { person { id } } }' }]);
    expect(response.status).toBe(400);
  });

  it('refuses a body over 10 MB', async () => {
    const response = await new TestClient(app).http
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send({ query: '{ me { person { id } } }', variables: { padding: 'x'.repeat(10_500_000) } });
    expect(response.status).toBe(413);
  });
});
