/**
 * The founding story end to end, from the demo data: Leaf Trust's academies publish the
 * Use of Social Media Policy at stable public addresses. Only approved, published versions
 * are ever public.
 */
import type { INestApplication } from '@nestjs/common';
import { listClauses, type PolicyDocument } from '@ratify/document';
import { WESTSHIRE_2026_ADDED_CLAUSE_ID } from '../src/demo/westshire-revision';
import { DEMO_ORGANISATIONS, seedDemoData } from '../src/demo/demo-seed';
import { ownerDataSource } from '../src/database/data-sources';
import { asOwner, createTenant, OWNER_URL, startTestApp, TestClient, type TestTenant } from './support/harness';

let app: INestApplication;
let client: TestClient;
let seededFirst: string[];
let seededAgain: string[];

beforeAll(async () => {
  const owner = ownerDataSource(OWNER_URL());
  await owner.initialize();
  try {
    seededFirst = await seedDemoData(owner);
    seededAgain = await seedDemoData(owner);
  } finally {
    await owner.destroy();
  }
  app = await startTestApp();
  client = new TestClient(app);
});
afterAll(() => app.close());

describe('demo data', () => {
  it('is seeded once: a second run adds nothing', async () => {
    expect(seededFirst).toEqual(DEMO_ORGANISATIONS.map((organisation) => organisation.slug));
    expect(seededAgain).toEqual([]);
    const policies = await asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM policy p JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'leaf-trust'`)).rows[0].n);
    expect(policies).toBe(1);
  });

  it("builds Leaf Trust's policy as a clone of the LA template, so its lineage is real", async () => {
    const leaf = new TestClient(app);
    await leaf.signIn('ops.lead@leaftrust.example', 'ratify-demo');
    const result = await leaf.gql<{ policies: { upstream: { number: string; template: { title: string } }; currentVersion: { content: { content: { content: { attrs?: { clauseId: string } }[] }[] } } }[] }>(
      '{ policies { upstream { number template { title } } currentVersion { content } } }',
    );
    expect(result.data?.policies[0]?.upstream).toEqual({ number: '1.0', template: { title: 'Social Media Policy' } });
    const templateClauseIds = await asOwner(async (db) =>
      (await db.query(`SELECT jsonb_path_query(v.content, 'strict $.content[*].content[*] ? (@.type == "clause").attrs.clauseId') #>> '{}' AS id FROM template_version v JOIN template t ON t.id = v.template_id WHERE t.slug = 'social-media-policy' AND (v.major, v.minor) = (1, 0)`)).rows.map((row) => row.id),
    );
    const leafClauseIds = result.data!.policies[0]!.currentVersion.content.content.flatMap((section) => section.content.slice(1).map((clause) => clause.attrs!.clauseId));
    expect(leafClauseIds.length).toBe(templateClauseIds.length - 1);
    expect(leafClauseIds.every((id) => templateClauseIds.includes(id))).toBe(true);
  });

  it("offers Leaf Trust the LA model's 2026 release: exactly its three changes, one taken automatically, one added, the one Leaf also edited a conflict", async () => {
    const leaf = new TestClient(app);
    await leaf.signIn('ops.lead@leaftrust.example', 'ratify-demo');
    const policy = (await leaf.gql<{ policies: { id: string; availableUpdate: { number: string } | null; currentVersion: { id: string; content: PolicyDocument } }[] }>(
      '{ policies { id availableUpdate { number } currentVersion { id content } } }',
    )).data!.policies[0]!;
    expect(policy.availableUpdate).toEqual({ number: '1.1' });

    const compared = await leaf.gql<{ upstreamUpdate: { to: { id: string }; into: { id: string; revision: number }; changes: { id: string; change: string; outcome: string }[]; conflicts: { id: string; ours: string }[] } }>(
      'query ($id: ID!) { upstreamUpdate(policyId: $id) { to { id } into { id revision } changes { id change outcome } conflicts { id ours } } }',
      { id: policy.id },
    );
    const update = compared.data!.upstreamUpdate;
    const leafClauses = listClauses(policy.currentVersion.content);
    const [intro2, definition2] = [leafClauses[1]!.clauseId, leafClauses[7]!.clauseId];
    expect(update.changes).toEqual([
      { id: intro2, change: 'changed', outcome: 'conflict' },
      { id: definition2, change: 'changed', outcome: 'applied' },
      { id: WESTSHIRE_2026_ADDED_CLAUSE_ID, change: 'added', outcome: 'applied' },
    ]);
    expect(update.conflicts).toEqual([{ id: `clause:${intro2}`, ours: leafClauses[1]!.text }]);

    const accepted = await leaf.gql<{ acceptUpstreamUpdate: { status: string; changeOrigin: string; content: PolicyDocument } }>(
      'mutation ($input: AcceptUpstreamUpdateInput!) { acceptUpstreamUpdate(input: $input) { status changeOrigin content } }',
      { input: { policyId: policy.id, templateVersionId: update.to.id, intoVersionId: update.into.id, expectedRevision: update.into.revision, resolutions: [{ conflictId: `clause:${intro2}`, take: 'ours' }] } },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptUpstreamUpdate).toMatchObject({ status: 'DRAFT', changeOrigin: 'model-provider-update' });
    // The draft is Leaf's v1.0 with 4.2 reworded and the new clause after 5.1; nothing else moved or changed.
    const expected = leafClauses.flatMap((clause) => (clause.sectionHeading.startsWith('Use of Social Networking Sites') && clause === leafClauses[8] ? [clause.clauseId, WESTSHIRE_2026_ADDED_CLAUSE_ID] : [clause.clauseId]));
    const draft = listClauses(accepted.data!.acceptUpstreamUpdate.content);
    expect(draft.map((clause) => clause.clauseId)).toEqual(expected);
    for (const clause of draft) {
      const before = leafClauses.find((entry) => entry.clauseId === clause.clauseId);
      if (clause.clauseId === definition2) expect(clause.text).toBe(before!.text.replace('any social media that they may use.', 'any social media, messaging service or artificial intelligence (AI) tool that they may use.'));
      else if (clause.clauseId === WESTSHIRE_2026_ADDED_CLAUSE_ID) expect(clause.text).toMatch(/^Staff who see anything online .* Keeping Children Safe in Education\.$/);
      else expect(clause.text).toBe(before!.text);
    }
    const after = await leaf.gql<{ policy: { currentVersion: { id: string }; availableUpdate: null } }>('query ($id: ID!) { policy(id: $id) { currentVersion { id } availableUpdate { number } } }', { id: policy.id });
    expect(after.data!.policy).toEqual({ currentVersion: { id: policy.currentVersion.id }, availableUpdate: null });
  });

  it("records how Leaf Trust's v1.0 was approved: the committee's decision, its minute, the history row and an intact audit trail", async () => {
    const chair = new TestClient(app);
    await chair.signIn('chair.far@leaftrust.example', 'ratify-demo');
    const [policy] = (await chair.gql<{ policies: { id: string }[] }>('{ policies { id } }')).data!.policies;
    const result = await chair.gql<{ policy: unknown }>(
      `query ($id: ID!) { policy(id: $id) {
        approvalRoute { name stages { body { name members { person { name } position } } } }
        history { version date change origin approvedBy }
        approvalRequests { status stages { decision { outcome decidedOn method minuteReference decidedBy { name } } } } } }`,
      { id: policy!.id },
    );
    expect(result.data?.policy).toEqual({
      approvalRoute: {
        name: 'Finance, Audit & Risk Committee approves',
        stages: [
          {
            body: {
              name: 'Finance, Audit & Risk Committee',
              members: [
                { person: { name: 'Charles Fenwick' }, position: 'CHAIR' },
                { person: { name: 'Alex Turner' }, position: 'CLERK' },
                { person: { name: 'Samuel Reed' }, position: 'MEMBER' },
              ],
            },
          },
        ],
      },
      history: [{ version: '1.0', date: '2025-01-13', change: 'New Policy – adopted from existing LA Policy', origin: 'TRUST_DECISION', approvedBy: 'Finance, Audit & Risk Committee' }],
      approvalRequests: [
        { status: 'APPROVED', stages: [{ decision: { outcome: 'APPROVED', decidedOn: '2025-01-13', method: 'MEETING', minuteReference: 'FAR/24-25/03/7', decidedBy: { name: 'Charles Fenwick' } } }] },
      ],
    });
    const admin = new TestClient(app);
    await admin.signIn('admin@leaftrust.example', 'ratify-demo');
    expect((await admin.gql<{ auditChainCheck: unknown }>('{ auditChainCheck { events intact } }')).data?.auditChainCheck).toEqual({ events: 3, intact: true });
  });

  it("shows Leaf Trust's review as Term 2, 2026/27, due this term; LiFE MAT's, last reviewed in 2017, overdue", async () => {
    const leaf = new TestClient(app);
    await leaf.signIn('admin@leaftrust.example', 'ratify-demo');
    const review = await leaf.gql<{ policies: { review: { dueOn: string; term: { label: string }; timing: string; cycleMonths: number; owner: { name: string } } }[] }>(
      '{ policies { review { dueOn term { label } timing cycleMonths owner { name } } } }',
    );
    expect(review.data?.policies[0]?.review).toEqual({ dueOn: '2026-12-18', term: { label: 'Term 2, 2026/27' }, timing: 'DUE_THIS_TERM', cycleMonths: 24, owner: { name: 'Olivia Grant' } });
    const DASHBOARD = '{ reviewDashboard { currentTerm { label } rows { title school { name } status dueTerm } } }';
    const leafDashboard = await leaf.gql<{ reviewDashboard: { currentTerm: { label: string }; rows: { title: string; school: { name: string } | null; status: string; dueTerm: string }[] } }>(DASHBOARD);
    expect(leafDashboard.data?.reviewDashboard.currentTerm.label).toBe('Term 2, 2026/27');
    expect(leafDashboard.data?.reviewDashboard.rows.map((row) => [row.school?.name ?? 'Leaf Trust', row.status, row.dueTerm])).toEqual([
      ['Leaf Trust', 'DUE_THIS_TERM', 'Term 2, 2026/27'],
      ['Hazel Primary Academy', 'DUE_THIS_TERM', 'Term 2, 2026/27'],
      ['Rowan Primary Academy', 'DUE_THIS_TERM', 'Term 2, 2026/27'],
      ['Willow Primary Academy', 'DUE_THIS_TERM', 'Term 2, 2026/27'],
    ]);
    const life = new TestClient(app);
    await life.signIn('ops.lead@lifemat.example', 'ratify-demo');
    const lifeDashboard = await life.gql<{ reviewDashboard: { rows: { title: string; status: string; dueOn: string }[] } }>('{ reviewDashboard { rows { title status dueOn } } }');
    expect(lifeDashboard.data?.reviewDashboard.rows).toEqual([{ title: 'Social Media Policy', status: 'OVERDUE', dueOn: '2019-03-01' }]);
  });

  it('lets the demo accounts sign in and see their own policies only', async () => {
    const leaf = new TestClient(app);
    await leaf.signIn('ops.lead@leaftrust.example', 'ratify-demo');
    const list = await leaf.gql<{ policies: { title: string; currentVersion: { number: string; approvedOn: string } }[] }>(
      '{ policies { id title currentVersion { number approvedOn } } }',
    );
    expect(list.data?.policies).toEqual([{ id: expect.any(String), title: 'Use of Social Media Policy', currentVersion: { number: '1.0', approvedOn: '2025-01-13' } }]);

    const life = new TestClient(app);
    await life.signIn('ops.lead@lifemat.example', 'ratify-demo');
    const leafPolicyId = (list.data!.policies[0] as unknown as { id: string }).id;
    const foreign = await life.gql('query ($id: ID!) { policy(id: $id) { title } }', { id: leafPolicyId });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('/p/{slug}', () => {
  it("lists a trust's academies and its trust-wide policies", async () => {
    const response = await client.http.get('/p/leaf-trust');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('<html lang="en-GB">');
    for (const school of ['willow-primary', 'rowan-primary', 'hazel-primary']) expect(response.text).toContain(`href="/p/${school}"`);
    expect(response.text).toContain('href="/p/leaf-trust/use-of-social-media-policy"');
  });

  it('lists what an academy publishes, with version, approval and review dates', async () => {
    const response = await client.http.get('/p/rowan-primary');
    expect(response.status).toBe(200);
    expect(response.text).toContain('Part of <a href="/p/leaf-trust">Leaf Trust</a>');
    expect(response.text).toContain('href="/p/rowan-primary/use-of-social-media-policy"');
    expect(response.text).toContain('href="/p/rowan-primary/use-of-social-media-policy.pdf"');
    expect(response.text).toContain('13 January 2025');
  });

  it('answers 404 for a slug nobody has, and for a publisher', async () => {
    expect((await client.http.get('/p/no-such-trust')).status).toBe(404);
    expect((await client.http.get('/p/westshire-council')).status).toBe(404);
  });
});

describe('/p/{schoolSlug}/{policySlug}', () => {
  it("is the policy as a web page, in Leaf Trust's wording", async () => {
    const response = await client.http.get('/p/willow-primary/use-of-social-media-policy');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<h1>Use of Social Media Policy</h1>');
    expect(response.text).toContain('social networking sites, online sources and gaming');
    expect(response.text).toContain('<a class="skip-link" href="#main">');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('is a PDF with .pdf', async () => {
    const response = await client.http.get('/p/willow-primary/use-of-social-media-policy.pdf').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('shows LiFE MAT its overdue review in the pinned clock', async () => {
    const response = await client.http.get('/p/life-mat/social-media-policy');
    expect(response.status).toBe(200);
    expect(response.text).toContain('1 March 2019 (review overdue)');
  });
});

describe('what is never public', () => {
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await createTenant();
  });

  it('serves the published, approved version', async () => {
    expect((await client.http.get(`/p/${tenant.schoolSlug}/social-media`)).status).toBe(200);
  });

  it('hides a policy that is not published for that school or for the trust', async () => {
    expect((await client.http.get(`/p/${tenant.slug}/social-media`)).status).toBe(404);
    expect((await client.http.get(`/p/${tenant.slug}/social-media.pdf`)).status).toBe(404);
  });

  it('hides a published version once it is superseded, and a withdrawn publication', async () => {
    const superseded = await createTenant();
    await asOwner((db) => db.query(`UPDATE policy_version SET status = 'superseded' WHERE id = $1`, [superseded.versionId]));
    expect((await client.http.get(`/p/${superseded.schoolSlug}/social-media`)).status).toBe(404);
    expect((await client.http.get(`/p/${superseded.schoolSlug}`)).text).not.toContain('social-media');
    const withdrawn = await createTenant();
    await asOwner((db) => db.query(`UPDATE publication SET withdrawn_at = now() WHERE policy_version_id = $1`, [withdrawn.versionId]));
    expect((await client.http.get(`/p/${withdrawn.schoolSlug}/social-media`)).status).toBe(404);
  });

  it("does not serve one trust's policy under another trust's school", async () => {
    const other = await createTenant();
    expect((await client.http.get(`/p/${other.schoolSlug}/social-media`)).status).toBe(200);
    await asOwner((db) => db.query(`UPDATE policy SET slug = 'only-mine' WHERE id = $1`, [other.policyId]));
    expect((await client.http.get(`/p/leaf-trust/only-mine`)).status).toBe(404);
    expect((await client.http.get(`/p/${other.schoolSlug}/only-mine`)).status).toBe(200);
  });
});

describe('GET /health', () => {
  it('answers 200 when the database is reachable', async () => {
    const response = await client.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });
});
