/**
 * Three-way, clause-level merge of a template update into a trust's policy.
 *
 * Clause ids survive cloning, so the old template version (base), the new one (theirs) and the
 * trust's text (ours) line up by id with no text matching. Each clause, and each section
 * heading, is merged on its own: a change on one side only is taken; the same change on both
 * is taken once; different changes on both sides are a conflict, for which the merged draft
 * keeps ours until a person resolves it (resolve.ts). Nothing disappears without an outcome
 * saying so: every id in base ∪ theirs ∪ ours gets exactly one.
 *
 * Positions merge too (assemble.ts): ours is the frame, and what the template added or moved
 * is slotted in after its nearest predecessor.
 */
import { clausesOf, type ClauseJSON } from '@ratify/document';
import { assemble } from './assemble';
import { copyJson } from './canonical';
import { clauseOrder, clauseText, headingText, indexDocument, sectionOrder, type DocumentIndex } from './document-index';
import { MergeError } from './errors';
import type {
  ClauseOutcome,
  ClauseOutcomeKind,
  Conflict,
  ConflictKind,
  ConflictTexts,
  MergeInput,
  MergePlan,
  MergeResult,
  MovedBy,
  PlannedClause,
  PlannedSection,
  SectionOutcome,
  SectionOutcomeKind,
} from './merge-types';
import { clauseMovements, sectionMovements } from './movement';
import { weave } from './order';

interface Version<T> {
  value: T;
  key: string;
}

interface Decision<T> {
  kind: SectionOutcomeKind;
  /** What the merged document holds; null for "not there". */
  take: T | null;
  conflict: ConflictKind | null;
}

/** The three-way rule for one item's content and existence, the same for clauses and headings. */
function decide<T>(base: Version<T> | undefined, theirs: Version<T> | undefined, ours: Version<T> | undefined): Decision<T> {
  if (base && theirs && ours) {
    const theirsChanged = theirs.key !== base.key;
    const oursChanged = ours.key !== base.key;
    if (!theirsChanged && !oursChanged) return { kind: 'unchanged', take: ours.value, conflict: null };
    if (!oursChanged) return { kind: 'took-theirs', take: theirs.value, conflict: null };
    if (!theirsChanged) return { kind: 'kept-ours', take: ours.value, conflict: null };
    if (theirs.key === ours.key) return { kind: 'both-same', take: ours.value, conflict: null };
    return { kind: 'conflict', take: ours.value, conflict: 'modify/modify' };
  }
  if (base && theirs) return { kind: 'removed-ours', take: null, conflict: theirs.key !== base.key ? 'modify/delete' : null };
  if (base && ours) {
    return ours.key === base.key ? { kind: 'removed-theirs', take: null, conflict: null } : { kind: 'removed-theirs-but-changed-ours', take: ours.value, conflict: 'delete/modify' };
  }
  if (base) return { kind: 'removed-both', take: null, conflict: null };
  if (theirs && ours) return theirs.key === ours.key ? { kind: 'both-same', take: ours.value, conflict: null } : { kind: 'conflict', take: ours.value, conflict: 'add/add' };
  if (theirs) return { kind: 'added-theirs', take: theirs.value, conflict: null };
  if (ours) return { kind: 'added-ours', take: ours.value, conflict: null };
  throw new Error('decide: an id in none of the three documents');
}

function movedBy(id: string, theirsMoved: { has(id: string): boolean }, oursMoved: { has(id: string): boolean }): MovedBy | null {
  const theirs = theirsMoved.has(id);
  const ours = oursMoved.has(id);
  if (theirs && ours) return 'both';
  return theirs ? 'theirs' : ours ? 'ours' : null;
}

/** Ids are one namespace (ensureUniqueIds): an id that is a section in one document and a clause in another would collide. */
function assertConsistentIds(documents: DocumentIndex[]): void {
  const sectionIds = new Set(documents.flatMap((index) => [...index.sections.keys()]));
  for (const index of documents) {
    for (const clauseId of index.clauses.keys()) {
      if (sectionIds.has(clauseId)) throw new MergeError('DUPLICATE_ID', `The id "${clauseId}" names a section in one version and a clause in another; the merge cannot line them up.`);
    }
  }
}

/** Reading order for outcomes: the merged document's, then what it lacks, after its predecessor in ours, theirs, then base. */
function readingOrder(merged: string[], ...orders: string[][]): string[] {
  let list = merged;
  for (const order of orders) {
    const held = new Set(list);
    list = weave(list, order, new Set(order.filter((id) => !held.has(id))));
  }
  return list;
}

interface Indexes {
  B: DocumentIndex;
  T: DocumentIndex;
  O: DocumentIndex;
}

interface Planned<P> {
  planned: P[];
  decisions: Map<string, { kind: ClauseOutcomeKind; conflict: ConflictKind | null }>;
}

function planSections({ B, T, O }: Indexes): Planned<PlannedSection> {
  const theirsMoved = sectionMovements(B, T);
  const oursMoved = sectionMovements(B, O);
  const decisions: Planned<PlannedSection>['decisions'] = new Map();
  const ids = new Set([...B.sections.keys(), ...T.sections.keys(), ...O.sections.keys()]);
  const planned = [...ids].map((sectionId): PlannedSection => {
    const [b, t, o] = [B, T, O].map((index) => {
      const section = index.sections.get(sectionId);
      return section && { value: section.heading, key: section.key };
    });
    const decision = decide(b, t, o);
    decisions.set(sectionId, decision);
    // A dropped section keeps a heading in the plan: it comes back if it must hold a clause.
    const heading = decision.take ?? o?.value ?? t?.value ?? b?.value;
    if (!heading) throw new Error(`mergeDocuments: section ${sectionId} has no heading`);
    return { sectionId, heading, keep: decision.take !== null, movedBy: movedBy(sectionId, theirsMoved, oursMoved) };
  });
  return { planned, decisions };
}

