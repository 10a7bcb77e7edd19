/**
 * Upstream updates through the API: a publisher releases a template, a trust clones and edits
 * it, the publisher releases a new version (two clauses changed, one added), and the trust sees
 * exactly those three, takes the untouched clause automatically, decides the one it also edited,
 * and gets a draft recorded as a "model provider update".
 */
import type { INestApplication } from '@nestjs/common';
import { listClauses, type PolicyDocument } from '@ratify/document';
import { policy as document, type SectionSpec } from '../../../libs/merge/src/testing/policies';
import { asOwner, createTenant, startTestApp, TestClient, type TestTenant } from './support/harness';

const V1: SectionSpec[] = [
  { id: 's-intro', heading: 'Introduction', clauses: [['c-commit', 'The Governing Body is committed to the safe use of social media.']] },
  {
    id: 's-staff',
    heading: 'Staff',
    clauses: [
      ['c-scope', 'This policy applies to all staff.'],
      ['c-friends', 'Staff must not accept pupils as friends.'],
      ['c-breach', 'Breaches are dealt with under the disciplinary policy.'],
    ],
  },
];
const V2: SectionSpec[] = [
  { id: 's-intro', heading: 'Introduction', clauses: [['c-commit', 'The Governing Body is committed to the safe and responsible use of social media.']] },
  {
    id: 's-staff',
    heading: 'Staff',
    clauses: [
      ['c-scope', 'This policy applies to all staff.'],
      ['c-report', 'Staff report any concern about a pupil online to the DSL.'],
      ['c-friends', 'Staff must not accept pupils or recent former pupils as friends.'],
      ['c-breach', 'Breaches are dealt with under the disciplinary policy.'],
    ],
  },
];
const TRUST_FRIENDS = 'Staff must never accept pupils as friends or followers.';

let app: INestApplication;
let publisher: TestTenant;
let publisherAdmin: TestClient;
let trust: TestTenant;
let trustAuthor: TestClient;
let policyId: string;

const RELEASE = 'mutation ($input: ReleaseTemplateInput!) { releaseTemplate(input: $input) { id number changeSummary } }';
const COMPARE = `query ($policyId: ID!) { upstreamUpdate(policyId: $policyId) {
  from { number } to { id number } into { id revision status }
  changes { target id change outcome sectionHeading before after conflictId }
  conflicts { id kind target targetId base theirs ours theirsContent }
  keptYours } }`;
const ACCEPT = 'mutation ($input: AcceptUpstreamUpdateInput!) { acceptUpstreamUpdate(input: $input) { id revision status content changeSummary changeOrigin upstream { number } } }';

const clauseText = (content: PolicyDocument, clauseId: string) => listClauses(content).find((entry) => entry.clauseId === clauseId)?.text ?? null;

async function signedIn(tenant: TestTenant): Promise<TestClient> {
  const client = new TestClient(app);
  await client.signIn(tenant.email);
  return client;
}

/** The publisher approves a new text (approval arrives with governance; until then, as the database owner). */
async function publisherApproves(content: PolicyDocument): Promise<void> {
  const draft = await publisherAdmin.gql<{ startDraft: { id: string; revision: number } }>('mutation ($id: ID!) { startDraft(policyId: $id) { id revision } }', { id: publisher.policyId });
  const saved = await publisherAdmin.gql('mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id } }', {
    input: { versionId: draft.data!.startDraft.id, expectedRevision: draft.data!.startDraft.revision, content },
  });
  expect(saved.errors).toBeUndefined();
  await asOwner(async (db) => {
    await db.query(`UPDATE policy_version SET status = 'superseded' WHERE policy_id = $1 AND status = 'approved'`, [publisher.policyId]);
    await db.query(`UPDATE policy_version SET status = 'approved', major = 1, minor = 1, approved_on = '2026-11-01' WHERE id = $1`, [draft.data!.startDraft.id]);
  });
}

