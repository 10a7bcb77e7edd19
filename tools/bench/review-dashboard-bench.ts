/**
 * The review dashboard of a trust of 50 academies × 60 policies (3,050 rows with the
 * trust-wide ones), through the API, against the raw SQL for the same rows.
 *
 *   npx nx run api:build                                      # once, or after changing the API
 *   npx tsx tools/bench/review-dashboard-bench.ts [--schools 50] [--policies 60] [--runs 20]
 *
 * Sets up, as the database owner, the trust with its academies, a six-term calendar for three
 * years, a committee, and policies approved over the last three years with a spread of next
 * review dates, some with a draft, some awaiting approval, some published for some academies,
 * and one guidance edition flagging a tenth of them. Then, as the trust's administrator:
 *
 *   page    reviewDashboard { counts, first 100 rows } over HTTP: the page as the app asks for it
 *   csv     GET /api/reviews/dashboard.csv: every row in one response
 *   raw     one SQL statement returning the same rows (policy × academy with the version,
 *           draft and approval state, publication and flags), as the runtime role with the
 *           tenant set: what a hand-written report query costs
 *
 * Prints the median and p95 of each, the ratio page / raw (target ≤ 3×), and the number of SQL
 * statements the page costs for a small trust and the large one (target: the same).
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { api, median, option, PASSWORD, runBench, Session, withBenchApp } from './api-bench';

const TARGET_RATIO = 3;

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))]!;

const PAGE = `{ reviewDashboard(first: 100) { total counts { status count } rows { policyId title school { name } status statuses dueOn dueTerm versionNumber committee reviewRequired } } }`;

const RAW = `
  WITH policies AS (
    SELECT p.id, p.title, p.next_review_on, p.monitoring_body_id, av.id AS version_id, av.major, av.minor, av.approved_on,
           EXISTS (SELECT 1 FROM policy_version d WHERE d.organisation_id = p.organisation_id AND d.policy_id = p.id AND d.status = 'draft') AS has_draft,
           EXISTS (SELECT 1 FROM policy_version d WHERE d.organisation_id = p.organisation_id AND d.policy_id = p.id AND d.status = 'in_approval') AS in_approval,
           (SELECT min(f.due_on) FROM review_flag f WHERE f.organisation_id = p.organisation_id AND f.policy_id = p.id AND f.resolved_at IS NULL) AS flag_due
      FROM policy p
      LEFT JOIN policy_version av ON av.organisation_id = p.organisation_id AND av.policy_id = p.id AND av.status = 'approved'
     WHERE p.organisation_id = $1 AND p.deleted_at IS NULL),
  published AS MATERIALIZED (
    SELECT policy_id, policy_version_id, coalesce(school_id, '00000000-0000-0000-0000-000000000000'::uuid) AS key
      FROM publication WHERE organisation_id = $1 AND withdrawn_at IS NULL),
  sites AS (SELECT '00000000-0000-0000-0000-000000000000'::uuid AS key, NULL::text AS name UNION ALL SELECT o.id, o.name FROM organisation o WHERE o.parent_id = $1)
  SELECT p.id, p.title, sites.name AS school, p.major, p.minor, p.approved_on, least(p.next_review_on, p.flag_due) AS due_on, body.name AS committee,
         p.has_draft, p.in_approval, pub.key IS NOT NULL AS published, p.flag_due
    FROM policies p
   CROSS JOIN sites
    LEFT JOIN governance_body body ON body.organisation_id = $1 AND body.id = p.monitoring_body_id
    LEFT JOIN published pub ON pub.policy_id = p.id AND pub.policy_version_id = p.version_id AND pub.key = sites.key
   ORDER BY least(p.next_review_on, p.flag_due), p.title, sites.name NULLS FIRST`;

interface Trust {
  trustId: string;
  email: string;
}

/** A trust of `schools` academies and `policies` policies in several states (see the header). */
async function setUpTrust(db: Client, schools: number, policies: number): Promise<Trust> {
  const suffix = randomBytes(3).toString('hex');
  const email = `bench-admin-${suffix}@example.test`;
  const one = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0].id as string;
  await db.query('BEGIN');
  const trustId = await one(`INSERT INTO organisation (kind, slug, name) VALUES ('trust', $1, 'Bench Trust') RETURNING id`, [`bench-trust-${suffix}`]);
  await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [trustId]);
  const personId = await one(`INSERT INTO person (email, display_name, password_hash) VALUES ($1, 'Bench Admin', $2) RETURNING id`, [email, await api.password.hashPassword(PASSWORD)]);
  await db.query(`INSERT INTO membership (organisation_id, person_id, role) VALUES ($1, $2, 'admin')`, [trustId, personId]);
  const bodyId = await one(`INSERT INTO governance_body (organisation_id, name, kind) VALUES ($1, 'Finance, Audit & Risk Committee', 'committee') RETURNING id`, [trustId]);
  const schoolIds: string[] = [];
  for (let n = 1; n <= schools; n++) {
    schoolIds.push(await one(`INSERT INTO organisation (kind, slug, name, parent_id) VALUES ('school', $1, $2, $3) RETURNING id`, [`bench-${suffix}-${n}`, `Academy ${String(n).padStart(2, '0')}`, trustId]));
  }
  const { presetYear } = await import('@ratify/calendar');
  for (const startYear of [2025, 2026, 2027]) {
    const year = presetYear(startYear, 'six-terms');
    await db.query(`INSERT INTO term_calendar_year (organisation_id, start_year, naming, periods) VALUES ($1, $2, $3, $4)`, [trustId, startYear, year.naming, JSON.stringify(year.periods)]);
  }
  const content = { type: 'doc', content: [] };
  const hash = api.hash.contentHash(content as never);
  const editionId = await one(`INSERT INTO guidance_edition (organisation_id, title, edition, in_force_on) VALUES ($1, 'Keeping children safe in education', '2027', '2027-09-01') RETURNING id`, [trustId]);
  for (let n = 0; n < policies; n++) {
    const approvedOn = `${2024 + (n % 3)}-${String((n % 12) + 1).padStart(2, '0')}-15`;
    const nextReviewOn = `${2025 + (n % 4)}-${String(((n * 5) % 12) + 1).padStart(2, '0')}-15`;
    const policyId = await one(
      `INSERT INTO policy (organisation_id, slug, title, statutory, review_cycle_months, next_review_on, monitoring_body_id, policy_type_key) VALUES ($1, $2, $3, $4, 24, $5, $6, 'other') RETURNING id`,
      [trustId, `policy-${n}`, `Policy ${String(n).padStart(2, '0')}`, n % 2 === 0, nextReviewOn, n % 3 === 0 ? bodyId : null],
    );
    const versionId = await one(
      `INSERT INTO policy_version (organisation_id, policy_id, major, minor, status, content, content_hash, approved_on, next_review_on) VALUES ($1, $2, 1, 0, 'approved', $3, $4, $5, $6) RETURNING id`,
      [trustId, policyId, JSON.stringify(content), hash, approvedOn, nextReviewOn],
    );
    if (n % 5 === 1) await db.query(`INSERT INTO policy_version (organisation_id, policy_id, status, content, content_hash) VALUES ($1, $2, 'draft', $3, $4)`, [trustId, policyId, JSON.stringify(content), hash]);
    if (n % 10 === 0) await db.query(`INSERT INTO review_flag (organisation_id, policy_id, edition_id, due_on) VALUES ($1, $2, $3, '2027-09-01')`, [trustId, policyId, editionId]);
    const publishedAt = [null, ...schoolIds].filter((_, index) => (index + n) % 4 !== 0);
    for (const schoolId of publishedAt) {
      await db.query(`INSERT INTO publication (organisation_id, school_id, policy_id, policy_version_id) VALUES ($1, $2, $3, $4)`, [trustId, schoolId, policyId, versionId]);
    }
  }
  await db.query('COMMIT');
  return { trustId, email };
}

