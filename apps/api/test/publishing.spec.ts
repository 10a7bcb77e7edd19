/**
 * Publishing a trust policy for the trust and its schools: refused, naming every empty required
 * detail, until each copy can be rendered; then one job with a visible item per copy, immutable
 * artefacts with their SHA-256, and only published versions public.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import {
  asOwner,
  asRuntime,
  documentWithVariables,
  publishAndWait,
  signedInTenant,
  startTestApp,
  testConfig,
  TestClient,
  type TestTenant,
} from './support/harness';
import { documentFromOutline } from '@ratify/document';
import { PublicationService } from '../src/publication/publication.service';
import { hugeTextByPage, pageTexts, scratchFolder, writePdf } from '../../../libs/pdf/src/testing/pdf-tools';

let app: INestApplication;
let tenant: TestTenant;
let admin: TestClient;

const CONTENT = documentWithVariables(['Report concerns to ', { variable: 'school.dslName' }, ', or to the ', { variable: 'school.headTitle' }, '; office: ', { variable: 'school.phone' }, '.']);

const PUBLISH = 'mutation ($input: PublishPolicyInput!) { publishPolicy(input: $input) { id status total } }';
const SET = 'mutation ($input: SetVariablesInput!) { setVariables(input: $input) { key } }';
const PUBLICATIONS = 'query ($id: ID!) { policy(id: $id) { publications { publishedFor { slug } versionNumber path pdfPath pdfSha256 htmlSha256 } publishJobs { status reason total done } } }';
const live = (organisationId = tenant.organisationId) =>
  asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM publication WHERE organisation_id = $1 AND withdrawn_at IS NULL`, [organisationId])).rows[0].n);
const jobs = (organisationId = tenant.organisationId) =>
  asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM publish_job WHERE organisation_id = $1`, [organisationId])).rows[0].n);

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant, client: admin } = await signedInTenant(app, { role: 'admin', content: CONTENT }));
});
afterAll(() => app.close());

it('refuses to publish while required details are empty, naming each of them for each copy, and queues nothing', async () => {
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
  expect(await jobs()).toBe(0);
  expect((await admin.http.get(`/p/${tenant.schoolSlug}/social-media`)).status).toBe(404);
});

it('publishes every copy as one job, stores each artefact under its SHA-256, and serves exactly those bytes', async () => {
  await admin.gql(SET, { input: { values: [{ key: 'school.dslName', value: 'Sam Patel' }] } });
  const job = await publishAndWait(app, admin, tenant.policyId);
  expect(job).toMatchObject({ status: 'DONE', total: 2, done: 2, failed: 0 });
  expect(job.items).toEqual([
    { publishedFor: { name: `Trust ${tenant.slug}`, slug: tenant.slug }, status: 'PUBLISHED', error: null, path: `/p/${tenant.slug}/social-media` },
    { publishedFor: { name: `School ${tenant.schoolSlug}`, slug: tenant.schoolSlug }, status: 'PUBLISHED', error: null, path: `/p/${tenant.schoolSlug}/social-media` },
  ]);
  const { publications } = (await admin.gql<{ policy: { publications: { publishedFor: { slug: string }; pdfPath: string; path: string; pdfSha256: string; htmlSha256: string }[] } }>(PUBLICATIONS, { id: tenant.policyId })).data!.policy;
  expect(publications.map((publication) => publication.publishedFor.slug)).toEqual([tenant.slug, tenant.schoolSlug]);
  for (const publication of publications) {
    const page = await admin.getBytes(publication.path);
    const pdf = await admin.getBytes(publication.pdfPath);
    expect(createHash('sha256').update(page.body as Buffer).digest('hex')).toBe(publication.htmlSha256);
    expect(createHash('sha256').update(pdf.body as Buffer).digest('hex')).toBe(publication.pdfSha256);
    expect(pdf.headers['etag']).toBe(`"${publication.pdfSha256}"`);
    expect(pdf.headers['content-digest']).toBe(`sha-256=:${Buffer.from(publication.pdfSha256, 'hex').toString('base64')}:`);
  }
  const schoolPage = (await admin.http.get(`/p/${tenant.schoolSlug}/social-media`)).text;
  expect(schoolPage).toContain('Report concerns to Sam Patel, or to the Headteacher; office: ');
  expect(publications[0]!.pdfSha256).not.toBe(publications[1]!.pdfSha256);
});

it('publishes again without duplicates: the same artefacts are left as they are', async () => {
  const again = await publishAndWait(app, admin, tenant.policyId, [tenant.schoolId]);
  expect(again.items.map((item) => item.status)).toEqual(['UNCHANGED']);
  expect(await live()).toBe(2);
});

it('keeps a published artefact immutable: the runtime role cannot rewrite or delete a publication', async () => {
  await expect(asRuntime(tenant.organisationId, (db) => db.query(`UPDATE publication SET pdf_sha256 = repeat('0', 64) WHERE organisation_id = $1`, [tenant.organisationId]))).rejects.toThrow(/permission denied/);
  await expect(asRuntime(tenant.organisationId, (db) => db.query(`DELETE FROM publication WHERE organisation_id = $1`, [tenant.organisationId]))).rejects.toThrow(/permission denied/);
  expect(await live()).toBe(2);
});

it('publishes every public policy again after new branding: a job per policy, new artefacts, the old ones superseded', async () => {
  const before = (await admin.gql<{ policy: { publications: { pdfSha256: string }[] } }>(PUBLICATIONS, { id: tenant.policyId })).data!.policy.publications.map((row) => row.pdfSha256);
  expect((await admin.gql('mutation { setBranding(input: { primaryColour: "#6a1b9a" }) { primaryColour } }')).errors).toBeUndefined();
  const started = await admin.gql<{ republishAll: { reason: string; total: number }[] }>('mutation { republishAll { reason total } }');
  expect(started.data!.republishAll).toEqual([{ reason: 'REBRANDED', total: 2 }]);
  await app.get(PublicationService).settle();
  const after = (await admin.gql<{ policy: { publications: { pdfSha256: string }[]; publishJobs: { reason: string; status: string; items: { status: string }[] }[] } }>(
    'query ($id: ID!) { policy(id: $id) { publications { pdfSha256 } publishJobs(first: 1) { reason status items { status } } } }',
    { id: tenant.policyId },
  )).data!.policy;
  expect(after.publishJobs).toEqual([{ reason: 'REBRANDED', status: 'DONE', items: [{ status: 'PUBLISHED' }, { status: 'PUBLISHED' }] }]);
  expect(after.publications.map((row) => row.pdfSha256).some((hash) => before.includes(hash))).toBe(false);
  expect((await admin.http.get(`/p/${tenant.schoolSlug}/social-media`)).text).toContain('--accent:#6a1b9a');
  expect(await live()).toBe(2);
});

it("lets an author neither publish for the trust nor reach another trust's school", async () => {
  const { client: author } = await signedInTenant(app, { role: 'author' });
  expect((await author.gql(PUBLISH, { input: { policyId: tenant.policyId } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const { tenant: other, client: otherAdmin } = await signedInTenant(app, { role: 'admin' });
  expect((await otherAdmin.gql(PUBLISH, { input: { policyId: other.policyId, schoolIds: [tenant.schoolId] } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const { tenant: own, client: ownAuthor } = await signedInTenant(app, { role: 'author' });
  expect((await ownAuthor.gql(PUBLISH, { input: { policyId: own.policyId } })).errors?.[0]).toMatchObject({
    message: "Only the trust's administrators can publish for the whole trust.",
    extensions: { code: 'FORBIDDEN' },
  });
  expect(await jobs(own.organisationId)).toBe(0);
});

it('says CONFLICT for a policy with no approved version, and publishes nothing', async () => {
  const { tenant: fresh, client } = await signedInTenant(app, { role: 'admin' });
  const created = await client.gql<{ createPolicy: { id: string } }>('mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }', { input: { title: 'Only a draft' } });
  const refused = await client.gql(PUBLISH, { input: { policyId: created.data!.createPolicy.id } });
  expect(refused.errors?.[0]).toMatchObject({ message: 'This policy has no approved version yet, so there is nothing to publish.', extensions: { code: 'CONFLICT' } });
  expect(await jobs(fresh.organisationId)).toBe(0);
});

it("gives signed-in staff a draft's PDF, marked DRAFT on every page, and nobody else", async () => {
  const created = await admin.gql<{ createPolicy: { draft: { id: string } } }>('mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { draft { id } } }', {
    input: { title: 'Visitors Policy', content: documentFromOutline({ sections: [{ heading: 'Visitors', clauses: [{ text: 'Visitors sign in at the office.', blocks: [{ type: 'paragraph', text: 'Visitors sign in at the office.' }] }] }] }) },
  });
  const draftId = created.data!.createPolicy.draft.id;
  const response = await admin.getBytes(`/api/versions/${draftId}.pdf`);
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  const file = writePdf(scratchFolder(), 'draft.pdf', response.body as Buffer);
  const pages = pageTexts(file);
  expect(hugeTextByPage(file, pages.length).every((text) => text.includes('DRAFT'))).toBe(true);
  expect(pages.join('').replace(/\s+/g, ' ')).toContain('Visitors sign in at the office.');
  const { client: other } = await signedInTenant(app, { role: 'admin' });
  expect((await other.http.get(`/api/versions/${draftId}.pdf`).set('Cookie', other.cookieHeader())).status).toBe(404);
  expect((await new TestClient(app).http.get(`/api/versions/${draftId}.pdf`)).status).toBe(401);
});

describe('a render that takes too long', () => {
  let slow: INestApplication;

  beforeAll(async () => {
    slow = await startTestApp(testConfig({ renderTimeoutMs: 100 }));
  });
  afterAll(() => slow.close());

  it('is stopped at the time limit; that copy fails with a message and nothing of it is public', async () => {
    // 2,000 long clauses: far more than a 100 ms budget can lay out.
    const long = documentFromOutline({
      sections: Array.from({ length: 40 }, (_, s) => ({
        heading: `Section ${s + 1}`,
        clauses: Array.from({ length: 50 }, (_, c) => {
          const text = `Clause ${s + 1}.${c + 1}: ${'Staff must keep personal and professional life apart on every platform. '.repeat(6)}`;
          return { text, blocks: [{ type: 'paragraph' as const, text }] };
        }),
      })),
    });
    const { tenant: big, client } = await signedInTenant(slow, { role: 'admin', content: long });
    const job = await publishAndWait(slow, client, big.policyId, [big.schoolId]);
    expect(job).toMatchObject({ status: 'DONE', failed: 1 });
    expect(job.items[0]).toMatchObject({ status: 'FAILED', error: 'This copy could not be made into a PDF and web page. Try again; if it fails again, contact support.' });
    expect(await live(big.organisationId)).toBe(0);
    expect((await client.http.get(`/p/${big.schoolSlug}/social-media.pdf`)).status).toBe(404);
  });
});

describe('content that points outside', () => {
  let requests: string[];
  let server: Server;
  let url: string;
  let fifo: string;

  beforeAll(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.from('89504e470d0a1a0a', 'hex'));
    });
    server.on('connection', () => requests.push('(connection)'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A named pipe: opening it to read blocks until someone writes, so a renderer that tried to read it would hang.
    fifo = join(mkdtempSync(join(tmpdir(), 'ratify-fifo-')), 'secret');
    execFileSync('mkfifo', [fifo]);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const paragraph = (content: unknown[]) => ({ type: 'paragraph', content });
  const document = (clauses: unknown[]) => ({
    type: 'doc',
    content: [{ type: 'section', attrs: { sectionId: 'outside' }, content: [{ type: 'sectionHeading', content: [{ type: 'text', text: 'Images and files' }] }, ...clauses] }],
  });

  it('is published without a single request to a remote address and without opening a local file', async () => {
    const content = document([
      {
        type: 'clause',
        attrs: { clauseId: 'links' },
        content: [
          paragraph([
            { type: 'text', text: 'Our logo', marks: [{ type: 'link', attrs: { href: `${url}/logo.png` } }] },
            { type: 'text', text: ' and the register', marks: [{ type: 'link', attrs: { href: fifo } }] },
          ]),
        ],
      },
      { type: 'clause', attrs: { clauseId: 'markup' }, content: [paragraph([{ type: 'text', text: `![logo](${url}/img.png) <img src="${url}/x.png"> <img src="file://${fifo}">` }])] },
      { type: 'clause', attrs: { clauseId: 'variable' }, content: [paragraph([{ type: 'text', text: 'Write to us at ' }, { type: 'variable', attrs: { name: 'school.address' } }])] },
    ]);
    const { tenant: owner, client } = await signedInTenant(app, { role: 'admin', content: content as never });
    expect((await client.gql(SET, { input: { values: [{ key: 'school.address', value: fifo }] } })).errors).toBeUndefined();
    const job = await publishAndWait(app, client, owner.policyId);
    expect(job.items.map((item) => item.status)).toEqual(['PUBLISHED', 'PUBLISHED']);
    for (const path of [`/p/${owner.schoolSlug}/social-media`, `/p/${owner.schoolSlug}/social-media.pdf`]) expect((await client.http.get(path)).status).toBe(200);
    expect((await client.http.get(`/p/${owner.schoolSlug}/social-media`)).text).toContain(`Write to us at ${fifo}`);
    expect(requests).toEqual([]);
    // No reader ever opened the pipe: opening its write end without blocking finds nobody there.
    expect(() => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))).toThrow(expect.objectContaining({ code: 'ENXIO' }));
  });

  it('refuses, by name, stored image nodes with a URL or a path (past validation, e.g. a hand edit), still without a request or a read', async () => {
    const content = document([
      { type: 'clause', attrs: { clauseId: 'injected' }, content: [paragraph([{ type: 'image', attrs: { src: `${url}/injected.png` } }, { type: 'image', attrs: { src: fifo } }])] },
    ]);
    const { tenant: owner, client } = await signedInTenant(app, { role: 'admin', content: content as never });
    const job = await publishAndWait(app, client, owner.policyId, [owner.schoolId]);
    expect(job.items[0]).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/^This copy has something Ratify cannot print \(.*image.*\)\. Open the policy, correct it and publish again\.$/) });
    expect(await live(owner.organisationId)).toBe(0);
    expect(requests).toEqual([]);
    expect(() => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))).toThrow(expect.objectContaining({ code: 'ENXIO' }));
  });
});
