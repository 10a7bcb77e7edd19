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
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromOutline, listClauses, type PolicyDocument } from '@ratify/document';
import { importText } from '@ratify/importer';
import { Client } from 'pg';
import { api, median, option, PASSWORD, ROOT, runBench, Session, withBenchApp } from './api-bench';

const TARGET_MS = 1000;

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
  await withBenchApp(
    (ownerUrl) => setUp(ownerUrl, schools),
    async (bench, setup) => {
      const session = new Session(bench.url);
      await session.signIn(setup.email);
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
      await approve(bench.ownerUrl, warm.policyId);
      await render(warm.policyId);

      const cloneMs: number[] = [];
      let policyId = '';
      for (let run = 0; run < runs; run++) {
        const result = await clone();
        cloneMs.push(result.ms);
        policyId = result.policyId;
      }
      await approve(bench.ownerUrl, policyId);
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
      console.log(`Database: ${bench.databaseLabel}; ${schools} schools; ${listClauses(content).length} clauses; ${runs} runs`);
      console.log(`clone                  median ${median(cloneMs).toFixed(1)} ms`);
      console.log(`overrides (${schools} saves)  ${overridesMs.toFixed(0)} ms in all, ${(overridesMs / schools).toFixed(1)} ms each`);
      console.log(`render ${schools} copies       median ${median(renderMs).toFixed(0)} ms (${(median(renderMs) / schools).toFixed(1)} ms each, ${Math.round(bytes / 1024)} kB of HTML)`);
      console.log(`clone + render all     ${total.toFixed(0)} ms — target < ${TARGET_MS} ms: ${total < TARGET_MS ? 'met' : 'NOT met'}`);
    },
  );
}

runBench(main);
