/**
 * Governance through the API: bodies and routes set up by an admin, a draft submitted, decided
 * at a meeting with its minute reference, numbered and dated; a committee recommending and the
 * board ratifying; decisions pinned to the text; approved versions frozen in the database;
 * an append-only, verifiable audit trail; redlines and the generated history table.
 */
import type { INestApplication } from '@nestjs/common';
import { listClauses, type PolicyDocument } from '@ratify/document';
import { DataSource } from 'typeorm';
import { policy as document, type SectionSpec } from '../../../libs/merge/src/testing/policies';
import { ENTITIES } from '../src/database/data-sources';
import { PolicyVersionEntity } from '../src/policy/policy-version.entity';
import { addMember, asOwner, asRuntime, createTenant, RUNTIME_URL, signedInAs, startTestApp, TestClient, type TestMember, type TestTenant } from './support/harness';

const V1: SectionSpec[] = [
  { id: 's-intro', heading: 'Introduction', clauses: [['c-commit', 'The Trust is committed to the safe use of social media.']] },
  {
    id: 's-staff',
    heading: 'Staff',
    clauses: [
      ['c-scope', 'This policy applies to all staff.'],
      ['c-friends', 'Staff must not accept pupils as friends.'],
    ],
  },
];
/** V1 with one clause reworded and one added. */
const V11: SectionSpec[] = [
  V1[0]!,
  {
    id: 's-staff',
    heading: 'Staff',
    clauses: [
      ['c-scope', 'This policy applies to all staff.'],
      ['c-friends', 'Staff must not accept pupils or their parents as friends.'],
      ['c-report', 'Staff report any concern about a pupil online to the DSL.'],
    ],
  },
];

const CREATE = 'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id draft { id revision } } }';
const START = 'mutation ($id: ID!) { startDraft(policyId: $id) { id revision } }';
const SAVE = 'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id revision } }';
const BODY = 'mutation ($input: SaveGovernanceBodyInput!) { saveGovernanceBody(input: $input) { id name quorum members { person { id } position } } }';
const ROUTE = 'mutation ($input: SaveApprovalRouteInput!) { saveApprovalRoute(input: $input) { id name isDefault stages { position body { name } action appliesTo } } }';
const SET_ROUTE = 'mutation ($policyId: ID!, $routeId: ID) { setPolicyApprovalRoute(policyId: $policyId, routeId: $routeId) { id approvalRoute { name } } }';
const REQUEST_FIELDS = `id status statusLabel currentStage contentHash submittedContentHash changeSummary changeOrigin changeKind
  stages { position action deciderName decision { outcome decidedOn method minuteReference membersPresent decidedBy { name } contentHash amendedContentHash } }
  version { id number status approvedOn effectiveOn nextReviewOn approvedBy { name } }`;
const SUBMIT = `mutation ($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { ${REQUEST_FIELDS} } }`;
const DECIDE = `mutation ($input: DecideApprovalInput!) { decideApproval(input: $input) { ${REQUEST_FIELDS} } }`;
const POLICY = `query ($id: ID!) { policy(id: $id) {
  currentVersion { id number status approvedOn effectiveOn nextReviewOn changeSummary changeOrigin approvedBy { name } }
  pendingApproval { id statusLabel }
  history { version date change origin approvedBy changedClauseIds }
  versions { id number status } } }`;

interface Stage {
  position: number;
  decision: { outcome: string; decidedOn: string; minuteReference: string | null; contentHash: string; amendedContentHash: string | null } | null;
}
interface Request {
  id: string;
  status: string;
  statusLabel: string;
  currentStage: number | null;
  contentHash: string;
  stages: Stage[];
  version: { id: string; number: string | null; status: string; approvedOn: string | null; effectiveOn: string | null; nextReviewOn: string | null; approvedBy: { name: string } | null };
}

let app: INestApplication;
let tenant: TestTenant;
let admin: TestClient;
let author: TestClient;
let chair: TestClient;
let trustee: TestClient;
let boardChair: TestClient;
let outsider: TestClient;
let people: Record<'author' | 'chair' | 'trustee' | 'boardChair' | 'outsider', TestMember>;
let farId: string;
let boardId: string;
let twoStageRouteId: string;

async function newPolicy(title: string, sections: SectionSpec[] = V1): Promise<{ policyId: string; versionId: string; revision: number }> {
  const created = await author.gql<{ createPolicy: { id: string; draft: { id: string; revision: number } } }>(CREATE, {
    input: { title, content: document(sections), reviewCycleMonths: 24 },
  });
  expect(created.errors).toBeUndefined();
  return { policyId: created.data!.createPolicy.id, versionId: created.data!.createPolicy.draft.id, revision: created.data!.createPolicy.draft.revision };
}

async function submit(client: TestClient, draft: { versionId: string; revision: number }, changeKind = 'MAJOR', changeSummary = 'New policy') {
  return client.gql<{ submitForApproval: Request }>(SUBMIT, { input: { versionId: draft.versionId, expectedRevision: draft.revision, changeSummary, changeOrigin: 'TRUST_DECISION', changeKind } });
}

