/**
 * The decision form's rules, as the API applies them (record-decision.command): which outcomes
 * fit the stage, how the decision may have been taken, what a meeting must record, the dates;
 * and the request sent, with only the fields that belong to the choices made.
 */
import { formatUkDate } from '../format/dates';
import type { DecideApprovalInput, DecisionMethod, DecisionOutcome, StageAction } from '../graphql/operations.generated';
import { METHOD_LABELS } from './approval-labels';

export interface StageView {
  position: number;
  action: StageAction;
  deciderName: string;
  bodyId?: string | null;
  delegatedRole: unknown;
  decision: { decidedOn: string } | null;
}

export interface DecisionContext {
  stages: StageView[];
  currentStage: number;
  /** The deciding body: its quorum, how many members it has, and whether the person is its chair. Null for a delegated stage. */
  body: { quorum: number | null; memberCount: number; iAmChair: boolean } | null;
  /** "YYYY-MM-DD": a decision cannot be dated later. */
  today: string;
}

export interface DecisionForm {
  outcome: DecisionOutcome | null;
  decidedOn: string;
  method: DecisionMethod | null;
  minuteReference: string;
  membersPresent: string;
  note: string;
  effectiveOn: string;
  /** How many clauses the approver amended (for "approve with amendments"). */
  amendedClauses: number;
}

export type DecisionField = keyof Omit<DecisionForm, 'amendedClauses'> | 'amendments';
export type DecisionProblems = Partial<Record<DecisionField, string>>;

export function currentStageOf(context: Pick<DecisionContext, 'stages' | 'currentStage'>): StageView | undefined {
  return context.stages.find((stage) => stage.position === context.currentStage);
}

function nextStageOf(context: Pick<DecisionContext, 'stages' | 'currentStage'>): StageView | undefined {
  return context.stages.find((stage) => stage.position === context.currentStage + 1);
}

export function isApproval(outcome: DecisionOutcome | null): boolean {
  return outcome === 'APPROVED' || outcome === 'APPROVED_WITH_AMENDMENTS';
}

/** The outcomes that fit the stage: before the last, recommend on; at the last, approve (or ratify). */
export function outcomeChoices(context: Pick<DecisionContext, 'stages' | 'currentStage'>): { value: DecisionOutcome; label: string }[] {
  const next = nextStageOf(context);
  const back = [
    { value: 'CHANGES_REQUESTED' as const, label: 'Send back for changes' },
    { value: 'REJECTED' as const, label: 'Reject' },
  ];
  if (next) {
    const what = next.action === 'RATIFY' ? 'ratification' : 'approval';
    return [{ value: 'RECOMMENDED', label: `Recommend to ${next.deciderName} for ${what}` }, ...back];
  }
  const verb = currentStageOf(context)?.action === 'RATIFY' ? 'Ratify' : 'Approve';
  return [
    { value: 'APPROVED', label: verb },
    { value: 'APPROVED_WITH_AMENDMENTS', label: `${verb} with amendments` },
    ...back,
  ];
}

/** How the decision may have been taken: a delegated stage only by delegation; chair's action only by the chair. */
export function methodChoices(context: Pick<DecisionContext, 'body'>): { value: DecisionMethod; label: string }[] {
  const methods: DecisionMethod[] = !context.body ? ['DELEGATED'] : ['MEETING', 'WRITTEN_RESOLUTION', ...(context.body.iAmChair ? (['CHAIRS_ACTION'] as const) : [])];
  return methods.map((value) => ({ value, label: METHOD_LABELS[value] }));
}

/** Whether the form asks how many members were present: at a meeting of a body with a quorum. */
export function asksMembersPresent(form: Pick<DecisionForm, 'method'>, context: Pick<DecisionContext, 'body'>): boolean {
  return form.method === 'MEETING' && context.body?.quorum != null;
}

const isDate = (value: string) => formatUkDate(value) !== null;

