/**
 * Test harness: the real app (Nest + Apollo + the runtime role's connection) over HTTP,
 * a GraphQL helper, and factories that create a fresh tenant for each test, so that
 * every test is also an isolation test.
 */
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { documentFromOutline, type PolicyDocument } from '@ratify/document';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { hashPassword } from '../../src/auth/password';
import { contentHash } from '../../src/common/content-hash';
import { loadConfig, type AppConfig } from '../../src/config/config';
import { PublicationService } from '../../src/publication/publication.service';

export const OWNER_URL = () => required('RATIFY_TEST_OWNER_URL');
export const RUNTIME_URL = () => required('RATIFY_TEST_RUNTIME_URL');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest (global setup provides it)`);
  return value;
}

/** One folder of published files for every test process: files are named by their hash, so sharing is safe. */
export const TEST_FILES_DIR = join(tmpdir(), 'ratify-test-files');

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...loadConfig({ RATIFY_CLOCK: '2026-11-21', RATIFY_DATA_DIR: '/nonexistent', RATIFY_FILES_DIR: TEST_FILES_DIR }),
    webDist: '/nonexistent',
    jobs: 'off',
    ...overrides,
  };
}

export async function startTestApp(config = testConfig()): Promise<INestApplication> {
  const app = await createApp(config, RUNTIME_URL(), { poolSize: 4, logger: false });
  await app.init();
  return app;
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  cookies: string[];
}

/** A browser-like client: keeps its cookie between requests. */
export class TestClient {
  private cookie?: string;

  constructor(private readonly app: INestApplication) {}

  /** The Cookie header this client sends, for hand-made requests. */
  cookieHeader(): string {
    return this.cookie ?? '';
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  async gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    let call = this.http.post('/graphql').set('Content-Type', 'application/json');
    if (this.cookie) call = call.set('Cookie', this.cookie);
    const response = await call.send({ query, variables });
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const session = cookies.find((cookie) => cookie.startsWith('ratify_session='));
    if (session) this.cookie = session.split(';')[0];
    return { status: response.status, data: response.body.data, errors: response.body.errors, cookies };
  }

  /** A GET with this client's cookie whose body comes back as bytes (a PDF, a logo). */
  getBytes(path: string) {
    let call = this.http.get(path);
    if (this.cookie) call = call.set('Cookie', this.cookie);
    return call.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  }

  async signIn(email: string, password = TEST_PASSWORD): Promise<GraphQLResponse> {
    const result = await this.gql('mutation ($input: SignInInput!) { signIn(input: $input) { person { id } } }', { input: { email, password } });
    if (result.errors) throw new Error(`sign in failed: ${JSON.stringify(result.errors)}`);
    return result;
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** Runs SQL as the owner, bypassing the app: for setting up and for out-of-band checks. */
export async function asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: OWNER_URL() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs SQL as the runtime role, in one transaction with the given tenant (or none). */
export async function asRuntime<T>(organisationId: string | null, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: RUNTIME_URL() });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.organisation_id', $1, true)`, [organisationId ?? '']);
    const result = await work(client);
    await client.query('ROLLBACK');
    return result;
  } finally {
    await client.end();
  }
}

