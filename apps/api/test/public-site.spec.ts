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
import { join } from 'node:path';
import { columnText, embeddedImages, pageTexts, pagePicture, pdfInfo, pngSize, runTool, scratchFolder, writePdf } from '../../../libs/pdf/src/testing/pdf-tools';
import { PublicationService } from '../src/publication/publication.service';
import { LocalFileStore } from '../src/storage/file-store';
import { asOwner, OWNER_URL, publishAndWait, signedInTenant, startTestApp, TEST_FILES_DIR, TestClient, type TestTenant } from './support/harness';

let app: INestApplication;
let client: TestClient;
let seededFirst: string[];
let seededAgain: string[];

beforeAll(async () => {
  const owner = ownerDataSource(OWNER_URL());
  await owner.initialize();
  try {
    seededFirst = await seedDemoData(owner, new LocalFileStore(TEST_FILES_DIR));
    seededAgain = await seedDemoData(owner, new LocalFileStore(TEST_FILES_DIR));
  } finally {
    await owner.destroy();
  }
  app = await startTestApp();
  client = new TestClient(app);
  // The demo's publications have no artefacts until they are rendered, as at start-up with jobs on.
  await app.get(PublicationService).renderMissingArtefacts();
  await app.get(PublicationService).settle();
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
      history: [{ version: '1.0', date: '2025-01-13', change: 'New Policy – Adopted from existing LA Policy', origin: 'TRUST_DECISION', approvedBy: 'Finance, Audit & Risk Committee' }],
      approvalRequests: [
        { status: 'APPROVED', stages: [{ decision: { outcome: 'APPROVED', decidedOn: '2025-01-13', method: 'MEETING', minuteReference: 'FAR/24-25/03/7', decidedBy: { name: 'Charles Fenwick' } } }] },
      ],
    });
    const admin = new TestClient(app);
    await admin.signIn('admin@leaftrust.example', 'ratify-demo');
    // Three from the seed (submitted, decided, approved) and the demo's copies published when the app started.
    expect((await admin.gql<{ auditChainCheck: unknown }>('{ auditChainCheck { events intact } }')).data?.auditChainCheck).toEqual({ events: 4, intact: true });
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
  it('lets Jo Clarke, a clerk to both trusts, start in Leaf Trust and switch to LiFE MAT, seeing only its policies, and signs her in there next time', async () => {
    const jo = new TestClient(app);
    await jo.signIn('jo.clarke@governorservices.example', 'ratify-demo');
    const VIEWER = '{ me { activeMembership { id } memberships { id role organisation { name } school { name } } } }';
    const me = (await jo.gql<{ me: { activeMembership: { id: string }; memberships: { id: string; role: string; organisation: { name: string }; school: null }[] } }>(VIEWER)).data!.me;
    expect(me.memberships.map(({ role, organisation, school }) => ({ role, organisation, school }))).toEqual([
      { role: 'ADMIN', organisation: { name: 'Leaf Trust' }, school: null },
      { role: 'ADMIN', organisation: { name: 'LiFE Multi Academy Trust' }, school: null },
    ]);
    expect(me.activeMembership.id).toBe(me.memberships[0]!.id);
    const titles = async () => (await jo.gql<{ policies: { title: string }[] }>('{ policies { title } }')).data!.policies.map((policy) => policy.title);
    expect(await titles()).toEqual(['Use of Social Media Policy']);

    await jo.gql('mutation ($id: ID!) { selectMembership(membershipId: $id) { activeMembership { id } } }', { id: me.memberships[1]!.id });
    expect(await titles()).toEqual(['Social Media Policy']);

    // Signing in again (another browser, or later) takes her back to where she last worked.
    const again = new TestClient(app);
    await again.signIn('jo.clarke@governorservices.example', 'ratify-demo');
    expect((await again.gql<{ me: { activeMembership: { id: string } } }>(VIEWER)).data!.me.activeMembership.id).toBe(me.memberships[1]!.id);
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
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(response.headers['content-security-policy']).not.toContain('script');
  });

  it("is, with .pdf, Leaf Trust's branded PDF for Willow: cover facts, contents, history, the school's details, the logo", async () => {
    const response = await client.getBytes('/p/willow-primary/use-of-social-media-policy.pdf');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const file = writePdf(scratchFolder(), 'willow.pdf', response.body as Buffer);
    expect(() => runTool('qpdf', ['--check', file])).not.toThrow();
    expect(pdfInfo(file).Title).toBe('Use of Social Media Policy');
    const pages = pageTexts(file);
    const cover = pages[0]!.replace(/\s+/g, ' ');
    for (const fact of ['Leaf Trust', 'Willow Primary Academy', 'Unique Primary Schools Growing Together', 'Use of Social Media Policy (v 1.0)', 'Non-statutory', 'Operations Lead', 'Finance, Audit & Risk Committee', '13 January 2025', '2 years', 'Term 2, 2026/27', 'This policy supersedes all previous versions']) {
      expect(cover).toContain(fact);
    }
    const all = pages.join('\n').replace(/[ \t]+/g, ' ');
    const historyPage = pages.findIndex((text) => text.includes('History of policy changes')) + 1;
    expect(pages[historyPage - 1]!.replace(/\s+/g, ' ')).toContain('1.0 13 January 2025 Whole document');
    expect(columnText(file, historyPage, 'Change', 'Origin').replace(/\s+/g, ' ')).toContain('New Policy – Adopted from existing LA Policy');
    expect(all).toContain(`Page 1 of ${pages.length}`);
    // Contents: each section's printed page number is the page its heading first appears on after the contents.
    const contentsPage = pages.findIndex((text) => /^\s*Contents\s*$/m.test(text));
    expect(contentsPage).toBeGreaterThanOrEqual(0);
    const entries = [...pages[contentsPage]!.matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((match) => ({ heading: match[1]!, page: Number(match[2]) }));
    expect(entries.map((entry) => entry.heading)).toEqual(expect.arrayContaining(['Introduction', 'Scope', 'Aims', 'Definition']));
    for (const entry of entries) {
      const startsOn = pages.findIndex((text, index) => index > contentsPage && text.split('\n').some((line) => line.trim() === entry.heading)) + 1;
      expect({ heading: entry.heading, page: entry.page }).toEqual({ heading: entry.heading, page: startsOn });
    }
    // The school's own copy: its name resolved in the text, not the trust's placeholder.
    expect(all).not.toMatch(/\{\{school\./);
    expect(embeddedImages(file).filter((image) => image.page === 1)).toEqual([expect.objectContaining({ width: 640, height: 240 })]);
    // Looked at as a person would: the cover drawn to a picture of A4 proportions.
    const picture = pngSize(pagePicture(file, 1, 40, join(scratchFolder(), 'cover')));
    expect(picture.height / picture.width).toBeCloseTo(297 / 210, 1);
  });

  it('serves the same stored bytes on every request, named by their hash', async () => {
    const [first, second] = [await client.http.get('/p/willow-primary/use-of-social-media-policy.pdf'), await client.http.get('/p/willow-primary/use-of-social-media-policy.pdf')];
    expect(first.headers['etag']).toMatch(/^"[0-9a-f]{64}"$/);
    expect(second.headers['etag']).toBe(first.headers['etag']);
    expect((await client.http.get('/p/willow-primary/use-of-social-media-policy.pdf').set('If-None-Match', first.headers['etag']!)).status).toBe(304);
  });

  it('shows LiFE MAT its overdue review in the pinned clock', async () => {
    const response = await client.http.get('/p/life-mat/social-media-policy');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<dt>Review date</dt><dd>1 March 2019</dd>');
    const index = await client.http.get('/p/life-mat');
    expect(index.text).toContain('1 March 2019, review overdue');
  });
});

describe('what is never public', () => {
  let tenant: TestTenant;
  let admin: TestClient;

  beforeAll(async () => {
    ({ tenant, client: admin } = await signedInTenant(app, { role: 'admin' }));
    await publishAndWait(app, admin, tenant.policyId, [tenant.schoolId]);
  });

  it('serves the published, approved version', async () => {
    expect((await client.http.get(`/p/${tenant.schoolSlug}/social-media`)).status).toBe(200);
  });

  it('hides a policy that is not published for that school or for the trust', async () => {
    expect((await client.http.get(`/p/${tenant.slug}/social-media`)).status).toBe(404);
    expect((await client.http.get(`/p/${tenant.slug}/social-media.pdf`)).status).toBe(404);
  });

  it("gives 404 for a draft's slug: a policy that has only a draft is never public", async () => {
    const created = await admin.gql<{ createPolicy: { slug: string } }>('mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { slug } }', {
      input: { title: 'Draft Only Policy' },
    });
    expect(created.errors).toBeUndefined();
    const slug = created.data!.createPolicy.slug;
    for (const path of [`/p/${tenant.schoolSlug}/${slug}`, `/p/${tenant.schoolSlug}/${slug}.pdf`, `/p/${tenant.slug}/${slug}`]) expect((await client.http.get(path)).status).toBe(404);
    expect((await client.http.get(`/p/${tenant.schoolSlug}`)).text).not.toContain(slug);
  });

  it("gives 404 for LiFE MAT's policy under a Leaf Trust school's address", async () => {
    expect((await client.http.get('/p/life-mat/social-media-policy')).status).toBe(200);
    expect((await client.http.get('/p/willow-primary/social-media-policy')).status).toBe(404);
    expect((await client.http.get('/p/willow-primary/social-media-policy.pdf')).status).toBe(404);
    expect((await client.http.get('/p/leaf-trust/social-media-policy')).status).toBe(404);
  });

  it('hides a withdrawn publication', async () => {
    const { tenant: withdrawn, client: other } = await signedInTenant(app, { role: 'admin' });
    await publishAndWait(app, other, withdrawn.policyId, [withdrawn.schoolId]);
    await asOwner((db) => db.query(`UPDATE publication SET withdrawn_at = now(), withdrawn_reason = 'withdrawn' WHERE policy_version_id = $1`, [withdrawn.versionId]));
    expect((await client.http.get(`/p/${withdrawn.schoolSlug}/social-media`)).status).toBe(404);
    expect((await client.http.get(`/p/${withdrawn.schoolSlug}`)).text).not.toContain('social-media');
  });

  it("does not serve one trust's policy under another trust's school", async () => {
    await asOwner((db) => db.query(`UPDATE policy SET slug = 'only-mine' WHERE id = $1`, [tenant.policyId]));
    expect((await client.http.get(`/p/leaf-trust/only-mine`)).status).toBe(404);
    expect((await client.http.get(`/p/willow-primary/only-mine`)).status).toBe(404);
    expect((await client.http.get(`/p/${tenant.schoolSlug}/only-mine`)).status).toBe(200);
  });
});

describe('after Leaf Trust approves version 2.0', () => {
  let policyId: string;

  beforeAll(async () => {
    // The model's 2026 release was taken into a draft above; the ops lead sends it, the FAR chair approves it.
    const author = new TestClient(app);
    await author.signIn('ops.lead@leaftrust.example', 'ratify-demo');
    const policy = (await author.gql<{ policies: { id: string; draft: { id: string; revision: number } } [] }>('{ policies { id draft { id revision } } }')).data!.policies[0]!;
    policyId = policy.id;
    const submitted = await author.gql<{ submitForApproval: { id: string; currentStage: number; contentHash: string } }>(
      'mutation ($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id currentStage contentHash } }',
      { input: { versionId: policy.draft.id, expectedRevision: policy.draft.revision, changeSummary: 'Messaging and AI tools; reporting online concerns to the DSL', changeOrigin: 'MODEL_PROVIDER_UPDATE', changeKind: 'MAJOR' } },
    );
    expect(submitted.errors).toBeUndefined();
    const request = submitted.data!.submitForApproval;
    const chair = new TestClient(app);
    await chair.signIn('chair.far@leaftrust.example', 'ratify-demo');
    const decided = await chair.gql('mutation ($input: DecideApprovalInput!) { decideApproval(input: $input) { status } }', {
      input: { requestId: request.id, stage: request.currentStage, contentHash: request.contentHash, outcome: 'APPROVED', decidedOn: '2026-11-20', method: 'MEETING', minuteReference: 'FAR/26-27/02/4', membersPresent: 3 },
    });
    expect(decided.errors).toBeUndefined();
  });

  it('publishes every public copy again as one job, with progress to show, and the pages show 2.0', async () => {
    const admin = new TestClient(app);
    await admin.signIn('admin@leaftrust.example', 'ratify-demo');
    const [running] = (await admin.gql<{ policy: { publishJobs: { reason: string; total: number }[] } }>('query ($id: ID!) { policy(id: $id) { publishJobs(first: 1) { reason total } } }', { id: policyId })).data!.policy.publishJobs;
    expect(running).toEqual({ reason: 'APPROVED', total: 4 });
    await app.get(PublicationService).settle();
    const [job] = (await admin.gql<{ policy: { publishJobs: { status: string; done: number; failed: number; items: { status: string }[] }[] } }>(
      'query ($id: ID!) { policy(id: $id) { publishJobs(first: 1) { status done failed items { status } } } }',
      { id: policyId },
    )).data!.policy.publishJobs;
    expect(job).toEqual({ status: 'DONE', done: 4, failed: 0, items: [{ status: 'PUBLISHED' }, { status: 'PUBLISHED' }, { status: 'PUBLISHED' }, { status: 'PUBLISHED' }] });
    const page = await client.http.get('/p/willow-primary/use-of-social-media-policy');
    expect(page.text).toContain('<dt>Version</dt><dd>2.0</dd>');
    expect(page.text).toContain('any social media, messaging service or artificial intelligence (AI) tool that they may use.');
  });

  it('keeps version 1.0 in the archive Leaf Trust chose, marked as no longer in force', async () => {
    const archive = await client.http.get('/p/willow-primary/use-of-social-media-policy/archive');
    expect(archive.status).toBe(200);
    expect(archive.text).toContain('href="/p/willow-primary/use-of-social-media-policy/archive/1.0"');
    const old = await client.http.get('/p/willow-primary/use-of-social-media-policy/archive/1.0');
    expect(old.status).toBe(200);
    expect(old.text).toContain('This is version 1.0, which is no longer in force.');
    expect(old.text).toContain('<dt>Version</dt><dd>1.0</dd>');
    expect((await client.http.get('/p/willow-primary/use-of-social-media-policy/archive/1.0.pdf')).headers['content-type']).toBe('application/pdf');
    expect((await client.http.get('/p/willow-primary/use-of-social-media-policy/archive/2.0')).status).toBe(404);
  });

  it('gives 404 for the superseded version once the trust keeps no archive', async () => {
    const admin = new TestClient(app);
    await admin.signIn('admin@leaftrust.example', 'ratify-demo');
    expect((await admin.gql('mutation { setBranding(input: { keepArchive: false }) { keepArchive } }')).errors).toBeUndefined();
    for (const path of ['/p/willow-primary/use-of-social-media-policy/archive', '/p/willow-primary/use-of-social-media-policy/archive/1.0', '/p/willow-primary/use-of-social-media-policy/archive/1.0.pdf']) {
      expect((await client.http.get(path)).status).toBe(404);
    }
    expect((await client.http.get('/p/willow-primary/use-of-social-media-policy')).status).toBe(200);
    expect((await admin.gql('mutation { setBranding(input: { keepArchive: true }) { keepArchive } }')).errors).toBeUndefined();
  });
});

describe('GET /health', () => {
  it('answers 200 when the database is reachable', async () => {
    const response = await client.http.get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });
});
