/** The template library: readable by everyone, writable only by its publisher; cloning keeps lineage. */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { documentFromOutline, listClauses } from '@ratify/document';
import { contentHash } from '../src/common/content-hash';
import { asOwner, asRuntime, createTenant, startTestApp, TestClient, uniqueSlug, type TestTenant, signedInTenant } from './support/harness';

let app: INestApplication;
let trust: TestTenant;
let author: TestClient;
let publisher: { id: string; versionId: string; templateTitle: string; clauseIds: string[] };

async function createPublisherWithTemplate(): Promise<typeof publisher> {
  const content = documentFromOutline({
    sections: [
      { heading: 'Introduction', clauses: [{ text: 'The Governing Body is committed.', blocks: [{ type: 'paragraph', text: 'The Governing Body is committed.' }] }] },
      { heading: 'Scope', clauses: [{ text: 'All staff.', blocks: [{ type: 'paragraph', text: 'All staff.' }] }] },
    ],
  });
  const slug = uniqueSlug('council');
  const templateTitle = `Model Social Media Policy ${slug}`;
  return asOwner(async (db) => {
    await db.query('BEGIN');
    const id = (await db.query(`INSERT INTO organisation (kind, slug, name) VALUES ('publisher', $1, $2) RETURNING id`, [slug, `Council ${slug}`])).rows[0].id;
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [id]);
    const templateId = (await db.query(`INSERT INTO template (publisher_id, slug, title) VALUES ($1, 'social-media', $2) RETURNING id`, [id, templateTitle])).rows[0].id;
    const versionId = (
      await db.query(
        `INSERT INTO template_version (publisher_id, template_id, major, minor, content, content_hash, released_on) VALUES ($1, $2, 1, 0, $3, $4, '2017-03-01') RETURNING id`,
        [id, templateId, JSON.stringify(content), contentHash(content)],
      )
    ).rows[0].id;
    await db.query('COMMIT');
    return { id, versionId, templateTitle, clauseIds: listClauses(content).map((clause) => clause.clauseId) };
  });
}

beforeAll(async () => {
  app = await startTestApp();
  [trust, publisher] = await Promise.all([createTenant({ role: 'author' }), createPublisherWithTemplate()]);
  author = new TestClient(app);
  await author.signIn(trust.email);
});
afterAll(() => app.close());

const CLONE = 'mutation ($id: ID!, $title: String) { cloneTemplate(templateVersionId: $id, title: $title) { id title draft { content } upstream { id number template { title } } } }';

it("lists every publisher's templates with provider, release and a preview", async () => {
  const result = await author.gql<{ templates: { title: string; provider: { kind: string }; latestVersion: { id: string; number: string; releasedOn: string; html: string } }[] }>(
    '{ templates { title provider { kind name } latestVersion { id number releasedOn html } } }',
  );
  expect(result.errors).toBeUndefined();
  const mine = result.data!.templates.find((template) => template.title === publisher.templateTitle);
  expect(mine).toMatchObject({ provider: { kind: 'PUBLISHER' }, latestVersion: { id: publisher.versionId, number: '1.0', releasedOn: '2017-03-01' } });
  expect(mine!.latestVersion.html).toContain('The Governing Body is committed.');
});

it('clones a template into a draft that keeps the template clause ids and records where it came from', async () => {
  const result = await author.gql<{ cloneTemplate: { title: string; draft: { content: never }; upstream: { id: string; number: string; template: { title: string } } } }>(CLONE, {
    id: publisher.versionId,
    title: 'Use of Social Media Policy',
  });
  expect(result.errors).toBeUndefined();
  expect(result.data!.cloneTemplate).toMatchObject({ title: 'Use of Social Media Policy', upstream: { id: publisher.versionId, number: '1.0', template: { title: publisher.templateTitle } } });
  expect(listClauses(result.data!.cloneTemplate.draft.content).map((clause) => clause.clauseId)).toEqual(publisher.clauseIds);
});

it('refuses to clone what does not exist, and a viewer may not clone; nothing is created', async () => {
  const count = () => asOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM policy WHERE organisation_id = $1', [trust.organisationId])).rows[0].n);
  const before = await count();
  const missing = await author.gql(CLONE, { id: randomUUID() });
  expect(missing.errors?.[0]).toMatchObject({ message: 'Template version was not found.', extensions: { code: 'NOT_FOUND' } });
  const { client: viewer } = await signedInTenant(app, { role: 'viewer' });
  expect((await viewer.gql(CLONE, { id: publisher.versionId })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const long = await author.gql(CLONE, { id: publisher.versionId, title: 'x'.repeat(201) });
  expect(long.errors?.[0]).toMatchObject({ message: 'A title can be at most 200 characters.', extensions: { code: 'BAD_USER_INPUT' } });
  expect(await count()).toBe(before);
});

it('lets only the publisher write to its templates, whatever the query', async () => {
  await expect(
    asRuntime(trust.organisationId, (db) => db.query(`INSERT INTO template (publisher_id, slug, title) VALUES ($1, 'fake', 'Fake')`, [publisher.id])),
  ).rejects.toThrow(/row-level security/);
  const changed = await asRuntime(trust.organisationId, async (db) => (await db.query(`UPDATE template SET title = 'Hijacked' WHERE publisher_id = $1`, [publisher.id])).rowCount);
  expect(changed).toBe(0);
  await expect(asRuntime(publisher.id, (db) => db.query(`UPDATE template_version SET content = '{}' WHERE id = $1`, [publisher.versionId]))).rejects.toThrow(/permission denied/);
  const visible = await asRuntime(null, async (db) => (await db.query('SELECT count(*)::int AS n FROM template WHERE publisher_id = $1', [publisher.id])).rows[0].n);
  expect(visible).toBe(1);
});
