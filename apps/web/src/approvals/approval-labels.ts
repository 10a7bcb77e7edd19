/** Approval words as people say them: why a policy changed, what a body decided and how. */
import { CHANGE_ORIGIN_LABELS, changeOriginLabel } from '@ratify/document';
import type { ChangeKind, ChangeOrigin, DecisionMethod, DecisionOutcome, StageAction } from '../graphql/operations.generated';

/** The origins in the order the form offers them, with the labels the history table uses. */
export const ORIGIN_LABELS = Object.fromEntries(
  Object.entries(CHANGE_ORIGIN_LABELS).map(([word, label]) => [word.toUpperCase().replace(/-/g, '_'), label]),
) as Record<ChangeOrigin, string>;

export const ORIGINS = Object.keys(ORIGIN_LABELS) as ChangeOrigin[];

/**
 * Why a version changed, from the enum (`LEGISLATION_OR_GUIDANCE`) or from `PolicyVersion.changeOrigin`,
 * which the API sends as the stored word (`legislation-or-guidance`). Null for none.
 */
export const originLabel = changeOriginLabel;

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
