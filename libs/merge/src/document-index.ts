/**
 * One pass over a policy document that every comparison needs: where each section and clause
 * is, its content key, and the section/clause order. Diff, merge and overrides all work on
 * ids, so the first thing each does is index its documents.
 */
import { blockText, clausesOf, inlineText, sectionsOf, type ClauseJSON, type PolicyDocument, type SectionHeadingJSON } from '@ratify/document';
import { clauseKey, headingKey } from './canonical';
import { MergeError } from './errors';

export interface IndexedSection {
  sectionId: string;
  index: number;
  heading: SectionHeadingJSON;
  key: string;
}

export class IndexedClause {
  private contentKey: string | undefined;

  constructor(
    readonly clauseId: string,
    readonly sectionId: string,
    /** Position within its section, from 0. */
    readonly index: number,
    readonly clause: ClauseJSON,
  ) {}

  /** The content key (canonical.ts), computed when first asked: overrides compare only the few clauses they touch. */
  get key(): string {
    return (this.contentKey ??= clauseKey(this.clause));
  }
}

/** The skeleton of a document: its sections in order, each with its clause ids in order. */
export interface SectionOrder {
  sectionId: string;
  clauseIds: string[];
}

export interface DocumentIndex {
  sections: Map<string, IndexedSection>;
  clauses: Map<string, IndexedClause>;
  order: SectionOrder[];
}

export function indexDocument(doc: PolicyDocument, name = 'document'): DocumentIndex {
  const sections = new Map<string, IndexedSection>();
  const clauses = new Map<string, IndexedClause>();
  const order: SectionOrder[] = [];
  const seen = new Set<string>();
  const claim = (id: string) => {
    // Section and clause ids share one namespace, as in ensureUniqueIds: an id names one thing.
    if (seen.has(id)) throw new MergeError('DUPLICATE_ID', `The ${name} uses the id "${id}" more than once; give every section and clause its own id (ensureUniqueIds) first.`);
    seen.add(id);
  };
  sectionsOf(doc).forEach((section, sectionIndex) => {
    const sectionId = section.attrs.sectionId;
    claim(sectionId);
    const heading = section.content[0];
    sections.set(sectionId, { sectionId, index: sectionIndex, heading, key: headingKey(heading) });
    const clauseIds: string[] = [];
    clausesOf(section).forEach((clause, index) => {
      const clauseId = clause.attrs.clauseId;
      claim(clauseId);
      clauses.set(clauseId, new IndexedClause(clauseId, sectionId, index, clause));
      clauseIds.push(clauseId);
    });
    order.push({ sectionId, clauseIds });
  });
  return { sections, clauses, order };
}

/** Every clause id in document order. */
export function clauseOrder(index: DocumentIndex): string[] {
  return index.order.flatMap((section) => section.clauseIds);
}

/** Every section id in document order. */
export function sectionOrder(index: DocumentIndex): string[] {
  return index.order.map((section) => section.sectionId);
}

/** A clause as plain text, blocks on their own lines: what people read in a conflict or redline. */
export function clauseText(clause: ClauseJSON): string {
  return clause.content.map((block) => blockText(block)).join('\n');
}

export function headingText(heading: SectionHeadingJSON): string {
  return inlineText(heading.content);
}
