/** Approval words as people say them: what a stage does. */
import type { StageAction } from '../graphql/operations.generated';

/** "Finance, Audit & Risk Committee approves", "Trust Board ratifies". */
export function stageSentence(stage: { action: StageAction; deciderName: string }): string {
  return `${stage.deciderName} ${stage.action === 'RATIFY' ? 'ratifies' : 'approves'}`;
}