export interface TestTenant {
  organisationId: string;
  slug: string;
  schoolId: string;
  schoolSlug: string;
  email: string;
  policyId: string;
  versionId: string;
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A new trust (or publisher) with one academy, one author and one approved policy, not yet published (given content, or a marker clause). */
export async function createTenant(options: { role?: string; policyTitle?: string; kind?: 'trust' | 'publisher'; content?: PolicyDocument } = {}): Promise<TestTenant> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const slug = uniqueSlug('trust');
  const schoolSlug = uniqueSlug('school');
  const email = `${uniqueSlug('person')}@example.test`;
  const content = options.content ?? documentFromOutline({
    sections: [{ heading: 'Introduction', clauses: [{ text: `Marker ${slug}`, blocks: [{ type: 'paragraph', text: `Marker ${slug}` }] }] }],
  });
  return asOwner(async (db) => {
    await db.query('BEGIN');
    const one = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0].id as string;
    const organisationId = await one(`INSERT INTO organisation (kind, slug, name) VALUES ($1, $2, $3) RETURNING id`, [options.kind ?? 'trust', slug, `Trust ${slug}`]);
    const schoolId = await one(`INSERT INTO organisation (kind, slug, name, parent_id) VALUES ('school', $1, $2, $3) RETURNING id`, [schoolSlug, `School ${schoolSlug}`, organisationId]);
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [organisationId]);
    const personId = await one(`INSERT INTO person (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, `Person ${slug}`, hash]);
    await db.query(`INSERT INTO membership (organisation_id, person_id, role) VALUES ($1, $2, $3)`, [organisationId, personId, options.role ?? 'author']);
    const policyId = await one(`INSERT INTO policy (organisation_id, slug, title, review_cycle_months, next_review_on) VALUES ($1, 'social-media', $2, 24, '2027-01-13') RETURNING id`, [
      organisationId,
      options.policyTitle ?? `Social Media Policy of ${slug}`,
    ]);
    const versionId = await one(
      `INSERT INTO policy_version (organisation_id, policy_id, major, minor, status, content, content_hash, approved_on, next_review_on)
       VALUES ($1, $2, 1, 0, 'approved', $3, $4, '2025-01-13', '2027-01-13') RETURNING id`,
      [organisationId, policyId, JSON.stringify(content), contentHash(content)],
    );
    await db.query('COMMIT');
    return { organisationId, slug, schoolId, schoolSlug, email, policyId, versionId };
  });
}

/** A new tenant (see createTenant) and a client already signed in as its person. */
export async function signedInTenant(app: INestApplication, options: { role?: string; content?: PolicyDocument } = {}): Promise<{ tenant: TestTenant; client: TestClient }> {
  const tenant = await createTenant(options);
  const client = new TestClient(app);
  await client.signIn(tenant.email);
  return { tenant, client };
}

/** A one-clause policy whose text mixes words and variables: `['Report to ', { variable: 'school.dslName' }, '.']`. */
export function documentWithVariables(parts: (string | { variable: string })[]): PolicyDocument {
  const inline = parts.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : { type: 'variable', attrs: { name: part.variable } }));
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { sectionId: 's1' },
        content: [{ type: 'sectionHeading', content: [{ type: 'text', text: 'Contacts' }] }, { type: 'clause', attrs: { clauseId: 'c1' }, content: [{ type: 'paragraph', content: inline }] }],
      },
    ],
  } as PolicyDocument;
}

export interface TestMember {
  email: string;
  personId: string;
  membershipId: string;
}

/** Another person in a tenant, with the given role (at the trust, or at one of its academies). */
export async function addMember(tenant: TestTenant, role: string, options: { schoolId?: string; name?: string } = {}): Promise<TestMember> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const email = `${uniqueSlug('person')}@example.test`;
  return asOwner(async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [tenant.organisationId]);
    const personId = (await db.query(`INSERT INTO person (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, options.name ?? `Person ${email}`, hash])).rows[0].id;
    const membershipId = (
      await db.query(`INSERT INTO membership (organisation_id, school_id, person_id, role) VALUES ($1, $2, $3, $4) RETURNING id`, [tenant.organisationId, options.schoolId ?? null, personId, role])
    ).rows[0].id;
    await db.query('COMMIT');
    return { email, personId, membershipId };
  });
}

/** A client signed in as the given email. */
export async function signedInAs(app: INestApplication, email: string): Promise<TestClient> {
  const client = new TestClient(app);
  await client.signIn(email);
  return client;
}

export interface PublishJobResult {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  items: { publishedFor: { name: string; slug: string }; status: string; error: string | null; path: string }[];
}

const PUBLISH = `mutation ($input: PublishPolicyInput!) { publishPolicy(input: $input) { id } }`;
const PUBLISH_JOB = `query ($id: ID!) { publishJob(id: $id) { id status total done failed items { publishedFor { name slug } status error path } } }`;

/** Publishes through the API (trust and every school, or the schools named), waits for the job, and returns it as the app reports it. */
export async function publishAndWait(app: INestApplication, client: TestClient, policyId: string, schoolIds?: string[]): Promise<PublishJobResult> {
  const started = await client.gql<{ publishPolicy: { id: string } }>(PUBLISH, { input: { policyId, schoolIds } });
  if (started.errors) throw new Error(`publishing failed: ${JSON.stringify(started.errors)}`);
  await app.get(PublicationService).settle();
  const job = await client.gql<{ publishJob: PublishJobResult }>(PUBLISH_JOB, { id: started.data!.publishPolicy.id });
  return job.data!.publishJob;
}
