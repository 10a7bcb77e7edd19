/** Clause locks and school variants: checked overrides, a school's own copy, nothing saved on bad input. */
import type { INestApplication } from '@nestjs/common';
import { listClauses } from '@ratify/document';
import { asOwner, createTenant, startTestApp, TestClient, type TestTenant, signedInTenant } from './support/harness';

let app: INestApplication;
let trust: TestTenant;
let admin: TestClient;
let clauseId: string;

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant: trust, client: admin } = await signedInTenant(app, { role: 'admin' }));
  clauseId = await asOwner(async (db) => listClauses((await db.query('SELECT content FROM policy_version WHERE id = $1', [trust.versionId])).rows[0].content)[0]!.clauseId);
});
afterAll(() => app.close());

const SAVE = 'mutation ($input: SaveSchoolVariantInput!) { saveSchoolVariant(input: $input) { overrides divergence { changed omitted added keptAsIs } html } }';
const LOCK = 'mutation ($input: SetClauseLocksInput!) { setClauseLocks(input: $input) { clauseId level } }';
const clause = (id: string, text: string) => ({ type: 'clause', attrs: { clauseId: id }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const variants = () => asOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM school_variant WHERE organisation_id = $1', [trust.organisationId])).rows[0].n);

it("saves a school's overrides and shows its own copy, on its public page too", async () => {
  const saved = await admin.gql<{ saveSchoolVariant: { divergence: object; html: string } }>(SAVE, {
    input: {
      policyId: trust.policyId,
      schoolId: trust.schoolId,
      overrides: [
        { clauseId, kind: 'replace', clause: clause(clauseId, 'Our school says it its own way.') },
        { clauseId, kind: 'add-after', clause: clause('school-added-1', 'A clause only our school has.') },
      ],
    },
  });
  expect(saved.errors).toBeUndefined();
  expect(saved.data?.saveSchoolVariant.divergence).toEqual({ changed: [clauseId], omitted: [], added: ['school-added-1'], keptAsIs: 0 });
  expect(saved.data?.saveSchoolVariant.html).toContain('Our school says it its own way.');
  const page = await admin.http.get(`/p/${trust.schoolSlug}/social-media`);
  expect(page.text).toContain('Our school says it its own way.');
  expect(page.text).toContain('A clause only our school has.');
  expect(page.text).not.toContain(`Marker ${trust.slug}`);
});

it('refuses an override of a locked clause or of a clause that does not exist, and saves nothing', async () => {
  const { tenant: other, client } = await signedInTenant(app, { role: 'admin' });
  const otherClause = await asOwner(async (db) => listClauses((await db.query('SELECT content FROM policy_version WHERE id = $1', [other.versionId])).rows[0].content)[0]!.clauseId);
  expect((await client.gql(LOCK, { input: { policyId: other.policyId, locks: [{ clauseId: otherClause, level: 'locked' }] } })).errors).toBeUndefined();
  const count = () => asOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM school_variant WHERE organisation_id = $1', [other.organisationId])).rows[0].n);

  const locked = await client.gql(SAVE, { input: { policyId: other.policyId, schoolId: other.schoolId, overrides: [{ clauseId: otherClause, kind: 'omit' }] } });
  expect(locked.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const unknown = await client.gql(SAVE, { input: { policyId: other.policyId, schoolId: other.schoolId, overrides: [{ clauseId: 'no-such-clause', kind: 'omit' }] } });
  expect(unknown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(await count()).toBe(0);
  expect((await client.gql(LOCK, { input: { policyId: other.policyId, locks: [{ clauseId: 'no-such-clause', level: 'locked' }] } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it("answers another trust's school or policy with NOT_FOUND", async () => {
  const before = await variants();
  const stranger = await createTenant();
  const result = await admin.gql(SAVE, { input: { policyId: trust.policyId, schoolId: stranger.schoolId, overrides: [] } });
  expect(result.errors?.[0]).toMatchObject({ message: 'School was not found.', extensions: { code: 'NOT_FOUND' } });
  const foreignPolicy = await admin.gql(SAVE, { input: { policyId: stranger.policyId, schoolId: trust.schoolId, overrides: [] } });
  expect(foreignPolicy.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect(await variants()).toBe(before);
});