function planClauses({ B, T, O }: Indexes): Planned<PlannedClause> {
  const theirsMoved = clauseMovements(B, T);
  const oursMoved = clauseMovements(B, O);
  const decisions: Planned<PlannedClause>['decisions'] = new Map();
  const ids = new Set([...B.clauses.keys(), ...T.clauses.keys(), ...O.clauses.keys()]);
  const planned = [...ids].map((clauseId): PlannedClause => {
    const [b, t, o] = [B, T, O].map((index) => {
      const clause = index.clauses.get(clauseId);
      return clause && { value: clause.clause, key: clause.key };
    });
    const decided = decide(b, t, o);
    const theirsSection = T.clauses.get(clauseId)?.sectionId;
    const inSectionOursDeleted = theirsSection !== undefined && B.sections.has(theirsSection) && !O.sections.has(theirsSection);
    // New in the template, in a section the trust deleted: the trust decides.
    const decision: { kind: ClauseOutcomeKind; take: ClauseJSON | null; conflict: ConflictKind | null } =
      decided.kind === 'added-theirs' && inSectionOursDeleted ? { kind: 'added-theirs-to-removed-section', take: null, conflict: 'add/delete' } : decided;
    decisions.set(clauseId, decision);
    return { clauseId, clause: decision.take, movedBy: movedBy(clauseId, theirsMoved, oursMoved) };
  });
  return { planned, decisions };
}

const texts = <T>(versions: (T | undefined)[], text: (value: T) => string): ConflictTexts => {
  const [base, theirs, ours] = versions.map((value) => (value === undefined ? null : text(value)));
  return { base: base ?? null, theirs: theirs ?? null, ours: ours ?? null };
};

export function mergeDocuments({ base, theirs, ours }: MergeInput): MergeResult {
  const indexes: Indexes = { B: indexDocument(base, 'old template version'), T: indexDocument(theirs, 'new template version'), O: indexDocument(ours, "trust's version") };
  const { B, T, O } = indexes;
  assertConsistentIds([B, T, O]);

  const sectionPlan = planSections(indexes);
  const clausePlan = planClauses(indexes);
  const plan: MergePlan = { ours: O.order, theirs: T.order, sections: sectionPlan.planned, clauses: clausePlan.planned };
  const assembly = assemble(plan);

  // Outcomes, in reading order, with a conflict for each decision that needs a person.
  const conflicts: Conflict[] = [];
  const movedSections = new Map(plan.sections.map((section) => [section.sectionId, section.movedBy]));
  const sections = readingOrder(
    assembly.document.content.map((section) => section.attrs.sectionId),
    sectionOrder(O),
    sectionOrder(T),
    sectionOrder(B),
  ).map((sectionId): SectionOutcome => {
    const { kind, conflict } = sectionPlan.decisions.get(sectionId) as { kind: SectionOutcomeKind; conflict: ConflictKind | null };
    const conflictId = conflict ? `heading:${sectionId}` : null;
    if (conflict && conflictId) {
      const [b, t, o] = [B, T, O].map((index) => index.sections.get(sectionId)?.heading);
      conflicts.push({ id: conflictId, target: 'heading', kind: conflict, sectionId, base: b ?? null, theirs: t ?? null, ours: o ?? null, text: texts([b, t, o], headingText) });
    }
    return { sectionId, kind, conflictId, present: assembly.presentSections.has(sectionId), movedBy: movedSections.get(sectionId) ?? null };
  });

  const movedClauses = new Map(plan.clauses.map((clause) => [clause.clauseId, clause.movedBy]));
  const clauses = readingOrder(
    assembly.document.content.flatMap((section) => clausesOf(section).map((clause) => clause.attrs.clauseId)),
    clauseOrder(O),
    clauseOrder(T),
    clauseOrder(B),
  ).map((clauseId): ClauseOutcome => {
    const { kind, conflict } = clausePlan.decisions.get(clauseId) as { kind: ClauseOutcomeKind; conflict: ConflictKind | null };
    const conflictId = conflict ? `clause:${clauseId}` : null;
    if (conflict && conflictId) {
      const [b, t, o] = [B, T, O].map((index) => index.clauses.get(clauseId));
      conflicts.push({
        id: conflictId,
        target: 'clause',
        kind: conflict,
        clauseId,
        sectionId: (o ?? t ?? b)?.sectionId as string,
        base: b?.clause ?? null,
        theirs: t?.clause ?? null,
        ours: o?.clause ?? null,
        text: texts([b?.clause, t?.clause, o?.clause], clauseText),
      });
    }
    return { clauseId, kind, conflictId, sectionId: assembly.clauseSection.get(clauseId) ?? null, movedBy: movedClauses.get(clauseId) ?? null };
  });

  // Conflicts and the plan hold the inputs' clauses; copied, so the result shares nothing with them.
  return { document: assembly.document, clauses, sections, ...copyJson({ conflicts: orderConflicts(conflicts, sections), plan }) };
}

/** Heading conflicts first within their section, then its clauses', in reading order. */
function orderConflicts(conflicts: Conflict[], sections: SectionOutcome[]): Conflict[] {
  const sectionRank = new Map(sections.map((section, rank) => [section.sectionId, rank]));
  // Array sort is stable, so clause conflicts keep their reading order within a section.
  return [...conflicts].sort(
    (a, b) => (sectionRank.get(a.sectionId) ?? 0) - (sectionRank.get(b.sectionId) ?? 0) || (a.target === 'heading' ? 0 : 1) - (b.target === 'heading' ? 0 : 1),
  );
}
