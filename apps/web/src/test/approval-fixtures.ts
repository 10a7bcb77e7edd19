/** Approval requests as the API sends them: Leaf Trust's two-stage route (the committee recommends, the board ratifies). */
import type { ApprovalRequestQuery, ApprovalRouteFieldsFragment, ApprovalSummaryFieldsFragment } from '../graphql/operations.generated';
import { aRedline } from './redline-fixtures';

type Stage = ApprovalSummaryFieldsFragment['stages'][number];
type Decision = NonNullable<Stage['decision']>;

export const farStage: Stage = { position: 1, action: 'APPROVE', bodyId: 'far', deciderName: 'Finance, Audit & Risk Committee', delegatedRole: null, decision: null };
export const boardStage: Stage = { position: 2, action: 'RATIFY', bodyId: 'board', deciderName: 'Trust Board', delegatedRole: null, decision: null };

export const farRecommended: Decision = {
  id: 'd-1',
  outcome: 'RECOMMENDED',
  decidedOn: '2026-11-10',
  method: 'MEETING',
  minuteReference: 'FAR/26-27/02/4',
  membersPresent: 3,
  note: null,
  recordedAt: '2026-11-10T17:05:00Z',
  decidedBy: { id: 'p-charles', name: 'Charles Fenwick' },
};

export function aRequestSummary(overrides: Partial<ApprovalSummaryFieldsFragment> = {}): ApprovalSummaryFieldsFragment {
  return {
    id: 'r-1',
    status: 'OPEN',
    statusLabel: 'Awaiting approval by Finance, Audit & Risk Committee',
    currentStage: 1,
    changeSummary: 'Online conduct and reporting to the DSL',
    changeOrigin: 'LEGISLATION_OR_GUIDANCE',
    changeKind: 'MAJOR',
    submittedBy: { id: 'p-olivia', name: 'Olivia Grant' },
    submittedAt: '2026-11-09T09:30:00Z',
    closedAt: null,
    stages: [farStage, boardStage],
    ...overrides,
  };
}

/** The request page's answer: at the committee's stage unless overridden; the viewer (person-1, aViewer's) may decide. */
export function aRequestPage(overrides: Partial<ApprovalRequestQuery['approvalRequest']> = {}, chair = false): ApprovalRequestQuery {
  return {
    approvalRequest: {
      ...aRequestSummary(),
      contentHash: 'a'.repeat(64),
      policy: { id: 'p-1', title: 'Use of Social Media Policy', numbering: 'NUMBERED' },
      version: { id: 'v-2', number: null, status: 'IN_APPROVAL', html: '<p>Staff keep a professional distance from pupils online.</p>' },
      redline: aRedline(),
      comments: [{ id: 'cm-1', clauseId: 'c1', body: 'Does “online” cover gaming?', author: { id: 'p-samuel', name: 'Samuel Reed' }, createdAt: '2026-11-09T11:00:00Z' }],
      myDecisionRight: { allowed: true, reason: null },
      ...overrides,
    },
    governanceBodies: [
      {
        id: 'far',
        quorum: 2,
        members: [
          { person: { id: chair ? 'person-1' : 'p-charles' }, position: 'CHAIR' },
          { person: { id: 'p-alex' }, position: 'CLERK' },
          { person: { id: chair ? 'p-samuel' : 'person-1' }, position: 'MEMBER' },
        ],
      },
      { id: 'board', quorum: 2, members: [{ person: { id: 'p-beatrice' }, position: 'CHAIR' }, { person: { id: 'person-1' }, position: 'MEMBER' }] },
    ],
  };
}

/** "Committee recommends, Trust Board ratifies": the board only for major changes, an admin for minor ones. */
export function aTwoStageRoute(): ApprovalRouteFieldsFragment {
  return {
    id: 'route-2',
    name: 'Committee recommends, Trust Board ratifies',
    isDefault: false,
    authorMayApprove: false,
    minorChangeRole: 'ADMIN',
    localAdoption: 'NONE',
    stages: [
      { position: 1, action: 'APPROVE', appliesTo: 'ALL_CHANGES', body: { id: 'far', name: 'Finance, Audit & Risk Committee' } },
      { position: 2, action: 'RATIFY', appliesTo: 'MAJOR_CHANGES', body: { id: 'board', name: 'Trust Board' } },
    ],
  };
}
