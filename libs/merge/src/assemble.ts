/**
 * Builds the merged document from a merge plan. Both `mergeDocuments` and `resolveConflicts`
 * come through here, so a resolved draft is laid out by exactly the rules the merge used.
 *
 * Layout rules:
 * - Ours is the frame: sections and clauses stay in ours' order.
 * - What theirs placed (new sections and clauses, and ones theirs moved where ours did not) is
 *   slotted in after its nearest predecessor in theirs that the merged document holds, or at
 *   the start of its section (or of the document, for a section). A clause theirs moved into a
 *   section the merged document does not keep stays where ours has it.
 * - A clause cannot exist outside a section: a section the plan drops but that still holds a
 *   clause stays, with its planned heading.
 * - A policy needs at least one section: if nothing would be left, ours' sections stay.
 */
import type { ClauseJSON, PolicyDocument, SectionJSON } from '@ratify/document';
import type { MergePlan } from './merge-types';
import { copyJson } from './canonical';
import { weave } from './order';

export interface Assembly {
  document: PolicyDocument;
  /** The section holding each clause in the document. */
  clauseSection: Map<string, string>;
  presentSections: Set<string>;
}

export function assemble(plan: MergePlan): Assembly {
  const oursSectionOf = new Map(plan.ours.flatMap((section) => section.clauseIds.map((id) => [id, section.sectionId] as const)));
  const theirsSectionOf = new Map(plan.theirs.flatMap((section) => section.clauseIds.map((id) => [id, section.sectionId] as const)));
  const oursClauseIds = new Map(plan.ours.map((section) => [section.sectionId, section.clauseIds]));
  const theirsClauseIds = new Map(plan.theirs.map((section) => [section.sectionId, section.clauseIds]));
  const sections = new Map(plan.sections.map((section) => [section.sectionId, section]));
  const clauses = new Map<string, ClauseJSON>();
  const kept = (sectionId: string | undefined) => sectionId !== undefined && sections.get(sectionId)?.keep === true;

  // Where each clause goes: ours' place, unless only theirs moved it (into a section that
  // stays) or ours does not have it at all.
  const host = new Map<string, string>();
  const placedByTheirs = new Set<string>();
  for (const planned of plan.clauses) {
    if (!planned.clause) continue;
    const oursSection = oursSectionOf.get(planned.clauseId);
    const theirsSection = theirsSectionOf.get(planned.clauseId);
    const useTheirs = oursSection === undefined || (planned.movedBy === 'theirs' && kept(theirsSection));
    const sectionId = useTheirs ? theirsSection : oursSection;
    if (sectionId === undefined) throw new Error(`assemble: clause ${planned.clauseId} is in neither ours nor theirs`);
    host.set(planned.clauseId, sectionId);
    if (useTheirs) placedByTheirs.add(planned.clauseId);
    clauses.set(planned.clauseId, planned.clause);
  }

  const present = new Set([...plan.sections.filter((section) => section.keep).map((section) => section.sectionId), ...host.values()]);
  if (present.size === 0) for (const section of plan.ours) present.add(section.sectionId);

  const oursSectionIds = new Set(plan.ours.map((section) => section.sectionId));
  const sectionsPlacedByTheirs = new Set([...present].filter((id) => !oursSectionIds.has(id) || sections.get(id)?.movedBy === 'theirs'));
  const sectionOrder = weave(
    plan.ours.map((section) => section.sectionId).filter((id) => present.has(id) && !sectionsPlacedByTheirs.has(id)),
    plan.theirs.map((section) => section.sectionId),
    sectionsPlacedByTheirs,
  );

  const content: SectionJSON[] = sectionOrder.map((sectionId) => {
    const fromOurs = (oursClauseIds.get(sectionId) ?? []).filter((id) => host.get(id) === sectionId && !placedByTheirs.has(id));
    const theirsOrder = theirsClauseIds.get(sectionId) ?? [];
    const fromTheirs = new Set(theirsOrder.filter((id) => host.get(id) === sectionId && placedByTheirs.has(id)));
    const heading = sections.get(sectionId)?.heading;
    if (!heading) throw new Error(`assemble: section ${sectionId} has no planned heading`);
    return {
      type: 'section',
      attrs: { sectionId },
      content: [heading, ...weave(fromOurs, theirsOrder, fromTheirs).map((id) => clauses.get(id) as ClauseJSON)],
    };
  });

  const clauseSection = new Map<string, string>();
  for (const section of content) for (const child of section.content.slice(1) as ClauseJSON[]) clauseSection.set(child.attrs.clauseId, section.attrs.sectionId);
  const document: PolicyDocument = { type: 'doc', content };
  // A copy, so the merged draft shares nothing with the documents it came from.
  return { document: copyJson(document), clauseSection, presentSections: new Set(sectionOrder) };
}