function decide(client: TestClient, request: Pick<Request, 'id' | 'contentHash' | 'currentStage'>, outcome: string, extra: Record<string, unknown> = {}) {
  return client.gql<{ decideApproval: Request }>(DECIDE, {
    input: { requestId: request.id, stage: request.currentStage, contentHash: request.contentHash, outcome, decidedOn: '2025-01-13', method: 'MEETING', minuteReference: 'FAR/24-25/03/7', membersPresent: 2, ...extra },
  });
}

/** A new draft of an approved policy with the given text. */
async function redraft(policyId: string, sections: SectionSpec[]): Promise<{ versionId: string; revision: number }> {
  const started = await author.gql<{ startDraft: { id: string; revision: number } }>(START, { id: policyId });
  const saved = await author.gql<{ saveDraft: { id: string; revision: number } }>(SAVE, { input: { versionId: started.data!.startDraft.id, expectedRevision: started.data!.startDraft.revision, content: document(sections) } });
  expect(saved.errors).toBeUndefined();
  return { versionId: saved.data!.saveDraft.id, revision: saved.data!.saveDraft.revision };
}

const count = (sql: string, params: unknown[]) => asOwner(async (db) => (await db.query(sql, params)).rows[0].n as number);
const auditCount = (action: string, versionId: string) => count(`SELECT count(*)::int AS n FROM audit_event WHERE action = $1 AND version_id = $2`, [action, versionId]);

beforeAll(async () => {
  app = await startTestApp();
  tenant = await createTenant({ role: 'admin' });
  admin = await signedInAs(app, tenant.email);
  people = {
    author: await addMember(tenant, 'author', { name: 'Olivia Grant' }),
    chair: await addMember(tenant, 'approver', { name: 'Charles Fenwick' }),
    trustee: await addMember(tenant, 'approver', { name: 'Samuel Reed' }),
    boardChair: await addMember(tenant, 'approver', { name: 'Beatrice Hale' }),
    outsider: await addMember(tenant, 'approver', { name: 'Not On Any Body' }),
  };
  [author, chair, trustee, boardChair, outsider] = await Promise.all(
    (['author', 'chair', 'trustee', 'boardChair', 'outsider'] as const).map((key) => signedInAs(app, people[key].email)),
  );
  const far = await admin.gql<{ saveGovernanceBody: { id: string } }>(BODY, {
    input: {
      name: 'Finance, Audit & Risk Committee',
      kind: 'COMMITTEE',
      quorum: 2,
      members: [
        { membershipId: people.chair.membershipId, position: 'CHAIR' },
        { membershipId: people.trustee.membershipId, position: 'MEMBER' },
      ],
    },
  });
  expect(far.errors).toBeUndefined();
  farId = far.data!.saveGovernanceBody.id;
  const board = await admin.gql<{ saveGovernanceBody: { id: string } }>(BODY, {
    input: {
      name: 'Trust Board',
      kind: 'BOARD',
      quorum: 2,
      members: [
        { membershipId: people.boardChair.membershipId, position: 'CHAIR' },
        { membershipId: people.trustee.membershipId, position: 'MEMBER' },
      ],
    },
  });
  boardId = board.data!.saveGovernanceBody.id;
  const single = await admin.gql(ROUTE, {
    input: { name: 'Committee approves', isDefault: true, minorChangeRole: 'ADMIN', stages: [{ bodyId: farId, action: 'APPROVE', appliesTo: 'ALL_CHANGES' }] },
  });
  expect(single.errors).toBeUndefined();
  const twoStage = await admin.gql<{ saveApprovalRoute: { id: string; stages: unknown[] } }>(ROUTE, {
    input: {
      name: 'Committee recommends, board ratifies',
      stages: [
        { bodyId: farId, action: 'APPROVE', appliesTo: 'ALL_CHANGES' },
        { bodyId: boardId, action: 'RATIFY', appliesTo: 'MAJOR_CHANGES' },
      ],
    },
  });
  twoStageRouteId = twoStage.data!.saveApprovalRoute.id;
});
afterAll(() => app.close());

