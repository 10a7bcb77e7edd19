/** POST /api/imports: the upload preview, with GraphQL's auth and CSRF rules; nothing is saved. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { asOwner, startTestApp, TestClient, type TestTenant, signedInTenant } from './support/harness';

const FIXTURES = join(__dirname, '..', '..', '..', 'libs', 'importer', 'test-fixtures');
const LEAF = readFileSync(join(FIXTURES, 'leaf-trust-use-of-social-media-policy-v1.0.txt'));

let app: INestApplication;
let tenant: TestTenant;
let author: TestClient;

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant: tenant, client: author } = await signedInTenant(app, { role: 'author' }));
});
afterAll(() => app.close());

const upload = (client: TestClient, file: Buffer, name: string, preflight = true) => {
  let call = client.http.post('/api/imports').set('Cookie', client.cookieHeader());
  if (preflight) call = call.set('apollo-require-preflight', 'true');
  return call.attach('file', file, name);
};

const policies = () => asOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM policy WHERE organisation_id = $1', [tenant.organisationId])).rows[0].n);

it('previews a policy file as an outline and a draft document, saving nothing', async () => {
  const before = await policies();
  const response = await upload(author, LEAF, 'social-media.txt');
  expect(response.status).toBe(200);
  expect(response.body.title).toBe('Use of Social Media Policy');
  expect(response.body.metadata['Policy Author']).toBe('Operations Lead');
  expect(response.body.sections.map((section: { heading: string }) => section.heading)).toContain('Scope');
  expect(response.body.sections[0].clauses[0]).toEqual({ text: expect.stringContaining('The Trust is committed') });
  expect(response.body.document.type).toBe('doc');
  expect(await policies()).toBe(before);

  // …and the previewed document is accepted as a new draft.
  const created = await author.gql<{ createPolicy: { title: string } }>('mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { title } }', {
    input: { title: response.body.title, content: response.body.document },
  });
  expect(created.data?.createPolicy.title).toBe('Use of Social Media Policy');
});

it('refuses an upload without the preflight header, as GraphQL does', async () => {
  const response = await upload(author, LEAF, 'social-media.txt', false);
  expect(response.status).toBe(400);
  expect(response.body.error.code).toBe('BAD_USER_INPUT');
  expect(response.body.error.message).toMatch(/cross-site request forgery/);
});

it('asks a signed-out caller to sign in, and refuses a viewer', async () => {
  expect((await upload(new TestClient(app), LEAF, 'a.txt')).status).toBe(401);
  const { client: viewer } = await signedInTenant(app, { role: 'viewer' });
  const refused = await upload(viewer, LEAF, 'a.txt');
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('FORBIDDEN');
});

it('explains a file it cannot read', async () => {
  const pdf = await upload(author, Buffer.from('%PDF-1.7 not really'), 'policy.pdf');
  expect(pdf.status).toBe(400);
  expect(pdf.body.error.code).toBe('BAD_USER_INPUT');
  expect(pdf.body.error.message.length).toBeGreaterThan(10);
  const missing = await author.http.post('/api/imports').set('Cookie', author.cookieHeader()).set('apollo-require-preflight', 'true').field('x', 'y');
  expect(missing.status).toBe(400);
});

it('refuses a file over 10 MB', async () => {
  const response = await upload(author, Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'huge.txt');
  expect(response.status).toBe(413);
  expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
});
