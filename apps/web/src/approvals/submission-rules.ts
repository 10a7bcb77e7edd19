/**
 * Sending a draft for approval: the stages it will go through and the number it will get, as
 * the API decides them (`plannedStages` and the numbering in the approval commands), so the
 * form can say so before it is sent; and the form's own checks.
 */
import type { ApprovalRouteFieldsFragment, ChangeKind, ChangeOrigin, Role, StageAction } from '../graphql/operations.generated';

const ROLE_WORDS: Record<Role, string> = {
  ADMIN: 'an admin',
  APPROVER: 'an approver',
  AUTHOR: 'an author',
  PUBLISHER: 'a school publisher',
  VIEWER: 'a viewer',
};

export function roleWords(role: Role): string {
  return ROLE_WORDS[role];
}

export interface PlannedStage {
  deciderName: string;
  action: StageAction;
}

/**
 * The route's stages for this change: a minor change (after the first version) goes to the
 * delegated role alone where the route allows it; otherwise the stages that apply to it (the
 * major-only ones only for a major change or a first version).
 */
export function plannedStages(
  route: Pick<ApprovalRouteFieldsFragment, 'minorChangeRole' | 'stages'>,
  kind: ChangeKind,
  firstVersion: boolean,
): PlannedStage[] {
  if (kind === 'MINOR' && !firstVersion && route.minorChangeRole) {
    return [{ deciderName: `Delegated approval (${roleWords(route.minorChangeRole)})`, action: 'APPROVE' }];
  }
  const major = kind === 'MAJOR' || firstVersion;
  return route.stages.filter((stage) => stage.appliesTo === 'ALL_CHANGES' || major).map((stage) => ({ deciderName: stage.body.name, action: stage.action }));
}

/** The number the version will have once approved: 1.0 first, then 2.0 after 1.3 for a major change, 1.4 for a minor one. */
export function nextVersionNumber(approved: string | null, kind: ChangeKind): string {
  const match = approved ? /^(\d+)\.(\d+)$/.exec(approved) : null;
  if (!match) return '1.0';
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return kind === 'MAJOR' ? `${major + 1}.0` : `${major}.${minor + 1}`;
}

/** One line under each choice: what number it makes, and what it is for. */
export function kindHint(kind: ChangeKind, approved: string | null): string {
  if (!approved) return 'This is the policy’s first approval, so it will be version 1.0 whichever you choose.';
  const next = nextVersionNumber(approved, kind);
  return kind === 'MAJOR'
    ? `It will be version ${next}: a change to what the policy says staff or schools must do.`
    : `It will be version ${next}: a small correction such as a name, contact details, a link or a typo.`;
}

export interface SubmissionForm {
  changeSummary: string;
  changeOrigin: ChangeOrigin | null;
  changeKind: ChangeKind | null;
}

export type SubmissionProblems = Partial<Record<keyof SubmissionForm, string>>;

export const SUMMARY_LIMIT = 500;

/** The API's own rules, said by the field; no problems means it can be sent. */
export function checkSubmission(form: SubmissionForm): SubmissionProblems {
  const problems: SubmissionProblems = {};
  const summary = form.changeSummary.trim();
  if (!summary) problems.changeSummary = 'Say what changed: it goes in the policy’s history table.';
  else if (summary.length > SUMMARY_LIMIT) problems.changeSummary = `Keep the summary to ${SUMMARY_LIMIT} characters or fewer (it has ${summary.length}).`;
  if (!form.changeOrigin) problems.changeOrigin = 'Choose why the policy changed.';
  if (!form.changeKind) problems.changeKind = 'Choose whether this is a major or a minor change.';
  return problems;
}