export function checkDecision(form: DecisionForm, context: DecisionContext): DecisionProblems {
  const problems: DecisionProblems = {};
  const stage = currentStageOf(context);
  const bodyName = stage?.deciderName ?? 'The body';
  if (!form.outcome) problems.outcome = 'Choose what was decided.';
  if (!isDate(form.decidedOn)) problems.decidedOn = 'Enter the date the decision was taken.';
  else if (form.decidedOn > context.today) problems.decidedOn = 'The date of the decision cannot be in the future.';
  else {
    const previous = context.stages.find((candidate) => candidate.position === context.currentStage - 1)?.decision;
    if (previous && form.decidedOn < previous.decidedOn) problems.decidedOn = `The date cannot be before the previous stage’s decision, on ${formatUkDate(previous.decidedOn)}.`;
  }
  if (!form.method) problems.method = 'Choose how the decision was taken.';
  if (form.method === 'MEETING' && !form.minuteReference.trim()) problems.minuteReference = 'Enter the minute reference of the meeting, for example FAR/25-26/03/7.';
  else if (form.minuteReference.trim().length > 100) problems.minuteReference = 'Keep the minute reference to 100 characters or fewer.';
  if (asksMembersPresent(form, context) && context.body) {
    const { quorum, memberCount } = context.body;
    const present = form.membersPresent.trim();
    if (!present) problems.membersPresent = `Enter how many members were present: ${bodyName} needs ${quorum} to decide.`;
    else if (!/^\d+$/.test(present)) problems.membersPresent = 'Enter the number of members present as a whole number, for example 3.';
    else if (quorum !== null && Number(present) < quorum) problems.membersPresent = `The meeting was not quorate: ${bodyName} needs at least ${quorum} members present to decide.`;
    else if (memberCount > 0 && Number(present) > memberCount) problems.membersPresent = `${bodyName} has ${memberCount} members, so no more than ${memberCount} can have been present.`;
  }
  if (form.note.trim().length > 4000) problems.note = 'Keep the note to 4,000 characters or fewer.';
  if (isApproval(form.outcome) && form.effectiveOn) {
    if (!isDate(form.effectiveOn)) problems.effectiveOn = 'Enter the date the version takes effect, or leave it empty to use the date of the decision.';
    else if (isDate(form.decidedOn) && form.effectiveOn < form.decidedOn) problems.effectiveOn = 'The version cannot take effect before the date of the decision.';
  }
  if (form.outcome === 'APPROVED_WITH_AMENDMENTS' && form.amendedClauses === 0) problems.amendments = 'Amend at least one clause below, or choose to approve it as it is.';
  return problems;
}

/** The mutation's input: the stage and text it is pinned to, and only what the choices call for. */
export function decisionInput(
  form: DecisionForm,
  request: { id: string; currentStage: number; contentHash: string },
  context: Pick<DecisionContext, 'body'>,
  amendedContent?: Record<string, unknown>,
): DecideApprovalInput {
  const meeting = form.method === 'MEETING';
  const minute = form.minuteReference.trim();
  const note = form.note.trim();
  return {
    requestId: request.id,
    stage: request.currentStage,
    contentHash: request.contentHash,
    outcome: form.outcome!,
    decidedOn: form.decidedOn,
    method: form.method!,
    ...(minute && form.method !== 'DELEGATED' ? { minuteReference: minute } : {}),
    ...(meeting && asksMembersPresent(form, context) ? { membersPresent: Number(form.membersPresent.trim()) } : {}),
    ...(note ? { note } : {}),
    ...(isApproval(form.outcome) && form.effectiveOn ? { effectiveOn: form.effectiveOn } : {}),
    ...(form.outcome === 'APPROVED_WITH_AMENDMENTS' && amendedContent ? { amendedContent } : {}),
  };
}

/** The sentence the person confirms before the decision is recorded (it cannot be undone). */
export function decisionSentence(form: DecisionForm, context: Pick<DecisionContext, 'stages' | 'currentStage'>): string {
  const stage = currentStageOf(context);
  const next = nextStageOf(context);
  const verb = stage?.action === 'RATIFY' ? 'ratified' : 'approved';
  const what: Record<DecisionOutcome, string> = {
    RECOMMENDED: `recommended it to ${next?.deciderName ?? 'the next stage'}`,
    APPROVED: `${verb} it`,
    APPROVED_WITH_AMENDMENTS: `${verb} it with ${form.amendedClauses === 1 ? 'the amendment' : `the ${form.amendedClauses} amendments`} you made`,
    CHANGES_REQUESTED: 'sent it back for changes',
    REJECTED: 'rejected it',
  };
  const how = form.method ? METHOD_LABELS[form.method].toLowerCase() : '';
  const minute = form.method === 'MEETING' && form.minuteReference.trim() ? ` (minute ${form.minuteReference.trim()})` : '';
  return `Record that ${stage?.deciderName ?? 'the stage'} ${form.outcome ? what[form.outcome] : 'decided'} on ${formatUkDate(form.decidedOn) ?? form.decidedOn}, ${how}${minute}?`;
}
