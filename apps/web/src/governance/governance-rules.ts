/**
 * Settings → Governance as forms: a body (its kind, academy, quorum and members) and an
 * approval route (its stages in order and its options), each checked with the API's own rules
 * before it is sent, with a sentence per field.
 */
import type {
  ApprovalRouteFieldsFragment,
  BodyPosition,
  GovernanceBodyFieldsFragment,
  GovernanceBodyKind,
  LocalAdoption,
  Role,
  SaveApprovalRouteInput,
  SaveGovernanceBodyInput,
  StageAction,
  StageAppliesTo,
} from '../graphql/operations.generated';

export const KIND_LABELS: Record<GovernanceBodyKind, string> = {
  BOARD: 'Board',
  COMMITTEE: 'Committee',
  LOCAL_GOVERNING_BODY: 'Local governing body',
};

export const POSITION_LABELS: Record<BodyPosition, string> = { CHAIR: 'Chair', CLERK: 'Clerk', MEMBER: 'Member' };

export const ACTION_LABELS: Record<StageAction, string> = { APPROVE: 'Approves', RATIFY: 'Ratifies' };

export const APPLIES_TO_LABELS: Record<StageAppliesTo, string> = { ALL_CHANGES: 'Every change', MAJOR_CHANGES: 'Major changes only' };

export const LOCAL_ADOPTION_LABELS: Record<LocalAdoption, string> = {
  NONE: 'Nothing more: the trust’s approval is enough',
  NOTE: 'Each academy’s local governing body notes it',
  ADOPT: 'Each academy’s local governing body adopts it',
};

/** Who may approve a minor change without the stages ('' : nobody, every change goes through them). */
export const MINOR_CHANGE_OPTIONS: { value: Role | ''; label: string }[] = [
  { value: '', label: 'Nobody: minor changes go through the stages too' },
  { value: 'ADMIN', label: 'An admin' },
  { value: 'APPROVER', label: 'An approver' },
];

export interface MemberRow {
  key: number;
  membershipId: string;
  position: BodyPosition;
}

export interface BodyDraft {
  id: string | null;
  name: string;
  kind: GovernanceBodyKind;
  schoolId: string;
  quorum: string;
  members: MemberRow[];
}

export interface StageRow {
  key: number;
  bodyId: string;
  action: StageAction;
  appliesTo: StageAppliesTo;
}

export interface RouteDraft {
  id: string | null;
  name: string;
  isDefault: boolean;
  authorMayApprove: boolean;
  minorChangeRole: Role | '';
  localAdoption: LocalAdoption;
  stages: StageRow[];
}

/** Problems by field, and by row (member or stage) key. */
export interface FormProblems {
  fields: Record<string, string>;
  rows: Record<number, string>;
}

const hasProblems = (problems: FormProblems) => Object.keys(problems.fields).length > 0 || Object.keys(problems.rows).length > 0;

let nextKey = 1;
export const rowKey = () => nextKey++;

export function bodyDraft(body?: GovernanceBodyFieldsFragment): BodyDraft {
  return {
    id: body?.id ?? null,
    name: body?.name ?? '',
    kind: body?.kind ?? 'COMMITTEE',
    schoolId: body?.school?.id ?? '',
    quorum: body?.quorum != null ? String(body.quorum) : '',
    members: (body?.members ?? []).map((member) => ({ key: rowKey(), membershipId: member.membershipId, position: member.position })),
  };
}