async function trustDraft(): Promise<{ id: string; revision: number; content: PolicyDocument; changeOrigin: string | null }> {
  const result = await trustAuthor.gql<{ policy: { draft: { id: string; revision: number; content: PolicyDocument; changeOrigin: string | null } } }>(
    'query ($id: ID!) { policy(id: $id) { draft { id revision content changeOrigin } } }',
    { id: policyId },
  );
  return result.data!.policy.draft;
}

beforeAll(async () => {
  app = await startTestApp();
  [publisher, trust] = await Promise.all([createTenant({ kind: 'publisher', role: 'admin', content: document(V1) }), createTenant({ role: 'author' })]);
  [publisherAdmin, trustAuthor] = await Promise.all([signedIn(publisher), signedIn(trust)]);

  const first = await publisherAdmin.gql<{ releaseTemplate: { id: string; number: string } }>(RELEASE, { input: { policyId: publisher.policyId, changeSummary: 'First release.' } });
  expect(first.data?.releaseTemplate.number).toBe('1.0');
  const clone = await trustAuthor.gql<{ cloneTemplate: { id: string } }>('mutation ($id: ID!) { cloneTemplate(templateVersionId: $id) { id } }', { id: first.data!.releaseTemplate.id });
  policyId = clone.data!.cloneTemplate.id;

  // The trust rewords one clause; the publisher then rewords that one and another, and adds one.
  const draft = await trustDraft();
  const edited = document(V1.map((section) => ({ ...section, clauses: section.clauses.map(([id, text]) => [id, id === 'c-friends' ? TRUST_FRIENDS : text] as const) })));
  expect((await trustAuthor.gql('mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id } }', { input: { versionId: draft.id, expectedRevision: draft.revision, content: edited } })).errors).toBeUndefined();
  await publisherApproves(document(V2));
  const second = await publisherAdmin.gql<{ releaseTemplate: { number: string } }>(RELEASE, { input: { policyId: publisher.policyId, changeSummary: 'KCSIE 2026 wording.' } });
  expect(second.data?.releaseTemplate.number).toBe('1.1');
});
afterAll(() => app.close());

it('offers the new release to the policy cloned from the old one, with exactly the three clauses the publisher changed', async () => {
  const available = await trustAuthor.gql<{ policy: { availableUpdate: { number: string } | null } }>('query ($id: ID!) { policy(id: $id) { availableUpdate { number } } }', { id: policyId });
  expect(available.data?.policy.availableUpdate).toEqual({ number: '1.1' });

  const result = await trustAuthor.gql<{ upstreamUpdate: { from: { number: string }; to: { number: string }; changes: object[]; conflicts: object[]; keptYours: number } }>(COMPARE, { policyId });
  expect(result.errors).toBeUndefined();
  const update = result.data!.upstreamUpdate;
  expect([update.from.number, update.to.number]).toEqual(['1.0', '1.1']);
  expect(update.changes).toEqual([
    {
      target: 'clause',
      id: 'c-commit',
      change: 'changed',
      outcome: 'applied',
      sectionHeading: 'Introduction',
      before: 'The Governing Body is committed to the safe use of social media.',
      after: 'The Governing Body is committed to the safe and responsible use of social media.',
      conflictId: null,
    },
    { target: 'clause', id: 'c-report', change: 'added', outcome: 'applied', sectionHeading: 'Staff', before: null, after: 'Staff report any concern about a pupil online to the DSL.', conflictId: null },
    {
      target: 'clause',
      id: 'c-friends',
      change: 'changed',
      outcome: 'conflict',
      sectionHeading: 'Staff',
      before: 'Staff must not accept pupils as friends.',
      after: 'Staff must not accept pupils or recent former pupils as friends.',
      conflictId: 'clause:c-friends',
    },
  ]);
  expect(update.conflicts).toEqual([
    expect.objectContaining({ id: 'clause:c-friends', kind: 'modify/modify', target: 'clause', targetId: 'c-friends', ours: TRUST_FRIENDS, theirs: 'Staff must not accept pupils or recent former pupils as friends.' }),
  ]);
  expect(update.keptYours).toBe(0);
});

