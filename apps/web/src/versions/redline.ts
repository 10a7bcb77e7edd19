/**
 * A redline (two versions compared by the API) arranged for reading: heading changes first,
 * then the differing clauses under their section headings, each with where it is ("clause 2.3",
 * "Introduction, clause 2") and what happened to it in words.
 */
import type { NumberingStyle as DocumentNumbering, PolicyDocument } from '@ratify/document';
import { outlineSections } from '../editor/clause-compare';
import type { NumberingStyle, RedlineFieldsFragment } from '../graphql/operations.generated';

export type Redline = RedlineFieldsFragment;
export type RedlineClause = Redline['clauses'][number];
export type RedlineSection = Redline['sections'][number];

export interface ClauseEntry {
  clause: RedlineClause;
  /** Where it is (in the later version); for a removed clause, where it was ("Was clause 1.2"). */
  place: string;
  /** What happened to it, in words. */
  label: string;
  /** The words to show: the redline's, or the whole text added or removed. */
  words: { text: string; change: string }[] | null;
  text: string | null;
}

export interface ClauseGroup {
  key: string;
  heading: string;
  entries: ClauseEntry[];
}

const MOVED: Record<string, string> = { 'within-section': 'moved within its section', 'to-another-section': 'moved to another section' };

function clauseLabel(clause: RedlineClause): string {
  const moved = MOVED[clause.moved];
  switch (clause.change) {
    case 'added':
      return 'Added clause';
    case 'removed':
      return 'Removed clause';
    case 'changed': {
      const what = clause.textChanged ? 'Changed' : 'Formatting, links or placeholders changed (the words are the same)';
      return moved ? `${what}, and ${moved}` : what;
    }
    default:
      return moved ? `Unchanged, ${moved}` : 'Unchanged';
  }
}

function clauseWords(clause: RedlineClause): { words: ClauseEntry['words']; text: string | null } {
  if (clause.change === 'added') return { words: [{ text: clause.after ?? '', change: 'added' }], text: null };
  if (clause.change === 'removed') return { words: [{ text: clause.before ?? '', change: 'removed' }], text: null };
  if (clause.change === 'changed' && clause.textChanged && clause.words) return { words: clause.words, text: null };
  return { words: null, text: clause.after ?? clause.before };
}

/** Clause id → where it is, in one version. */
function placesIn(content: unknown, numbering: DocumentNumbering): Map<string, string> {
  if (!content) return new Map();
  return new Map(
    outlineSections(content as PolicyDocument, numbering).flatMap((section) => section.items.filter((item) => item.kind === 'clause').map((item) => [item.id, item.place] as const)),
  );
}

export function clauseGroups(redline: Redline, numbering: NumberingStyle): ClauseGroup[] {
  const style: DocumentNumbering = numbering === 'UNNUMBERED' ? 'unnumbered' : 'numbered';
  const later = placesIn(redline.to.content, style);
  const earlier = placesIn(redline.from?.content, style);
  const groups: ClauseGroup[] = [];
  for (const clause of redline.clauses) {
    const heading = clause.sectionHeading?.trim() || 'Untitled section';
    let group = groups[groups.length - 1];
    if (!group || group.heading !== heading) groups.push((group = { key: `${groups.length}:${heading}`, heading, entries: [] }));
    // A removed clause is only in the earlier version: say where it was.
    const now = later.get(clause.clauseId);
    const was = earlier.get(clause.clauseId);
    const place = now ?? (was ? `was ${was}` : 'a clause');
    group.entries.push({ clause, place: place.charAt(0).toUpperCase() + place.slice(1), label: clauseLabel(clause), ...clauseWords(clause) });
  }
  return groups;
}

export interface HeadingEntry {
  section: RedlineSection;
  label: string;
  words: { text: string; change: string }[] | null;
  text: string | null;
}

export function headingChanges(redline: Redline): HeadingEntry[] {
  return redline.sections.map((section) => {
    const moved = section.moved ? ' (moved)' : '';
    switch (section.change) {
      case 'added':
        return { section, label: 'Section added', words: [{ text: section.after ?? '', change: 'added' }], text: null };
      case 'removed':
        return { section, label: 'Section removed', words: [{ text: section.before ?? '', change: 'removed' }], text: null };
      case 'changed':
        return { section, label: `Heading changed${moved}`, words: section.words, text: section.after };
      default:
        return { section, label: 'Section moved', words: null, text: section.after ?? section.before };
    }
  });
}