describe("Leaf Trust's story", () => {
  it('goes from draft to v1.0 approved by the committee on 13 January 2025, with its minute reference and a review two years on', async () => {
    const draft = await newPolicy('Use of Social Media Policy');
    const submitted = await submit(author, draft, 'MAJOR', 'New Policy – adopted from existing LA Policy');
    expect(submitted.errors).toBeUndefined();
    const request = submitted.data!.submitForApproval;
    expect(request).toMatchObject({ status: 'OPEN', statusLabel: 'Awaiting approval by Finance, Audit & Risk Committee', currentStage: 1, version: { status: 'IN_APPROVAL', number: null } });
    expect(request.contentHash).toMatch(/^[0-9a-f]{64}$/);

    // Frozen: the draft can no longer be saved.
    const save = await author.gql(SAVE, { input: { versionId: draft.versionId, expectedRevision: draft.revision, content: document(V11) } });
    expect(save.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const second = await author.gql(START, { id: draft.policyId });
    expect(second.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', details: { reason: 'IN_APPROVAL' } } });

    // The chair sees it in the inbox and is told; the author is not asked to decide.
    const inbox = await chair.gql<{ approvalInbox: { id: string }[] }>('{ approvalInbox { id } }');
    expect(inbox.data!.approvalInbox.map((entry) => entry.id)).toContain(request.id);
    expect((await outsider.gql<{ approvalInbox: { id: string }[] }>('{ approvalInbox { id } }')).data!.approvalInbox.map((entry) => entry.id)).not.toContain(request.id);
    const told = await chair.gql<{ notifications: { message: string; link: string }[] }>('{ notifications { message link } }');
    expect(told.data!.notifications).toContainEqual({ message: 'Use of Social Media Policy awaits your decision', link: `/approvals/${request.id}` });
    expect((await chair.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).data!.unreadNotificationCount).toBeGreaterThan(0);
    expect((await chair.gql<{ markNotificationsRead: number }>('mutation { markNotificationsRead(ids: []) }')).data!.markNotificationsRead).toBeGreaterThan(0);
    expect((await chair.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).data!.unreadNotificationCount).toBe(0);

    const decided = await decide(chair, request, 'APPROVED');
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideApproval).toMatchObject({
      status: 'APPROVED',
      statusLabel: 'Approved as version 1.0',
      currentStage: null,
      stages: [{ position: 1, decision: { outcome: 'APPROVED', decidedOn: '2025-01-13', method: 'MEETING', minuteReference: 'FAR/24-25/03/7', membersPresent: 2, decidedBy: { name: 'Charles Fenwick' } } }],
      version: { number: '1.0', status: 'APPROVED', approvedOn: '2025-01-13', effectiveOn: '2025-01-13', nextReviewOn: '2027-01-13', approvedBy: { name: 'Finance, Audit & Risk Committee' } },
    });

    const policy = await author.gql<{ policy: { currentVersion: unknown; pendingApproval: unknown; history: unknown[] } }>(POLICY, { id: draft.policyId });
    expect(policy.data!.policy.pendingApproval).toBeNull();
    expect(policy.data!.policy.history).toEqual([
      {
        version: '1.0',
        date: '2025-01-13',
        change: 'New Policy – adopted from existing LA Policy',
        origin: 'TRUST_DECISION',
        approvedBy: 'Finance, Audit & Risk Committee',
        changedClauseIds: ['c-commit', 'c-scope', 'c-friends'],
      },
    ]);
    const authorTold = await author.gql<{ notifications: { message: string }[] }>('{ notifications { message } }');
    expect(authorTold.data!.notifications.map((entry) => entry.message)).toContain('Use of Social Media Policy: Finance, Audit & Risk Committee approved it');
    const outbox = await admin.gql<{ outbox: { delivering: boolean; emails: { to: string; subject: string; sentAt: string | null }[] } }>('{ outbox { delivering emails { to subject sentAt } } }');
    expect(outbox.data!.outbox.delivering).toBe(false);
    expect(outbox.data!.outbox.emails).toEqual(
      expect.arrayContaining([
        { to: people.chair.email, subject: 'Use of Social Media Policy awaits your decision', sentAt: null },
        { to: people.author.email, subject: 'Use of Social Media Policy: Finance, Audit & Risk Committee approved it', sentAt: null },
      ]),
    );

    // The audit trail: submitted, decided, approved, each pinned to the hash; exportable as CSV.
    const audit = await chair.gql<{ auditEvents: { action: string; actor: string; versionNumber: string; contentHash: string }[] }>(
      'query ($id: ID) { auditEvents(policyId: $id) { action actor versionNumber contentHash } }',
      { id: draft.policyId },
    );
    expect(audit.data!.auditEvents).toEqual([
      { action: 'approval.submitted', actor: 'Olivia Grant', versionNumber: '1.0', contentHash: request.contentHash },
      { action: 'approval.decided', actor: 'Charles Fenwick', versionNumber: '1.0', contentHash: request.contentHash },
      { action: 'version.approved', actor: 'Charles Fenwick', versionNumber: '1.0', contentHash: request.contentHash },
    ]);
    const csv = await chair.http.get(`/api/policies/${draft.policyId}/audit.csv`).set('Cookie', chair.cookieHeader());
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('Sequence,When (UTC),Who,Action,Policy,Version,Content SHA-256,Details');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(',Charles Fenwick,approval.decided,Use of Social Media Policy,1.0,');
    expect(lines[2]).toContain('FAR/24-25/03/7');
    expect((await author.http.get(`/api/policies/${draft.policyId}/audit.csv`).set('Cookie', author.cookieHeader())).status).toBe(403);
  });
});

describe('a two-stage route', () => {
  it('has the committee recommend and the board ratify, reading "awaiting ratification" in between; a minor change skips the board', async () => {
    const draft = await newPolicy('Whistleblowing Policy');
    expect((await admin.gql(SET_ROUTE, { policyId: draft.policyId, routeId: twoStageRouteId })).errors).toBeUndefined();
    const request = (await submit(author, draft)).data!.submitForApproval;
    expect(request.statusLabel).toBe('Awaiting approval by Finance, Audit & Risk Committee');

    const tooSoon = await decide(chair, request, 'APPROVED');
    expect(tooSoon.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringContaining('recommends') });
    const recommended = await decide(chair, request, 'RECOMMENDED');
    expect(recommended.errors).toBeUndefined();
    expect(recommended.data!.decideApproval).toMatchObject({ status: 'OPEN', currentStage: 2, statusLabel: 'Awaiting ratification by Trust Board', version: { status: 'IN_APPROVAL' } });
    const between = await author.gql<{ policy: { pendingApproval: { statusLabel: string }; currentVersion: { status: string } } }>(POLICY, { id: draft.policyId });
    expect(between.data!.policy.pendingApproval.statusLabel).toBe('Awaiting ratification by Trust Board');

    // The committee chair is not on the board; the board cannot date its ratification before the recommendation.
    const next = recommended.data!.decideApproval;
    expect((await decide(chair, next, 'APPROVED')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const early = await decide(boardChair, next, 'APPROVED', { decidedOn: '2025-01-01', minuteReference: 'TB/24-25/04/2' });
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'The decision cannot be dated before the previous stage\'s, on 13 January 2025.' });
    const ratified = await decide(boardChair, next, 'APPROVED', { decidedOn: '2025-02-03', minuteReference: 'TB/24-25/04/2' });
    expect(ratified.errors).toBeUndefined();
    expect(ratified.data!.decideApproval).toMatchObject({
      status: 'APPROVED',
      version: { number: '1.0', approvedOn: '2025-02-03', nextReviewOn: '2027-02-03', approvedBy: { name: 'Finance, Audit & Risk Committee' } },
    });

    // A minor change goes to the committee alone (the board ratifies major changes only).
    const minor = await redraft(draft.policyId, V11);
    const minorRequest = (await submit(author, minor, 'MINOR', 'Parents added; reporting to the DSL')).data!.submitForApproval;
    expect(minorRequest.stages).toHaveLength(1);
    const approved = await decide(chair, minorRequest, 'APPROVED', { decidedOn: '2025-06-10' });
    expect(approved.data!.decideApproval.version).toMatchObject({ number: '1.1', nextReviewOn: '2027-06-10' });
    const versions = await author.gql<{ policy: { versions: { number: string; status: string }[] } }>(POLICY, { id: draft.policyId });
    expect(versions.data!.policy.versions.map((version) => [version.number, version.status])).toEqual([
      ['1.1', 'APPROVED'],
      ['1.0', 'SUPERSEDED'],
    ]);
  });

  it('lets a minor change be approved by the delegated role where the route allows it', async () => {
    const draft = await newPolicy('Charging and Remissions Policy');
    const first = (await submit(author, draft)).data!.submitForApproval;
    await decide(chair, first, 'APPROVED');
    const typo = await redraft(draft.policyId, V11);
    const request = (await submit(author, typo, 'MINOR', 'Contact details')).data!.submitForApproval;
    expect(request.statusLabel).toBe('Awaiting approval by an admin (a minor change)');
    expect((await decide(chair, request, 'APPROVED')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const meeting = await decide(admin, request, 'APPROVED');
    expect(meeting.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const delegated = await decide(admin, request, 'APPROVED', { method: 'DELEGATED', minuteReference: null, membersPresent: null, decidedOn: '2025-03-01' });
    expect(delegated.errors).toBeUndefined();
    expect(delegated.data!.decideApproval.version).toMatchObject({ number: '1.1', approvedBy: null });
  });
});

describe('decisions are pinned, single and idempotent', () => {
  it('refuses to approve a version whose text changed after it was submitted, and records nothing', async () => {
    const draft = await newPolicy('Online Safety Policy');
    const request = (await submit(author, draft)).data!.submitForApproval;
    const tampered = document(V11);
    await asOwner((db) => db.query(`UPDATE policy_version SET content = $1 WHERE id = $2`, [JSON.stringify(tampered), draft.versionId]));
    const refused = await decide(chair, request, 'APPROVED');
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', details: { reason: 'CONTENT_CHANGED' } }, message: expect.stringContaining('changed after it was sent for approval') });
    const stale = await decide(chair, { ...request, contentHash: 'a'.repeat(64) }, 'APPROVED');
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await count(`SELECT count(*)::int AS n FROM approval_decision WHERE request_id = $1`, [request.id])).toBe(0);
    expect(await auditCount('approval.decided', draft.versionId)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM policy_version WHERE id = $1 AND status = 'in_approval'`, [draft.versionId])).toBe(1);
  });

  it('gives one outcome and one set of events when two approvers decide at once, and the same answer when asked twice', async () => {
    const draft = await newPolicy('Data Protection Policy');
    const request = (await submit(author, draft)).data!.submitForApproval;
    const [first, second] = await Promise.all([decide(chair, request, 'APPROVED'), decide(trustee, request, 'APPROVED')]);
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(first.data!.decideApproval.version.number).toBe('1.0');
    expect(second.data!.decideApproval).toEqual(first.data!.decideApproval);
    const again = await decide(chair, request, 'APPROVED');
    expect(again.data!.decideApproval).toEqual(first.data!.decideApproval);
    expect(await count(`SELECT count(*)::int AS n FROM approval_decision WHERE request_id = $1`, [request.id])).toBe(1);
    expect(await auditCount('approval.decided', draft.versionId)).toBe(1);
    expect(await auditCount('version.approved', draft.versionId)).toBe(1);

    const other = await newPolicy('Complaints Policy');
    const contested = (await submit(author, other)).data!.submitForApproval;
    const results = await Promise.all([decide(chair, contested, 'APPROVED'), decide(trustee, contested, 'REJECTED')]);
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
    expect(await count(`SELECT count(*)::int AS n FROM approval_decision WHERE request_id = $1`, [contested.id])).toBe(1);
    expect(await auditCount('approval.decided', other.versionId)).toBe(1);
  });

  it('keeps the author, people off the body, missing quorum, minutes and future dates out', async () => {
    const draft = await newPolicy('Attendance Policy');
    const request = (await submit(admin, draft)).data!.submitForApproval;
    // The admin is the submitter: even on the committee, they may not decide.
    await admin.gql(BODY, {
      input: {
        id: farId,
        name: 'Finance, Audit & Risk Committee',
        kind: 'COMMITTEE',
        quorum: 2,
        members: [
          { membershipId: people.chair.membershipId, position: 'CHAIR' },
          { membershipId: people.trustee.membershipId, position: 'MEMBER' },
          { membershipId: (await memberships())[tenant.email]!, position: 'CLERK' },
        ],
      },
    });
    const own = await decide(admin, request, 'APPROVED');
    expect(own.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringContaining('You wrote this version') });
    expect((await decide(outsider, request, 'APPROVED')).errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'Only members of Finance, Audit & Risk Committee record its decisions.' });
    expect((await decide(author, request, 'APPROVED')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await decide(chair, request, 'APPROVED', { membersPresent: 1 })).errors?.[0]).toMatchObject({
      message: 'The meeting was not quorate: Finance, Audit & Risk Committee needs 2 members present, and 1 were.',
      extensions: { code: 'BAD_USER_INPUT', details: { reason: 'NOT_QUORATE' } },
    });
    expect((await decide(chair, request, 'APPROVED', { minuteReference: null })).errors?.[0]?.message).toBe('Give the minute reference of the meeting that decided.');
    expect((await decide(chair, request, 'APPROVED', { decidedOn: '2026-11-22' })).errors?.[0]?.message).toBe('A decision cannot be dated in the future.');
    expect((await decide(trustee, request, 'APPROVED', { method: 'CHAIRS_ACTION' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await decide(chair, request, 'RECOMMENDED')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count(`SELECT count(*)::int AS n FROM approval_decision WHERE request_id = $1`, [request.id])).toBe(0);
    const byChair = await decide(chair, request, 'APPROVED', { method: 'CHAIRS_ACTION', minuteReference: null, membersPresent: null });
    expect(byChair.errors).toBeUndefined();
  });

  it('sends a draft back for changes, takes it again, and approves it with the amendments agreed at the meeting', async () => {
    const draft = await newPolicy('Staff Code of Conduct');
    const request = (await submit(author, draft)).data!.submitForApproval;
    const back = await decide(chair, request, 'CHANGES_REQUESTED', { note: 'Say who to report to.' });
    expect(back.data!.decideApproval).toMatchObject({ status: 'CHANGES_REQUESTED', version: { status: 'DRAFT' } });
    const revision = (await author.gql<{ policy: { versions: { id: string; status: string }[] } }>(POLICY, { id: draft.policyId })).data!.policy.versions[0]!;
    expect(revision.status).toBe('DRAFT');
    const current = await asOwner(async (db) => (await db.query(`SELECT revision FROM policy_version WHERE id = $1`, [draft.versionId])).rows[0].revision as number);
    const resubmitted = (await submit(author, { versionId: draft.versionId, revision: current })).data!.submitForApproval;

    const amended = document(V11);
    const approved = await decide(chair, resubmitted, 'APPROVED_WITH_AMENDMENTS', { amendedContent: amended });
    expect(approved.errors).toBeUndefined();
    const decision = approved.data!.decideApproval.stages[0]!.decision!;
    expect(decision.contentHash).toBe(resubmitted.contentHash);
    expect(decision.amendedContentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(decision.amendedContentHash).not.toBe(resubmitted.contentHash);
    expect(approved.data!.decideApproval.contentHash).toBe(decision.amendedContentHash);
    const stored = await asOwner(async (db) => (await db.query(`SELECT content, content_hash FROM policy_version WHERE id = $1`, [draft.versionId])).rows[0]);
    expect(listClauses(stored.content as PolicyDocument).map((clause) => clause.text)).toEqual(listClauses(amended).map((clause) => clause.text));
    expect(stored.content_hash).toBe(decision.amendedContentHash);
  });

  it('lets the author withdraw, returning the version to draft', async () => {
    const draft = await newPolicy('Lettings Policy');
    const request = (await submit(author, draft)).data!.submitForApproval;
    const withdrawn = await author.gql<{ withdrawApproval: Request }>(`mutation ($id: ID!) { withdrawApproval(requestId: $id) { ${REQUEST_FIELDS} } }`, { id: request.id });
    expect(withdrawn.data!.withdrawApproval).toMatchObject({ status: 'WITHDRAWN', statusLabel: 'Withdrawn by the author', version: { status: 'DRAFT' } });
    expect((await decide(chair, request, 'APPROVED')).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('school copies', () => {
  it('move on to the newly approved version where their changes carry cleanly, and wait for re-confirmation where the trust changed the same clause', async () => {
    const draft = await newPolicy('Mobile Phones Policy');
    await decide(chair, (await submit(author, draft)).data!.submitForApproval, 'APPROVED');
    const secondSchool = await asOwner(async (db) => {
      await db.query('BEGIN');
      const id = (await db.query(`INSERT INTO organisation (kind, slug, name, parent_id) VALUES ('school', $1, 'Second Academy', $2) RETURNING id`, [`${tenant.schoolSlug}-2`, tenant.organisationId])).rows[0].id;
      await db.query('COMMIT');
      return id as string;
    });
    const SAVE_COPY = 'mutation ($input: SaveSchoolVariantInput!) { saveSchoolVariant(input: $input) { basedOnVersionId } }';
    for (const [schoolId, clauseId] of [
      [tenant.schoolId, 'c-friends'],
      [secondSchool, 'c-scope'],
    ]) {
      const saved = await admin.gql(SAVE_COPY, { input: { policyId: draft.policyId, schoolId, overrides: [{ clauseId, kind: 'omit' }] } });
      expect(saved.errors).toBeUndefined();
    }
    const next = await redraft(draft.policyId, V11);
    const approved = await decide(chair, (await submit(author, next, 'MAJOR', 'Parents; reporting')).data!.submitForApproval, 'APPROVED');
    expect(approved.data!.decideApproval.version.number).toBe('2.0');
    const copies = await asOwner(
      async (db) =>
        (await db.query(`SELECT school_id, based_on_version_id, overrides FROM school_variant WHERE policy_id = $1 ORDER BY school_id = $2 DESC`, [draft.policyId, tenant.schoolId])).rows,
    );
    expect(copies).toEqual([
      { school_id: tenant.schoolId, based_on_version_id: draft.versionId, overrides: [{ clauseId: 'c-friends', kind: 'omit' }] },
      { school_id: secondSchool, based_on_version_id: next.versionId, overrides: [{ clauseId: 'c-scope', kind: 'omit' }] },
    ]);
    const VARIANT = 'query ($p: ID!, $s: ID!) { schoolVariant(policyId: $p, schoolId: $s) { needsReconfirmation { clauseId reason } } }';
    const waiting = await admin.gql<{ schoolVariant: { needsReconfirmation: { clauseId: string }[] } }>(VARIANT, { p: draft.policyId, s: tenant.schoolId });
    expect(waiting.data!.schoolVariant.needsReconfirmation.map((entry) => entry.clauseId)).toEqual(['c-friends']);
  });
});

describe('approved versions are frozen', () => {
  let versionId: string;
  beforeAll(async () => {
    const draft = await newPolicy('Freedom of Information Policy');
    await decide(chair, (await submit(author, draft)).data!.submitForApproval, 'APPROVED');
    versionId = draft.versionId;
  });

  it('refuses a change through the API', async () => {
    const save = await author.gql(SAVE, { input: { versionId, expectedRevision: 1, content: document(V11) } });
    expect(save.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses a change through a repository save as the runtime role', async () => {
    const dataSource = new DataSource({ type: 'postgres', url: RUNTIME_URL(), entities: ENTITIES });
    await dataSource.initialize();
    try {
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.query(`SELECT set_config('app.organisation_id', $1, true)`, [tenant.organisationId]);
          const version = await manager.findOneByOrFail(PolicyVersionEntity, { id: versionId });
          version.content = document(V11);
          await manager.save(version);
        }),
      ).rejects.toThrow(/an approved version cannot be changed/);
    } finally {
      await dataSource.destroy();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE in SQL, by the runtime role and by the owner', async () => {
    await asRuntime(tenant.organisationId, async (db) => {
      await db.query('SAVEPOINT s');
      await expect(db.query(`UPDATE policy_version SET change_summary = 'edited' WHERE id = $1`, [versionId])).rejects.toThrow(/cannot be changed/);
      await db.query('ROLLBACK TO s');
      await expect(db.query(`DELETE FROM policy_version WHERE id = $1`, [versionId])).rejects.toThrow(/permission denied|cannot be changed/);
      await db.query('ROLLBACK TO s');
      await expect(db.query(`TRUNCATE policy_version CASCADE`)).rejects.toThrow(/permission denied/);
    });
    await asOwner(async (db) => {
      await expect(db.query(`UPDATE policy_version SET status = 'draft' WHERE id = $1`, [versionId])).rejects.toThrow(/cannot be changed/);
      await expect(db.query(`DELETE FROM policy_version WHERE id = $1`, [versionId])).rejects.toThrow(/cannot be changed/);
      await expect(db.query(`BEGIN; TRUNCATE policy_version CASCADE; ROLLBACK;`)).rejects.toThrow(/cannot be truncated|append-only/);
      await db.query('ROLLBACK');
    });
    expect(await count(`SELECT count(*)::int AS n FROM policy_version WHERE id = $1 AND status = 'approved' AND change_summary = 'New policy'`, [versionId])).toBe(1);
  });
});

describe('the audit trail', () => {
  it('cannot be changed by the runtime role or the owner, and a change behind the database\'s back breaks the chain', async () => {
    await asRuntime(tenant.organisationId, async (db) => {
      await db.query('SAVEPOINT s');
      await expect(db.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/permission denied/);
      await db.query('ROLLBACK TO s');
      await expect(db.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    });
    await asOwner(async (db) => {
      await expect(db.query(`UPDATE audit_event SET action = 'x' WHERE organisation_id = $1`, [tenant.organisationId])).rejects.toThrow(/append-only/);
      await expect(db.query(`DELETE FROM approval_decision WHERE organisation_id = $1`, [tenant.organisationId])).rejects.toThrow(/append-only/);
    });
    const CHECK = '{ auditChainCheck { events intact brokenAt } }';
    const before = await admin.gql<{ auditChainCheck: { events: number; intact: boolean } }>(CHECK);
    expect(before.data!.auditChainCheck).toMatchObject({ intact: true, brokenAt: null });
    expect(before.data!.auditChainCheck.events).toBeGreaterThan(5);
    await asOwner(async (db) => {
      // Only a superuser can do this (the app never connects as one): triggers off, one row edited.
      await db.query('BEGIN');
      await db.query(`SET LOCAL session_replication_role = replica`);
      await db.query(`UPDATE audit_event SET details = details || '{"minuteReference": "forged"}' WHERE organisation_id = $1 AND seq = 3`, [tenant.organisationId]);
      await db.query('COMMIT');
    });
    const after = await admin.gql<{ auditChainCheck: { intact: boolean; brokenAt: number } }>(CHECK);
    expect(after.data!.auditChainCheck).toMatchObject({ intact: false, brokenAt: 3 });
  });
});

describe('redlines and history', () => {
  it('shows exactly the reworded clause and the added one between v1.0 and v1.1, in the API and on the request', async () => {
    const draft = await newPolicy('Acceptable Use Policy');
    await decide(chair, (await submit(author, draft)).data!.submitForApproval, 'APPROVED');
    const next = await redraft(draft.policyId, V11);
    const request = (await submit(author, next, 'MINOR', 'Parents; reporting to the DSL')).data!.submitForApproval;
    const REDLINE = 'counts { changed added removed moved unchanged } sections { sectionId } clauses { clauseId change moved sectionHeading before after words { change text } }';
    const onRequest = await chair.gql<{ approvalRequest: { redline: { clauses: { clauseId: string; change: string }[] } } }>(
      `query ($id: ID!) { approvalRequest(id: $id) { redline { ${REDLINE} } } }`,
      { id: request.id },
    );
    // A minor change: on this route an admin approves it without the committee.
    expect((await decide(admin, request, 'APPROVED', { decidedOn: '2025-09-01', method: 'DELEGATED', minuteReference: null, membersPresent: null })).errors).toBeUndefined();
    const compared = await author.gql<{ compareVersions: { counts: unknown; sections: unknown[]; clauses: { clauseId: string; change: string; words: { change: string; text: string }[] | null }[] } }>(
      `query ($from: ID!, $to: ID!) { compareVersions(fromVersionId: $from, toVersionId: $to) { from { number } to { number } ${REDLINE} } }`,
      { from: draft.versionId, to: next.versionId },
    );
    expect(compared.errors).toBeUndefined();
    const redline = compared.data!.compareVersions;
    expect(redline).toMatchObject({ from: { number: '1.0' }, to: { number: '1.1' }, counts: { changed: 1, added: 1, removed: 0, moved: 0, unchanged: 2 }, sections: [] });
    expect(redline.clauses.map((clause) => [clause.clauseId, clause.change])).toEqual([
      ['c-friends', 'changed'],
      ['c-report', 'added'],
    ]);
    expect(redline.clauses[0]!.words!.filter((part) => part.change !== 'same')).toEqual([{ change: 'added', text: 'or their parents ' }]);
    expect(onRequest.data!.approvalRequest.redline.clauses.map((clause) => [clause.clauseId, clause.change])).toEqual(redline.clauses.map((clause) => [clause.clauseId, clause.change]));

    const history = await author.gql<{ policy: { history: { version: string; change: string; changedClauseIds: string[] }[] } }>(POLICY, { id: draft.policyId });
    expect(history.data!.policy.history.map((row) => [row.version, row.change, row.changedClauseIds])).toEqual([
      ['1.0', 'New policy', ['c-commit', 'c-scope', 'c-friends']],
      ['1.1', 'Parents; reporting to the DSL', ['c-friends', 'c-report']],
    ]);
  });
});

describe('bad input and other tenants', () => {
  it('refuses a bad body or route with a typed error and changes nothing', async () => {
    const bodies = () => count(`SELECT count(*)::int AS n FROM governance_body WHERE organisation_id = $1`, [tenant.organisationId]);
    const before = await bodies();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Trust Board', kind: 'BOARD', members: [] }, 'There is already a body called "Trust Board".'],
      [
        {
          name: 'Pay Committee',
          kind: 'COMMITTEE',
          members: [
            { membershipId: people.chair.membershipId, position: 'CHAIR' },
            { membershipId: people.trustee.membershipId, position: 'CHAIR' },
          ],
        },
        'A body has one chair.',
      ],
      [{ name: 'Pay Committee', kind: 'COMMITTEE', quorum: 3, members: [{ membershipId: people.chair.membershipId, position: 'CHAIR' }] }, 'A quorum of 3 needs at least 3 members on the body.'],
      [{ name: 'Pay Committee', kind: 'COMMITTEE', members: [{ membershipId: (await createTenant()).organisationId, position: 'MEMBER' }] }, 'Some of the people chosen are not members of this organisation.'],
    ];
    for (const [input, message] of cases) {
      const result = await admin.gql(BODY, { input });
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(await bodies()).toBe(before);
    const routes: [Record<string, unknown>, string][] = [
      [{ name: 'Empty', stages: [] }, 'A route needs at least one stage: the body that approves.'],
      [{ name: 'Backwards', stages: [{ bodyId: boardId, action: 'RATIFY', appliesTo: 'ALL_CHANGES' }] }, 'The first stage approves; ratifying comes after a body has recommended.'],
    ];
    for (const [input, message] of routes) expect((await admin.gql(ROUTE, { input })).errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    expect((await author.gql(BODY, { input: { name: 'Mine', kind: 'COMMITTEE', members: [] } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to submit without a route, an empty change summary or an unchanged text', async () => {
    const bare = await createTenant({ role: 'author' });
    const bareAuthor = await signedInAs(app, bare.email);
    const created = await bareAuthor.gql<{ createPolicy: { draft: { id: string; revision: number } } }>(CREATE, { input: { title: 'Anything', content: document(V1) } });
    const draft = { versionId: created.data!.createPolicy.draft.id, revision: created.data!.createPolicy.draft.revision };
    expect((await submit(bareAuthor, draft)).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', details: { reason: 'NO_ROUTE' } } });
    expect((await submit(bareAuthor, draft, 'MAJOR', '   ')).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'Say what changed: it goes in the history table.' });

    const approvedPolicy = await newPolicy('Uniform Policy');
    await decide(chair, (await submit(author, approvedPolicy)).data!.submitForApproval, 'APPROVED');
    const unchanged = await author.gql<{ startDraft: { id: string; revision: number } }>(START, { id: approvedPolicy.policyId });
    const same = await submit(author, { versionId: unchanged.data!.startDraft.id, revision: unchanged.data!.startDraft.revision });
    expect(same.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', details: { reason: 'NO_CHANGE' } }, message: 'This draft is the same as version 1.0: there is no change to approve.' });
  });

  it("shows another tenant's requests, versions and audit trail to no one", async () => {
    const draft = await newPolicy('Exclusions Policy');
    const request = (await submit(author, draft)).data!.submitForApproval;
    const other = await createTenant({ role: 'admin' });
    const stranger = await signedInAs(app, other.email);
    const cases = [
      stranger.gql('query ($id: ID!) { approvalRequest(id: $id) { id } }', { id: request.id }),
      decide(stranger, request, 'APPROVED'),
      stranger.gql('mutation ($id: ID!) { withdrawApproval(requestId: $id) { id } }', { id: request.id }),
      stranger.gql('mutation ($input: CommentOnApprovalInput!) { commentOnApproval(input: $input) { id } }', { input: { requestId: request.id, body: 'Hello' } }),
      stranger.gql('query ($a: ID!, $b: ID!) { compareVersions(fromVersionId: $a, toVersionId: $b) { counts { changed } } }', { a: other.versionId, b: draft.versionId }),
      stranger.gql('query ($id: ID) { auditEvents(policyId: $id) { action } }', { id: draft.policyId }),
      stranger.gql('mutation ($p: ID!) { setPolicyApprovalRoute(policyId: $p, routeId: null) { id } }', { p: draft.policyId }),
    ];
    for (const result of await Promise.all(cases)) expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await stranger.http.get(`/api/policies/${draft.policyId}/audit.csv`).set('Cookie', stranger.cookieHeader())).status).toBe(404);
    expect((await stranger.gql<{ approvalInbox: unknown[] }>('{ approvalInbox { id } }')).data!.approvalInbox).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM approval_request WHERE id = $1 AND status = 'open'`, [request.id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM approval_comment WHERE request_id = $1`, [request.id])).toBe(0);
  });
});

async function memberships(): Promise<Record<string, string>> {
  return asOwner(async (db) => {
    const rows = (await db.query(`SELECT p.email, m.id FROM membership m JOIN person p ON p.id = m.person_id WHERE m.organisation_id = $1`, [tenant.organisationId])).rows;
    return Object.fromEntries(rows.map((row: { email: string; id: string }) => [row.email, row.id]));
  });
}
