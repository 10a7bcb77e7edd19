/**
 * Cloning a template into a 50-school trust and rendering every school's copy, through the API.
 *
 *   npx nx run api:build                                  # once, or after changing the API
 *   npx tsx tools/bench/variant-bench.ts [--schools 50] [--runs 5]
 *
 * Starts the real app (apps/api/dist: Nest, GraphQL, the runtime role under row-level security)
 * on a scratch database: DATABASE_URL's server when set (a new database, dropped afterwards),
 * else an embedded Postgres in a temporary folder. Sets up, as the database owner, a publisher
 * whose template is the LA model policy (14 clauses), and a trust with N academies, each with
 * its own head's title and DSL name. Then, over HTTP as the trust's administrator:
 *
 *   clone      cloneTemplate: the template release into a new draft policy
 *   overrides  one saveSchoolVariant per school (after the trust's version is approved): each
 *              school replaces a clause with its own words naming its DSL
 *   render     one schoolVariant { html } per school: the trust's version with the school's
 *              overrides applied and its variable values resolved, rendered to HTML
 *
 * and prints the median of each over the runs (clone and render repeated; overrides once), and
 * whether clone + render of all N is under the target (1 s). Figures only: nothing fails a build.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { documentFromOutline, listClauses, type PolicyDocument } from '@ratify/document';
import { importText } from '@ratify/importer';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'apps', 'api', 'dist');
const TARGET_MS = 1000;
const PASSWORD = 'bench-password-123';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/* eslint-disable @typescript-eslint/no-require-imports -- the built API is CommonJS, loaded after it is built */
const api = {
  config: require(join(DIST, 'config', 'config.js')) as typeof import('../../apps/api/src/config/config'),
  server: require(join(DIST, 'database', 'database-server.js')) as typeof import('../../apps/api/src/database/database-server'),
  prepare: require(join(DIST, 'database', 'prepare-database.js')) as typeof import('../../apps/api/src/database/prepare-database'),
  factory: require(join(DIST, 'app.factory.js')) as typeof import('../../apps/api/src/app.factory'),
  password: require(join(DIST, 'auth', 'password.js')) as typeof import('../../apps/api/src/auth/password'),
  hash: require(join(DIST, 'common', 'content-hash.js')) as typeof import('../../apps/api/src/common/content-hash'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

class Session {
  private cookie = '';
  constructor(private readonly baseUrl: string) {}

  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors[0]!.message}`);
    return body.data!;
  }
}

async function setUp(ownerUrl: string, schools: number): Promise<{ email: string; templateVersionId: string; trustId: string }> {
  const model = documentFromOutline(importText(readFileSync(join(ROOT, 'apps', 'api', 'demo', 'policies', 'la-model-social-media-policy.txt'), 'utf8')));
  const suffix = randomBytes(3).toString('hex');
  const email = `bench-admin-${suffix}@example.test`;
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    const one = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0].id as string;
    const publisherId = await one(`INSERT INTO organisation (kind, slug, name) VALUES ('publisher', $1, 'Bench Council') RETURNING id`, [`bench-council-${suffix}`]);
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [publisherId]);
    const templateId = await one(`INSERT INTO template (publisher_id, slug, title) VALUES ($1, 'social-media', 'Social Media Policy') RETURNING id`, [publisherId]);
    const templateVersionId = await one(
      `INSERT INTO template_version (publisher_id, template_id, major, minor, content, content_hash, released_on) VALUES ($1, $2, 1, 0, $3, $4, '2017-03-01') RETURNING id`,
      [publisherId, templateId, JSON.stringify(model), api.hash.contentHash(model)],
    );
    const trustId = await one(`INSERT INTO organisation (kind, slug, name) VALUES ('trust', $1, 'Bench Trust') RETURNING id`, [`bench-trust-${suffix}`]);
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [trustId]);
    const personId = await one(`INSERT INTO person (email, display_name, password_hash) VALUES ($1, 'Bench Admin', $2) RETURNING id`, [email, await api.password.hashPassword(PASSWORD)]);
    await db.query(`INSERT INTO membership (organisation_id, person_id, role) VALUES ($1, $2, 'admin')`, [trustId, personId]);
    for (let n = 1; n <= schools; n++) {
      const schoolId = await one(`INSERT INTO organisation (kind, slug, name, parent_id) VALUES ('school', $1, $2, $3) RETURNING id`, [`bench-${suffix}-${n}`, `Academy ${n}`, trustId]);
      await db.query(`INSERT INTO variable_value (organisation_id, school_id, key, value) VALUES ($1, $2, 'school.headTitle', $3), ($1, $2, 'school.dslName', $4)`, [
        trustId,
        schoolId,
        n % 2 ? 'Headteacher' : 'Head of School',
        `DSL ${n}`,
      ]);
    }
    await db.query('COMMIT');
    return { email, templateVersionId, trustId };
  } finally {
    await db.end();
  }
}

/** Approval arrives with governance: until then the bench approves the clone's draft as the owner. */
async function approve(ownerUrl: string, policyId: string): Promise<void> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  await db.query(`UPDATE policy_version SET status = 'approved', major = 1, minor = 0, approved_on = '2026-11-21' WHERE policy_id = $1 AND status = 'draft'`, [policyId]);
  await db.end();
}

async function main(): Promise<void> {
  const schools = option('schools', 50);
  const runs = option('runs', 5);
  const dataDir = mkdtempSync(join(tmpdir(), 'ratify-bench-'));
  const serverUrl = process.env.DATABASE_URL?.trim();
  const scratch = `ratify_bench_${randomBytes(4).toString('hex')}`;
  const config = api.config.loadConfig({ RATIFY_DATA_DIR: dataDir, RATIFY_DEMO: '0', PORT: '0', ...(serverUrl ? { DATABASE_URL: await api.server.ensureDatabase(serverUrl, scratch) } : {}) });
  const server = await api.server.openDatabaseServer(config);
  let app: Awaited<ReturnType<typeof api.factory.createApp>> | undefined;
  try {
    const runtimeUrl = await api.prepare.prepareDatabase(server.ownerUrl);
    const setup = await setUp(server.ownerUrl, schools);
    app = await api.factory.createApp(config, runtimeUrl, { logger: false });
    await app.listen(0, '127.0.0.1');
    const session = new Session(await app.getUrl());
    await session.gql('mutation ($input: SignInInput!) { signIn(input: $input) { person { id } } }', { input: { email: setup.email, password: PASSWORD } });
    const schoolIds = (await session.gql<{ schools: { id: string }[] }>('{ schools { id } }')).schools.map((school) => school.id);

    const clone = async () => {
      const started = performance.now();
      const { cloneTemplate } = await session.gql<{ cloneTemplate: { id: string } }>('mutation ($id: ID!) { cloneTemplate(templateVersionId: $id) { id } }', { id: setup.templateVersionId });
      return { ms: performance.now() - started, policyId: cloneTemplate.id };
    };
    const render = async (policyId: string) => {
      const started = performance.now();
      let bytes = 0;
      for (const schoolId of schoolIds) {
        const { schoolVariant } = await session.gql<{ schoolVariant: { html: string } }>('query ($p: ID!, $s: ID!) { schoolVariant(policyId: $p, schoolId: $s) { html } }', { p: policyId, s: schoolId });
        bytes += schoolVariant.html.length;
      }
      return { ms: performance.now() - started, bytes };
    };

    // Warm up once (JIT, connection pool, prepared plans), then measure.
    const warm = await clone();
    await approve(server.ownerUrl, warm.policyId);
    await render(warm.policyId);

    const cloneMs: number[] = [];
    let policyId = '';
    for (let run = 0; run < runs; run++) {
      const result = await clone();
      cloneMs.push(result.ms);
      policyId = result.policyId;
    }
    await approve(server.ownerUrl, policyId);
    const { content } = (await session.gql<{ policy: { currentVersion: { content: PolicyDocument } } }>('query ($id: ID!) { policy(id: $id) { currentVersion { content } } }', { id: policyId })).policy.currentVersion;
    const clauseId = listClauses(content)[3]!.clauseId;
    const overridesStarted = performance.now();
    for (const [n, schoolId] of schoolIds.entries()) {
      const clause = { type: 'clause', attrs: { clauseId }, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Academy ${n + 1} asks staff to tell its DSL about any concern.` }] }] };
      await session.gql('mutation ($input: SaveSchoolVariantInput!) { saveSchoolVariant(input: $input) { policyId } }', { input: { policyId, schoolId, overrides: [{ clauseId, kind: 'replace', clause }] } });
    }
    const overridesMs = performance.now() - overridesStarted;
    const renderMs: number[] = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const result = await render(policyId);
      renderMs.push(result.ms);
      bytes = result.bytes;
    }

    const total = median(cloneMs) + median(renderMs);
    console.log(`Database: ${serverUrl ? 'DATABASE_URL server (scratch database)' : 'embedded Postgres'}; ${schools} schools; ${listClauses(content).length} clauses; ${runs} runs`);
    console.log(`clone                  median ${median(cloneMs).toFixed(1)} ms`);
    console.log(`overrides (${schools} saves)  ${overridesMs.toFixed(0)} ms in all, ${(overridesMs / schools).toFixed(1)} ms each`);
    console.log(`render ${schools} copies       median ${median(renderMs).toFixed(0)} ms (${(median(renderMs) / schools).toFixed(1)} ms each, ${Math.round(bytes / 1024)} kB of HTML)`);
    console.log(`clone + render all     ${total.toFixed(0)} ms — target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'NOT met'}`);
  } finally {
    await app?.close();
    await server.stop();
    if (serverUrl) {
      const db = new Client({ connectionString: serverUrl });
      await db.connect();
      await db.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await db.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
