/** Variable values per trust and school; each school's published copy renders with its own. */
import type { INestApplication } from '@nestjs/common';
import { asOwner, createTenant, documentWithVariables, publishAndWait, startTestApp, TestClient, uniqueSlug, type TestTenant, signedInTenant } from './support/harness';

let app: INestApplication;
let tenant: TestTenant;
let admin: TestClient;

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant: tenant, client: admin } = await signedInTenant(app, { role: 'admin' }));
});
afterAll(() => app.close());

const SET = 'mutation ($input: SetVariablesInput!) { setVariables(input: $input) { key value effectiveValue source } }';
const LIST = 'query ($school: ID) { variables(schoolId: $school) { key value effectiveValue source } }';
type Row = { key: string; value: string | null; effectiveValue: string | null; source: string | null };
const byKey = (rows: Row[] | undefined, key: string) => rows?.find((row) => row.key === key);

it('resolves a school value from its own, else the trust-wide one, else the name Ratify knows', async () => {
  expect((await admin.gql(SET, { input: { values: [{ key: 'school.headTitle', value: 'Headteacher' }, { key: 'trust.boardName', value: 'Trust Board' }] } })).errors).toBeUndefined();
  await admin.gql(SET, { input: { schoolId: tenant.schoolId, values: [{ key: 'school.dslName', value: ' Sam Patel ' }] } });
  const rows = (await admin.gql<{ variables: Row[] }>(LIST, { school: tenant.schoolId })).data?.variables;
  expect(byKey(rows, 'school.dslName')).toEqual({ key: 'school.dslName', value: 'Sam Patel', effectiveValue: 'Sam Patel', source: 'school' });
  expect(byKey(rows, 'school.headTitle')).toMatchObject({ value: null, effectiveValue: 'Headteacher', source: 'trust' });
  expect(byKey(rows, 'school.name')).toMatchObject({ value: null, effectiveValue: `School ${tenant.schoolSlug}`, source: 'default' });
});

it('refuses bad values, unknown keys and trust-wide keys per school, and saves none of a bad batch', async () => {
  const bad = await admin.gql(SET, { input: { schoolId: tenant.schoolId, values: [{ key: 'school.phone', value: '01234 567890' }, { key: 'school.email', value: 'not-an-email' }] } });
  expect(bad.errors?.[0]).toMatchObject({ message: 'School email must be an email address, like office@school.org.uk.', extensions: { code: 'BAD_USER_INPUT' } });
  expect((await admin.gql(SET, { input: { values: [{ key: 'school.favouriteColour', value: 'green' }] } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await admin.gql(SET, { input: { schoolId: tenant.schoolId, values: [{ key: 'trust.name', value: 'Rebels' }] } })).errors?.[0].message).toMatch(/whole trust/);
  const stored = await asOwner(async (db) => (await db.query(`SELECT key FROM variable_value WHERE school_id = $1 ORDER BY key`, [tenant.schoolId])).rows.map((row) => row.key));
  expect(stored).toEqual(['school.dslName']);
});

it("lets a school's staff set their own school's values but not another trust's school or the trust-wide ones", async () => {
  const other = await createTenant();
  const staffEmail = `${uniqueSlug('head')}@example.test`;
  await asOwner(async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [tenant.organisationId]);
    const hash = (await db.query(`SELECT password_hash FROM person WHERE email = $1`, [tenant.email])).rows[0].password_hash;
    const person = (await db.query(`INSERT INTO person (email, display_name, password_hash) VALUES ($1, 'Head', $2) RETURNING id`, [staffEmail, hash])).rows[0].id;
    await db.query(`INSERT INTO membership (organisation_id, school_id, person_id, role) VALUES ($1, $2, $3, 'publisher')`, [tenant.organisationId, tenant.schoolId, person]);
    await db.query(`INSERT INTO organisation (kind, slug, name, parent_id) VALUES ('school', $1, 'Aardvark Academy', $2)`, [uniqueSlug('school'), tenant.organisationId]);
    await db.query('COMMIT');
  });
  const head = new TestClient(app);
  await head.signIn(staffEmail);
  const schoolNames = async (client: TestClient) => (await client.gql<{ schools: { name: string }[] }>('{ schools { name } }')).data?.schools.map((school) => school.name);
  expect(await schoolNames(admin)).toEqual(['Aardvark Academy', `School ${tenant.schoolSlug}`]);
  expect(await schoolNames(head)).toEqual([`School ${tenant.schoolSlug}`]);
  expect((await head.gql(SET, { input: { schoolId: tenant.schoolId, values: [{ key: 'school.headName', value: 'Jo Bloggs' }] } })).errors).toBeUndefined();
  expect((await head.gql(SET, { input: { values: [{ key: 'trust.boardName', value: 'Council of Heads' }] } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await head.gql(SET, { input: { schoolId: other.schoolId, values: [{ key: 'school.headName', value: 'Intruder' }] } })).errors?.[0]).toMatchObject({
    message: 'School was not found.',
    extensions: { code: 'NOT_FOUND' },
  });
});

it("renders each school's published copy with its own values", async () => {
  const content = documentWithVariables(['Report to the ', { variable: 'school.headTitle' }, ' of ', { variable: 'school.name' }, ' or ', { variable: 'school.dslName' }, '.']);
  const { tenant: trust, client } = await signedInTenant(app, { role: 'admin', content });
  const secondSchool = uniqueSlug('school');
  const schoolIds = await asOwner(async (db) => {
    await db.query('BEGIN');
    const second = (await db.query(`INSERT INTO organisation (kind, slug, name, parent_id) VALUES ('school', $1, 'Rowan Academy', $2) RETURNING id`, [secondSchool, trust.organisationId])).rows[0].id;
    await db.query('COMMIT');
    return [trust.schoolId, second];
  });
  await client.gql(SET, { input: { schoolId: schoolIds[0], values: [{ key: 'school.headTitle', value: 'Headteacher' }, { key: 'school.dslName', value: 'Ann Ash' }] } });
  await client.gql(SET, { input: { schoolId: schoolIds[1], values: [{ key: 'school.headTitle', value: 'Head of School' }, { key: 'school.dslName', value: 'Ben Birch' }] } });
  const job = await publishAndWait(app, client, trust.policyId, schoolIds);
  expect(job.items.map((item) => item.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
  const first = await client.http.get(`/p/${trust.schoolSlug}/social-media`);
  const second = await client.http.get(`/p/${secondSchool}/social-media`);
  expect(first.text).toContain(`Report to the Headteacher of School ${trust.schoolSlug} or Ann Ash.`);
  expect(second.text).toContain('Report to the Head of School of Rowan Academy or Ben Birch.');
});