/** SQL statements one request costs, counted at the pg driver (the app runs in this process). */
async function statementsFor(session: Session): Promise<number> {
  const prototype = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  let count = 0;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  try {
    await session.gql(PAGE);
  } finally {
    prototype.query = original;
  }
  return count;
}

async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let warm = 0; warm < 3; warm++) await work();
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    timings.push(performance.now() - started);
  }
  return timings;
}

async function main(): Promise<void> {
  const schools = option('schools', 50);
  const policies = option('policies', 60);
  const runs = option('runs', 20);
  await withBenchApp(
    async (ownerUrl) => {
      const db = new Client({ connectionString: ownerUrl });
      await db.connect();
      try {
        return { large: await setUpTrust(db, schools, policies), small: await setUpTrust(db, 1, 1) };
      } finally {
        await db.end();
      }
    },
    async (bench, trusts) => {
      const session = new Session(bench.url);
      await session.signIn(trusts.large.email);
      const page = await time(runs, () => session.gql(PAGE));
      let csvLines = 0;
      const csv = await time(runs, async () => {
        csvLines = (await session.get('/api/reviews/dashboard.csv')).trimEnd().split('\r\n').length - 1;
      });
      const { total } = (await session.gql<{ reviewDashboard: { total: number } }>(PAGE)).reviewDashboard;

      const runtime = new Client({ connectionString: bench.runtimeUrl });
      await runtime.connect();
      let rawRows = 0;
      const raw = await time(runs, async () => {
        await runtime.query('BEGIN');
        await runtime.query(`SELECT set_config('app.organisation_id', $1, true)`, [trusts.large.trustId]);
        rawRows = (await runtime.query(RAW, [trusts.large.trustId])).rowCount ?? 0;
        await runtime.query('ROLLBACK');
      });
      await runtime.end();

      const largeStatements = await statementsFor(session);
      const small = new Session(bench.url);
      await small.signIn(trusts.small.email);
      const smallStatements = await statementsFor(small);

      const ratio = median(page) / median(raw);
      console.log(`Database: ${bench.databaseLabel}; ${schools} academies × ${policies} policies = ${total} rows (raw SQL: ${rawRows}); ${runs} runs`);
      console.log('                                   median ms   p95 ms');
      console.log(`dashboard page (counts + 100 rows) ${median(page).toFixed(1).padStart(9)} ${p95(page).toFixed(1).padStart(8)}`);
      console.log(`dashboard CSV, all ${String(csvLines).padEnd(5)} rows      ${median(csv).toFixed(1).padStart(9)} ${p95(csv).toFixed(1).padStart(8)}`);
      console.log(`raw SQL, the same rows             ${median(raw).toFixed(1).padStart(9)} ${p95(raw).toFixed(1).padStart(8)}`);
      console.log(`page / raw SQL: ${ratio.toFixed(2)}×, CSV / raw SQL: ${(median(csv) / median(raw)).toFixed(2)}× — target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`);
      console.log(
        `SQL statements per page: ${smallStatements} for 1 academy × 1 policy, ${largeStatements} for ${schools} × ${policies} — constant: ${smallStatements === largeStatements ? 'yes' : 'NO'}`,
      );
    },
  );
}

runBench(main);
