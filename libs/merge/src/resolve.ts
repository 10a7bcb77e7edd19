/**
 * Turns a merge and a person's decision on each conflict into the final draft. Every conflict
 * needs a decision and every decision must name a conflict, so a stale or partial set of
 * resolutions is refused rather than half applied.
 */
import { validateDocument, type ClauseJSON, type PolicyDocument, type SectionHeadingJSON } from '@ratify/document';
import { assemble } from './assemble';
import { MergeError } from './errors';
import type { ClauseConflict, Conflict, HeadingConflict, MergePlan, MergeResult, PlannedClause, PlannedSection, Resolution } from './merge-types';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The validator's clean copy of `child` placed in a one-section document, or the first problem. */
function validated(child: unknown, conflict: Conflict): unknown {
  const content = conflict.target === 'clause' ? [{ type: 'sectionHeading' }, child] : [child];
  const result = validateDocument({ type: 'doc', content: [{ type: 'section', attrs: { sectionId: 'resolution' }, content }] });
  if (!result.ok) throw new MergeError('INVALID_RESOLUTION', `The edited text for conflict "${conflict.id}" is not valid policy content: ${result.problems[0] ?? 'unknown problem'}`, conflict.id);
  const section = result.document.content[0];
  return conflict.target === 'clause' ? section?.content[1] : section?.content[0];
}

function editedClause(conflict: ClauseConflict, edited: unknown): ClauseJSON {
  if (!isObject(edited) || edited.type !== 'clause') throw new MergeError('INVALID_RESOLUTION', `Conflict "${conflict.id}" is about a clause; the edited text must be a clause.`, conflict.id);
  const clauseId = isObject(edited.attrs) ? edited.attrs.clauseId : undefined;
  if (clauseId !== conflict.clauseId) {
    throw new MergeError('CLAUSE_ID_MISMATCH', `The edited clause for conflict "${conflict.id}" has the id "${String(clauseId)}"; it must keep "${conflict.clauseId}".`, conflict.id);
  }
  return validated(edited, conflict) as ClauseJSON;
}

function editedHeading(conflict: HeadingConflict, edited: unknown): SectionHeadingJSON {
  if (!isObject(edited) || edited.type !== 'sectionHeading') throw new MergeError('INVALID_RESOLUTION', `Conflict "${conflict.id}" is about a section heading; the edited text must be a heading.`, conflict.id);
  return validated(edited, conflict) as SectionHeadingJSON;
}

type Choice = { take: 'theirs' | 'ours' } | { edited: unknown };

function choiceOf(conflict: Conflict, resolution: unknown): Choice {
  if (isObject(resolution) && (resolution.take === 'theirs' || resolution.take === 'ours') && !('edited' in resolution)) return { take: resolution.take };
  if (isObject(resolution) && 'edited' in resolution && !('take' in resolution)) return { edited: resolution.edited };
  throw new MergeError('INVALID_RESOLUTION', `The resolution for conflict "${conflict.id}" must be { take: 'theirs' }, { take: 'ours' } or { edited: … }.`, conflict.id);
}

export function resolveConflicts(merge: MergeResult, resolutions: Readonly<Record<string, Resolution>>): PolicyDocument {
  const conflicts = new Map(merge.conflicts.map((conflict) => [conflict.id, conflict]));
  for (const id of Object.keys(resolutions)) {
    if (!conflicts.has(id)) throw new MergeError('UNKNOWN_CONFLICT', `There is no conflict "${id}" in this merge; it may have been resolved already or come from another merge.`, id);
  }

  const clauses = new Map<string, ClauseJSON | null>();
  const headings = new Map<string, { heading: SectionHeadingJSON | null }>();
  for (const conflict of merge.conflicts) {
    if (!Object.hasOwn(resolutions, conflict.id)) throw new MergeError('MISSING_RESOLUTION', `Conflict "${conflict.id}" has no resolution: choose the template's text, yours, or an edited text.`, conflict.id);
    const choice = choiceOf(conflict, resolutions[conflict.id]);
    if (conflict.target === 'clause') {
      clauses.set(conflict.clauseId, 'take' in choice ? conflict[choice.take] : editedClause(conflict, choice.edited));
    } else {
      headings.set(conflict.sectionId, { heading: 'take' in choice ? conflict[choice.take] : editedHeading(conflict, choice.edited) });
    }
  }

  const plan: MergePlan = {
    ...merge.plan,
    clauses: merge.plan.clauses.map((planned): PlannedClause => (clauses.has(planned.clauseId) ? { ...planned, clause: clauses.get(planned.clauseId) ?? null } : planned)),
    sections: merge.plan.sections.map((planned): PlannedSection => {
      const resolved = headings.get(planned.sectionId);
      // Choosing the side that deleted the section drops it (it stays only while it holds clauses).
      return resolved ? { ...planned, heading: resolved.heading ?? planned.heading, keep: resolved.heading !== null } : planned;
    }),
  };
  return assemble(plan).document;
}