it('refuses a missing decision, a stale comparison and an edit that changes the clause id, and changes nothing', async () => {
  const before = await trustDraft();
  const compared = (await trustAuthor.gql<{ upstreamUpdate: { to: { id: string }; into: { id: string; revision: number } } }>(COMPARE, { policyId })).data!.upstreamUpdate;
  const input = { policyId, templateVersionId: compared.to.id, intoVersionId: compared.into.id, expectedRevision: compared.into.revision };

  const missing = await trustAuthor.gql(ACCEPT, { input: { ...input, resolutions: [] } });
  expect(missing.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', details: { conflictId: 'clause:c-friends', reason: 'MISSING_RESOLUTION' } } });
  const stale = await trustAuthor.gql(ACCEPT, { input: { ...input, expectedRevision: compared.into.revision - 1, resolutions: [{ conflictId: 'clause:c-friends', take: 'ours' }] } });
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  const renamed = { type: 'clause', attrs: { clauseId: 'c-other' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Renamed.' }] }] };
  const badEdit = await trustAuthor.gql(ACCEPT, { input: { ...input, resolutions: [{ conflictId: 'clause:c-friends', edited: renamed }] } });
  expect(badEdit.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', details: { reason: 'CLAUSE_ID_MISMATCH' } } });
  const both = await trustAuthor.gql(ACCEPT, { input: { ...input, resolutions: [{ conflictId: 'clause:c-friends', take: 'ours', edited: renamed }] } });
  expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

  expect(await trustDraft()).toEqual(before);
});

it("hides another organisation's policy, and only publishers release templates", async () => {
  const stranger = await signedIn(await createTenant({ role: 'admin' }));
  expect((await stranger.gql(COMPARE, { policyId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect((await trustAuthor.gql(RELEASE, { input: { policyId, changeSummary: 'Mine now.' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await publisherAdmin.gql(RELEASE, { input: { policyId: publisher.policyId, changeSummary: 'Again.' } })).errors?.[0]).toMatchObject({
    message: 'Release 1.1 already has this text; change the policy before releasing again.',
    extensions: { code: 'CONFLICT' },
  });
});

it('merges into a draft recorded as a model provider update: the untouched clause updated, the conflict decided, the added clause in place', async () => {
  const compared = (await trustAuthor.gql<{ upstreamUpdate: { to: { id: string }; into: { id: string; revision: number } } }>(COMPARE, { policyId })).data!.upstreamUpdate;
  const result = await trustAuthor.gql<{ acceptUpstreamUpdate: { content: PolicyDocument; changeSummary: string; changeOrigin: string; status: string; upstream: { number: string } } }>(ACCEPT, {
    input: { policyId, templateVersionId: compared.to.id, intoVersionId: compared.into.id, expectedRevision: compared.into.revision, resolutions: [{ conflictId: 'clause:c-friends', take: 'ours' }] },
  });
  expect(result.errors).toBeUndefined();
  const draft = result.data!.acceptUpstreamUpdate;
  expect(draft).toMatchObject({ status: 'DRAFT', changeOrigin: 'model-provider-update', upstream: { number: '1.1' } });
  expect(draft.changeSummary).toMatch(/^Updated from Trust trust-[0-9a-f]+'s Social Media Policy of trust-[0-9a-f]+ 1\.0 to 1\.1 \(released \d+ \w+ \d{4}\)\.$/);
  expect(listClauses(draft.content).map((clause) => clause.clauseId)).toEqual(['c-commit', 'c-scope', 'c-report', 'c-friends', 'c-breach']);
  expect(clauseText(draft.content, 'c-commit')).toBe('The Governing Body is committed to the safe and responsible use of social media.');
  expect(clauseText(draft.content, 'c-friends')).toBe(TRUST_FRIENDS);

  const after = await trustAuthor.gql<{ policy: { availableUpdate: null } }>('query ($id: ID!) { policy(id: $id) { availableUpdate { number } } }', { id: policyId });
  expect(after.data?.policy.availableUpdate).toBeNull();
  expect((await trustAuthor.gql(COMPARE, { policyId })).errors?.[0].extensions?.code).toBe('CONFLICT');
});
