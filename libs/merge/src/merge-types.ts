/**
 * The shapes of a three-way merge: base = the template version the trust cloned, theirs = the
 * template's new version, ours = the trust's current text.
 */
import type { ClauseJSON, PolicyDocument, SectionHeadingJSON } from '@ratify/document';
import type { SectionOrder } from './document-index';

export interface MergeInput {
  /** The template version the trust's policy was cloned from (its upstream). */
  base: PolicyDocument;
  /** The template's new version. */
  theirs: PolicyDocument;
  /** The trust's current text. */
  ours: PolicyDocument;
}

/** Which side moved a clause or section relative to base (content aside). */
export type MovedBy = 'theirs' | 'ours' | 'both';

/** What the merge did with a section heading, or a section's existence. */
export type SectionOutcomeKind =
  | 'unchanged'
  | 'took-theirs'
  | 'kept-ours'
  | 'both-same'
  | 'conflict'
  | 'added-theirs'
  | 'added-ours'
  | 'removed-theirs'
  | 'removed-theirs-but-changed-ours'
  | 'removed-ours'
  | 'removed-both';

/** What the merge did with a clause. See the README's outcome table. */
export type ClauseOutcomeKind = SectionOutcomeKind | 'added-theirs-to-removed-section';

export interface ClauseOutcome {
  clauseId: string;
  kind: ClauseOutcomeKind;
  /** The conflict this clause raised, or null. */
  conflictId: string | null;
  /** The section that holds the clause in the merged document; null when it does not hold it. */
  sectionId: string | null;
  movedBy: MovedBy | null;
}

export interface SectionOutcome {
  sectionId: string;
  kind: SectionOutcomeKind;
  /** The conflict this section's heading raised, or null. */
  conflictId: string | null;
  /**
   * Whether the merged document holds the section. A section the template removed stays while
   * it still holds clauses (ours' changes or additions), so 'removed-theirs' can be present.
   */
  present: boolean;
  movedBy: MovedBy | null;
}

/**
 * Named theirs/ours: 'modify/delete' = the template changed it, the trust deleted it;
 * 'delete/modify' = the template deleted it, the trust changed it; 'add/add' = both added the
 * same id with different content; 'add/delete' = the template added a clause to a section the
 * trust deleted.
 */
export type ConflictKind = 'modify/modify' | 'modify/delete' | 'delete/modify' | 'add/add' | 'add/delete';

export interface ConflictTexts {
  base: string | null;
  theirs: string | null;
  ours: string | null;
}

export interface ClauseConflict {
  /** "clause:{clauseId}": stable, so a resolution can be kept while the person decides. */
  id: string;
  target: 'clause';
  kind: ConflictKind;
  clauseId: string;
  /** The section the clause is in (ours), or would go to (theirs). */
  sectionId: string;
  base: ClauseJSON | null;
  theirs: ClauseJSON | null;
  ours: ClauseJSON | null;
  text: ConflictTexts;
}

export interface HeadingConflict {
  /** "heading:{sectionId}". */
  id: string;
  target: 'heading';
  kind: ConflictKind;
  sectionId: string;
  base: SectionHeadingJSON | null;
  theirs: SectionHeadingJSON | null;
  ours: SectionHeadingJSON | null;
  text: ConflictTexts;
}

export type Conflict = ClauseConflict | HeadingConflict;

/** A decision about one section: its heading, and whether it stays (absent sections may still hold clauses). */
export interface PlannedSection {
  sectionId: string;
  heading: SectionHeadingJSON;
  keep: boolean;
  movedBy: MovedBy | null;
}

/** A decision about one clause: its content, or null when the merged document does not hold it. */
export interface PlannedClause {
  clauseId: string;
  clause: ClauseJSON | null;
  movedBy: MovedBy | null;
}

/**
 * Everything the merged document is built from, as plain JSON (so a merge can be stored while a
 * person resolves its conflicts). `resolveConflicts` changes the decisions and builds again;
 * treat it as opaque.
 */
export interface MergePlan {
  ours: SectionOrder[];
  theirs: SectionOrder[];
  sections: PlannedSection[];
  clauses: PlannedClause[];
}

export interface MergeResult {
  /** The merged draft: every conflict resolved as "ours" for now. Valid, with unique ids. */
  document: PolicyDocument;
  /** One outcome per clause id in base ∪ theirs ∪ ours, in reading order. */
  clauses: ClauseOutcome[];
  /** One outcome per section id in base ∪ theirs ∪ ours, in reading order. */
  sections: SectionOutcome[];
  /** In reading order. */
  conflicts: Conflict[];
  plan: MergePlan;
}

export type Resolution = { take: 'theirs' } | { take: 'ours' } | { edited: ClauseJSON } | { edited: SectionHeadingJSON };
