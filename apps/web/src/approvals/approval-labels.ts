/** Approval words as people say them: why a policy changed, what a stage does. */
import type { ChangeOrigin, StageAction } from '../graphql/operations.generated';

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

/** "Finance, Audit & Risk Committee approves", "Trust Board ratifies". */
export function stageSentence(stage: { action: StageAction; deciderName: string }): string {
  return `${stage.deciderName} ${stage.action === 'RATIFY' ? 'ratifies' : 'approves'}`;
}
