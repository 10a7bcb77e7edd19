/** Clause locks and school variants: checked overrides, a school's own copy, nothing saved on bad input. */
import type { INestApplication } from '@nestjs/common';
import { listClauses } from '@ratify/document';
import { policy as document } from '../../../libs/merge/src/testing/policies';
import { asOwner, createTenant, publishAndWait, startTestApp, TestClient, type TestTenant, signedInTenant } from './support/harness';

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
  expect((await publishAndWait(app, admin, trust.policyId, [trust.schoolId])).items[0]!.status).toBe('PUBLISHED');
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

it("carries a school's overrides to the trust's next version, and asks it to re-confirm the clause the trust also changed", async () => {
  const { tenant, client } = await signedInTenant(app, { role: 'admin' });
  const v1 = document([{ id: 's-1', heading: 'Staff', clauses: [['c-a', 'Staff use school email.'], ['c-b', 'Staff keep passwords private.']] }]);
  const v2 = document([{ id: 's-1', heading: 'Staff', clauses: [['c-a', 'Staff use school email and the school app.'], ['c-b', 'Staff keep passwords private.']] }]);
  const version = (content: object, status: string, minor: number) =>
    asOwner(async (db) =>
      (await db.query(
        `INSERT INTO policy_version (organisation_id, policy_id, major, minor, status, content, content_hash, approved_on) VALUES ($1, $2, 1, $3, $4, $5, 'test', '2026-01-01') RETURNING id`,
        [tenant.organisationId, tenant.policyId, minor, status, JSON.stringify(content)],
      )).rows[0].id as string,
    );
  await asOwner((db) => db.query(`UPDATE policy_version SET status = 'superseded' WHERE id = $1`, [tenant.versionId]));
  const first = await version(v1, 'approved', 1);
  const saved = await client.gql(SAVE, {
    input: {
      policyId: tenant.policyId,
      schoolId: tenant.schoolId,
      overrides: [
        { clauseId: 'c-a', kind: 'replace', clause: clause('c-a', 'Our staff use the school email only.') },
        { clauseId: 'c-b', kind: 'replace', clause: clause('c-b', 'Our staff never share passwords.') },
      ],
    },
  });
  expect(saved.errors).toBeUndefined();

  // The trust approves its next version (governance arrives later; as the database owner until then).
  await asOwner((db) => db.query(`UPDATE policy_version SET status = 'superseded' WHERE id = $1`, [first]));
  const second = await version(v2, 'approved', 2);
  const VARIANT = `query ($policyId: ID!, $schoolId: ID!) { schoolVariant(policyId: $policyId, schoolId: $schoolId) {
    basedOnVersionId html overrides needsReconfirmation { clauseId reason carried override } } }`;
  const carried = (await client.gql<{ schoolVariant: { basedOnVersionId: string; html: string; overrides: { clauseId: string }[]; needsReconfirmation: object[] } }>(VARIANT, {
    policyId: tenant.policyId,
    schoolId: tenant.schoolId,
  })).data!.schoolVariant;
  expect(carried.basedOnVersionId).toBe(first);
  expect(carried.html).toContain('Our staff use the school email only.');
  expect(carried.html).toContain('Our staff never share passwords.');
  expect(carried.overrides.map((override) => override.clauseId)).toEqual(['c-a', 'c-b']);
  expect(carried.needsReconfirmation).toEqual([
    { clauseId: 'c-a', reason: 'trust-changed-clause', carried: true, override: { clauseId: 'c-a', kind: 'replace', clause: clause('c-a', 'Our staff use the school email only.') } },
  ]);

  // Saving the overrides confirms them against the new version.
  const confirmed = await client.gql(SAVE, { input: { policyId: tenant.policyId, schoolId: tenant.schoolId, overrides: carried.overrides } });
  expect(confirmed.errors).toBeUndefined();
  const after = (await client.gql<{ schoolVariant: { basedOnVersionId: string; needsReconfirmation: object[] } }>(VARIANT, { policyId: tenant.policyId, schoolId: tenant.schoolId })).data!.schoolVariant;
  expect(after).toMatchObject({ basedOnVersionId: second, needsReconfirmation: [] });
});
