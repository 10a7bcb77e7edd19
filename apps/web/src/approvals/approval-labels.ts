/** Approval words as people say them: why a policy changed, what a body decided and how. */
import type { ChangeKind, ChangeOrigin, DecisionMethod, DecisionOutcome, StageAction } from '../graphql/operations.generated';

export const ORIGIN_LABELS: Record<ChangeOrigin, string> = {
  LEGISLATION_OR_GUIDANCE: 'Legislation or guidance',
  MODEL_PROVIDER_UPDATE: 'Model provider update',
  TRUST_DECISION: 'Trust decision',
  AUDIT_FINDING: 'Audit or inspection finding',
  SCHOOL_REQUEST: 'School request',
  EDITORIAL: 'Editorial (typos, contact details)',
};

export const ORIGINS = Object.keys(ORIGIN_LABELS) as ChangeOrigin[];

/**
 * Why a version changed, from the enum (`LEGISLATION_OR_GUIDANCE`) or from `PolicyVersion.changeOrigin`,
 * which the API sends as the stored word (`legislation-or-guidance`). Null for none.
 */
export function originLabel(origin: string | null | undefined): string | null {
  if (!origin) return null;
  const key = origin.toUpperCase().replace(/-/g, '_') as ChangeOrigin;
  return ORIGIN_LABELS[key] ?? null;
}

export const KIND_LABELS: Record<ChangeKind, string> = { MAJOR: 'Major change', MINOR: 'Minor change' };

export const METHOD_LABELS: Record<DecisionMethod, string> = {
  MEETING: 'At a meeting',
  WRITTEN_RESOLUTION: 'By written resolution',
  CHAIRS_ACTION: 'By chair’s action',
  DELEGATED: 'Delegated approval (a minor change)',
};

/** What a stage decided, in the past tense: a ratifying stage "ratified". */
export function outcomeLabel(outcome: DecisionOutcome, action: StageAction): string {
  const ratifies = action === 'RATIFY';
  switch (outcome) {
    case 'APPROVED':
      return ratifies ? 'Ratified' : 'Approved';
    case 'APPROVED_WITH_AMENDMENTS':
      return ratifies ? 'Ratified with amendments' : 'Approved with amendments';
    case 'RECOMMENDED':
      return 'Recommended to the next stage';
    case 'CHANGES_REQUESTED':
      return 'Sent back for changes';
    case 'REJECTED':
      return 'Rejected';
  }
}

/** "Finance, Audit & Risk Committee approves", "Trust Board ratifies". */
export function stageSentence(stage: { action: StageAction; deciderName: string }): string {
  return `${stage.deciderName} ${stage.action === 'RATIFY' ? 'ratifies' : 'approves'}`;
}
