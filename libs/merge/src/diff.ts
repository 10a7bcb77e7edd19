/**
 * What changed between two versions of a policy, clause by clause and section by section: the
 * basis of "what changed since the last approved version" and of redlines. Clauses are matched
 * by id (ids survive edits), and compared by content (canonical.ts), so a formatting or link
 * change counts. A changed clause carries a word-level diff of its text.
 */
import type { PolicyDocument } from '@ratify/document';
import { clauseOrder, clauseText, headingText, indexDocument, sectionOrder, type DocumentIndex } from './document-index';
import { clauseMovements, sectionMovements } from './movement';
import { weave } from './order';
import { wordDiff, type WordPart } from './word-diff';

export type Change = 'unchanged' | 'changed' | 'added' | 'removed';

/** 'none' for clauses that kept their place, and for added or removed ones. */
export type ClauseMove = 'none' | 'within-section' | 'to-another-section';

export interface ClausePlace {
  sectionId: string;
  /** Position within the section, from 0. */
  index: number;
  text: string;
}

export interface ClauseDiff {
  clauseId: string;
  change: Change;
  moved: ClauseMove;
  /** Where the clause was; null when it was added. */
  before: ClausePlace | null;
  /** Where the clause is; null when it was removed. */
  after: ClausePlace | null;
  /** For a changed clause, whether its words changed (false: only formatting, links or variables' marks). */
  textChanged: boolean;
  /** For a changed clause, the word-level diff of its text; null otherwise. */
  words: WordPart[] | null;
}

export interface SectionPlace {
  index: number;
  heading: string;
}

export interface SectionDiff {
  sectionId: string;
  /** 'changed' means the heading changed; what happened to its clauses is in the clause diffs. */
  change: Change;
  moved: boolean;
  before: SectionPlace | null;
  after: SectionPlace | null;
  /** For a changed heading, the word-level diff of its text; null otherwise. */
  words: WordPart[] | null;
}

export interface DiffCounts {
  unchanged: number;
  changed: number;
  added: number;
  removed: number;
  moved: number;
}

export interface DocumentDiff {
  /** In reading order: the new version's order, each removed one after what preceded it before. */
  sections: SectionDiff[];
  /** In reading order, as sections. */
  clauses: ClauseDiff[];
  /** Clause counts. */
  counts: DiffCounts;
}

function changeOf(beforeKey: string | undefined, afterKey: string | undefined): Change {
  if (beforeKey === undefined) return 'added';
  if (afterKey === undefined) return 'removed';
  return beforeKey === afterKey ? 'unchanged' : 'changed';
}

function diffClauses(before: DocumentIndex, after: DocumentIndex): ClauseDiff[] {
  const movements = clauseMovements(before, after);
  const beforeOrder = clauseOrder(before);
  const removed = new Set(beforeOrder.filter((id) => !after.clauses.has(id)));
  return weave(clauseOrder(after), beforeOrder, removed).map((clauseId) => {
    const was = before.clauses.get(clauseId);
    const is = after.clauses.get(clauseId);
    const change = changeOf(was?.key, is?.key);
    const beforePlace = was ? { sectionId: was.sectionId, index: was.index, text: clauseText(was.clause) } : null;
    const afterPlace = is ? { sectionId: is.sectionId, index: is.index, text: clauseText(is.clause) } : null;
    const changed = change === 'changed' && beforePlace !== null && afterPlace !== null;
    return {
      clauseId,
      change,
      moved: movements.get(clauseId) ?? 'none',
      before: beforePlace,
      after: afterPlace,
      textChanged: changed && beforePlace.text !== afterPlace.text,
      words: changed ? wordDiff(beforePlace.text, afterPlace.text) : null,
    };
  });
}

function diffSections(before: DocumentIndex, after: DocumentIndex): SectionDiff[] {
  const moved = sectionMovements(before, after);
  const beforeOrder = sectionOrder(before);
  const removed = new Set(beforeOrder.filter((id) => !after.sections.has(id)));
  return weave(sectionOrder(after), beforeOrder, removed).map((sectionId) => {
    const was = before.sections.get(sectionId);
    const is = after.sections.get(sectionId);
    const change = changeOf(was?.key, is?.key);
    const beforePlace = was ? { index: was.index, heading: headingText(was.heading) } : null;
    const afterPlace = is ? { index: is.index, heading: headingText(is.heading) } : null;
    return {
      sectionId,
      change,
      moved: moved.has(sectionId),
      before: beforePlace,
      after: afterPlace,
      words: change === 'changed' && beforePlace && afterPlace ? wordDiff(beforePlace.heading, afterPlace.heading) : null,
    };
  });
}

export function diffDocuments(before: PolicyDocument, after: PolicyDocument): DocumentDiff {
  const beforeIndex = indexDocument(before, 'earlier version');
  const afterIndex = indexDocument(after, 'later version');
  const clauses = diffClauses(beforeIndex, afterIndex);
  const counts: DiffCounts = { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0 };
  for (const clause of clauses) {
    counts[clause.change]++;
    if (clause.moved !== 'none') counts.moved++;
  }
  return { sections: diffSections(beforeIndex, afterIndex), clauses, counts };
}
