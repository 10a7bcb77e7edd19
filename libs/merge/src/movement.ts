/**
 * Which sections and clauses moved between two versions. "Moved" means a reader would say so:
 * a clause went to another section, or changed its order relative to the clauses around it.
 * Inserting or removing a clause above another does not move it.
 */
import type { DocumentIndex } from './document-index';
import { stableIds } from './order';

export type Movement = 'within-section' | 'to-another-section';

/** The clauses present in both versions that moved, and how. */
export function clauseMovements(before: DocumentIndex, after: DocumentIndex): Map<string, Movement> {
  const moved = new Map<string, Movement>();
  const beforeSections = new Map(before.order.map((section) => [section.sectionId, section.clauseIds]));
  for (const { sectionId, clauseIds } of after.order) {
    const stayed = clauseIds.filter((id) => {
      const was = before.clauses.get(id);
      if (was && was.sectionId !== sectionId) moved.set(id, 'to-another-section');
      return was?.sectionId === sectionId;
    });
    const stayedSet = new Set(stayed);
    const beforeOrder = (beforeSections.get(sectionId) ?? []).filter((id) => stayedSet.has(id));
    const stable = stableIds(beforeOrder, stayed);
    for (const id of stayed) if (!stable.has(id)) moved.set(id, 'within-section');
  }
  return moved;
}

/** The sections present in both versions whose order relative to the others changed. */
export function sectionMovements(before: DocumentIndex, after: DocumentIndex): Set<string> {
  const beforeOrder = before.order.map((section) => section.sectionId);
  const afterOrder = after.order.map((section) => section.sectionId);
  const stable = stableIds(beforeOrder, afterOrder);
  return new Set(afterOrder.filter((id) => before.sections.has(id) && !stable.has(id)));
}
