/** Publishing a trust policy for the trust and its schools: refused, naming every empty required detail, until each copy can be rendered. */
import type { INestApplication } from '@nestjs/common';
import { asOwner, documentWithVariables, signedInTenant, startTestApp, TestClient, type TestTenant } from './support/harness';

let app: INestApplication;
let tenant: TestTenant;
let admin: TestClient;

const CONTENT = documentWithVariables(['Report concerns to ', { variable: 'school.dslName' }, ', or to the ', { variable: 'school.headTitle' }, '; office: ', { variable: 'school.phone' }, '.']);

const PUBLISH = 'mutation ($input: PublishPolicyInput!) { publishPolicy(input: $input) { publishedFor { name } versionNumber path } }';
const SET = 'mutation ($input: SetVariablesInput!) { setVariables(input: $input) { key } }';
const live = () =>
  asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM publication WHERE organisation_id = $1 AND withdrawn_at IS NULL`, [tenant.organisationId])).rows[0].n);

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant, client: admin } = await signedInTenant(app, { role: 'admin', content: CONTENT }));
  await asOwner((db) => db.query(`DELETE FROM publication WHERE organisation_id = $1`, [tenant.organisationId]));
});
afterAll(() => app.close());

it('refuses to publish while required details are empty, naming each of them for each copy, and publishes nothing', async () => {
  await admin.gql(SET, { input: { values: [{ key: 'school.headTitle', value: 'Headteacher' }] } });
  const refused = await admin.gql(PUBLISH, { input: { policyId: tenant.policyId } });
  expect(refused.errors?.[0]).toMatchObject({
    message: `Fill in these details before publishing — Trust ${tenant.slug}: Designated safeguarding lead; School ${tenant.schoolSlug}: Designated safeguarding lead.`,
    extensions: {
      code: 'BAD_USER_INPUT',
      details: { missing: [expect.objectContaining({ variables: [{ key: 'school.dslName', label: 'Designated safeguarding lead' }] }), expect.objectContaining({ organisationId: tenant.schoolId })] },
    },
  });
  expect(await live()).toBe(0);
});

it('publishes every copy once the details are filled in (an optional one may stay empty), and again without duplicates', async () => {
  await admin.gql(SET, { input: { values: [{ key: 'school.dslName', value: 'Sam Patel' }] } });
  const published = await admin.gql<{ publishPolicy: { publishedFor: { name: string }; versionNumber: string; path: string }[] }>(PUBLISH, { input: { policyId: tenant.policyId } });
  expect(published.errors).toBeUndefined();
  expect(published.data!.publishPolicy).toEqual([
    { publishedFor: { name: `Trust ${tenant.slug}` }, versionNumber: '1.0', path: `/p/${tenant.slug}/social-media` },
    { publishedFor: { name: `School ${tenant.schoolSlug}` }, versionNumber: '1.0', path: `/p/${tenant.schoolSlug}/social-media` },
  ]);
  expect((await admin.http.get(`/p/${tenant.schoolSlug}/social-media`)).text).toContain('Report concerns to Sam Patel, or to the Headteacher; office: ');
  expect((await admin.gql(PUBLISH, { input: { policyId: tenant.policyId, schoolIds: [tenant.schoolId] } })).errors).toBeUndefined();
  expect(await live()).toBe(2);
});

it("lets an author neither publish nor reach another trust's school", async () => {
  const { client: author } = await signedInTenant(app, { role: 'author' });
  expect((await author.gql(PUBLISH, { input: { policyId: tenant.policyId } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const { tenant: other, client: otherAdmin } = await signedInTenant(app, { role: 'admin' });
  expect((await otherAdmin.gql(PUBLISH, { input: { policyId: other.policyId, schoolIds: [tenant.schoolId] } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
});
