/**
 * A policy outline: the plain shape an importer produces and a person can read
 * (`ratify import --dry-run --format outline` prints it). `documentFromOutline` turns it
 * into a stored document, giving every section and clause a fresh stable id.
 */
import type { BlockJSON, ClauseJSON, InlineJSON, PolicyDocument, SectionJSON } from './types';

export type OutlineBlock = { type: 'paragraph'; text: string } | { type: 'bulletList'; items: string[] };

export interface OutlineClause {
  /** The clause as plain text (blocks joined by newlines). */
  text: string;
  blocks: OutlineBlock[];
}

export interface OutlineSection {
  heading: string;
  clauses: OutlineClause[];
}

export interface PolicyOutline {
  title: string;
  /** Document-control facts read from the file, keyed by their label ("Review Cycle"). */
  metadata: Record<string, string>;
  sections: OutlineSection[];
  warnings: string[];
}

export type IdFactory = () => string;


function inline(text: string): InlineJSON[] {
  return text.length > 0 ? [{ type: 'text', text }] : [];
}

function block(source: OutlineBlock): BlockJSON {
  if (source.type === 'paragraph') return { type: 'paragraph', content: inline(source.text) };
  return {
    type: 'bulletList',
    content: source.items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: inline(item) }] })),
  };
}

export function documentFromOutline(outline: Pick<PolicyOutline, 'sections'>, newId: IdFactory = () => globalThis.crypto.randomUUID()): PolicyDocument {
  const sections: SectionJSON[] = outline.sections.map((section) => {
    const clauses: ClauseJSON[] = section.clauses
      .filter((clause) => clause.blocks.length > 0)
      .map((clause) => ({ type: 'clause', attrs: { clauseId: newId() }, content: clause.blocks.map(block) }));
    return {
      type: 'section',
      attrs: { sectionId: newId() },
      content: [{ type: 'sectionHeading', content: inline(section.heading) }, ...clauses],
    };
  });
  return { type: 'doc', content: sections };
}