export function checkBody(draft: BodyDraft, context: { hasSchools: boolean; otherNames: string[] }): FormProblems {
  const problems: FormProblems = { fields: {}, rows: {} };
  const name = draft.name.trim();
  if (!name) problems.fields.name = 'Enter the body’s name, for example Finance, Audit & Risk Committee.';
  else if (context.otherNames.some((other) => other.toLowerCase() === name.toLowerCase())) problems.fields.name = `There is already a body called “${name}”. Give this one another name.`;
  if (draft.kind === 'LOCAL_GOVERNING_BODY' && context.hasSchools && !draft.schoolId) problems.fields.schoolId = 'Choose the academy this local governing body governs.';
  const seen = new Set<string>();
  for (const member of draft.members) {
    if (!member.membershipId) problems.rows[member.key] = 'Choose a person, or remove this row.';
    else if (seen.has(member.membershipId)) problems.rows[member.key] = 'This person is already on the body: remove this row.';
    seen.add(member.membershipId);
  }
  for (const position of ['CHAIR', 'CLERK'] as const) {
    if (draft.members.filter((member) => member.position === position).length > 1) {
      problems.fields.members = `A body has one ${POSITION_LABELS[position].toLowerCase()}: choose Member for the others.`;
    }
  }
  const quorum = draft.quorum.trim();
  if (quorum && !/^\d+$/.test(quorum)) problems.fields.quorum = 'Enter the quorum as a whole number, for example 3, or leave it empty.';
  else if (quorum && Number(quorum) > draft.members.length) {
    problems.fields.quorum = `A quorum of ${quorum} needs at least ${quorum} members on the body: it has ${draft.members.length}.`;
  }
  return problems;
}

export function bodyInput(draft: BodyDraft): SaveGovernanceBodyInput {
  const quorum = draft.quorum.trim();
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name.trim(),
    kind: draft.kind,
    ...(draft.kind === 'LOCAL_GOVERNING_BODY' && draft.schoolId ? { schoolId: draft.schoolId } : {}),
    quorum: quorum && Number(quorum) > 0 ? Number(quorum) : null,
    members: draft.members.map((member) => ({ membershipId: member.membershipId, position: member.position })),
  };
}

export function routeDraft(route?: ApprovalRouteFieldsFragment): RouteDraft {
  return {
    id: route?.id ?? null,
    name: route?.name ?? '',
    isDefault: route?.isDefault ?? false,
    authorMayApprove: route?.authorMayApprove ?? false,
    minorChangeRole: route?.minorChangeRole ?? '',
    localAdoption: route?.localAdoption ?? 'NONE',
    stages: (route?.stages ?? []).map((stage) => ({ key: rowKey(), bodyId: stage.body.id, action: stage.action, appliesTo: stage.appliesTo })),
  };
}

export function checkRoute(draft: RouteDraft, context: { otherNames: string[] }): FormProblems {
  const problems: FormProblems = { fields: {}, rows: {} };
  const name = draft.name.trim();
  if (!name) problems.fields.name = 'Enter the route’s name, for example Committee recommends, Trust Board ratifies.';
  else if (context.otherNames.some((other) => other.toLowerCase() === name.toLowerCase())) problems.fields.name = `There is already a route called “${name}”. Give this one another name.`;
  if (draft.stages.length === 0) problems.fields.stages = 'Add at least one stage: the body that approves.';
  else if (draft.stages[0]!.action === 'RATIFY') problems.fields.stages = 'The first stage must approve: a body ratifies only what an earlier stage recommended.';
  else if (draft.stages.every((stage) => stage.appliesTo === 'MAJOR_CHANGES')) problems.fields.stages = 'At least one stage must decide every change, minor ones included.';
  const seen = new Set<string>();
  for (const stage of draft.stages) {
    if (!stage.bodyId) problems.rows[stage.key] = 'Choose the body for this stage, or remove it.';
    else if (seen.has(stage.bodyId)) problems.rows[stage.key] = 'This body is already a stage of the route: a body decides once.';
    seen.add(stage.bodyId);
  }
  return problems;
}

export function routeInput(draft: RouteDraft): SaveApprovalRouteInput {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name.trim(),
    isDefault: draft.isDefault,
    authorMayApprove: draft.authorMayApprove,
    minorChangeRole: draft.minorChangeRole || null,
    localAdoption: draft.localAdoption,
    stages: draft.stages.map((stage) => ({ bodyId: stage.bodyId, action: stage.action, appliesTo: stage.appliesTo })),
  };
}

/** The list with the row at `index` moved one place up (-1) or down (+1); the same list at either end. */
export function moveRow<T>(rows: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= rows.length) return [...rows];
  const moved = [...rows];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

export { hasProblems };
