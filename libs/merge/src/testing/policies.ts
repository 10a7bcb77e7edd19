/**
 * Small policy documents with fixed ids, for tests and the benchmark. A clause is written as
 * text: each line is a paragraph, "- " lines make a bullet list, and a paragraph wrapped in
 * "**" is bold (so a formatting-only change can be written down).
 */
import { clausesOf, documentFromOutline, headingOf, inlineText, sectionsOf, type ClauseJSON, type OutlineBlock, type PolicyDocument } from '@ratify/document';
import { clauseText } from '../document-index';

export type ClauseSpec = readonly [id: string, text: string];

export interface SectionSpec {
  id: string;
  heading: string;
  clauses: readonly ClauseSpec[];
}

function blocksOf(text: string): OutlineBlock[] {
  const blocks: OutlineBlock[] = [];
  for (const line of text.split('\n')) {
    const last = blocks[blocks.length - 1];
    if (line.startsWith('- ')) {
      if (last?.type === 'bulletList') last.items.push(line.slice(2));
      else blocks.push({ type: 'bulletList', items: [line.slice(2)] });
    } else {
      blocks.push({ type: 'paragraph', text: line });
    }
  }
  return blocks;
}

/** Bold paragraphs ("**…**") become text with a bold mark. */
function withBold(clause: ClauseJSON): ClauseJSON {
  return {
    ...clause,
    content: clause.content.map((block) => {
      if (block.type !== 'paragraph') return block;
      const only = block.content?.[0];
      if (block.content?.length !== 1 || only?.type !== 'text' || !/^\*\*.+\*\*$/.test(only.text)) return block;
      return { type: 'paragraph', content: [{ type: 'text', text: only.text.slice(2, -2), marks: [{ type: 'bold' }] }] };
    }),
  };
}

/** A policy document built with documentFromOutline, then given the ids written in the spec. */
export function policy(sections: readonly SectionSpec[]): PolicyDocument {
  const outline = {
    sections: sections.map((section) => ({
      heading: section.heading,
      clauses: section.clauses.map(([, text]) => ({ text, blocks: blocksOf(text) })),
    })),
  };
  const built = documentFromOutline(outline, () => 'pending');
  return {
    type: 'doc',
    content: built.content.map((section, sectionIndex) => {
      const spec = sections[sectionIndex] as SectionSpec;
      return {
        ...section,
        attrs: { sectionId: spec.id },
        content: [section.content[0], ...clausesOf(section).map((clause, clauseIndex) => withBold({ ...clause, attrs: { clauseId: (spec.clauses[clauseIndex] as ClauseSpec)[0] } }))],
      };
    }),
  };
}

export function section(id: string, heading: string, clauses: readonly ClauseSpec[]): SectionSpec {
  return { id, heading, clauses };
}

/** A document read back as specs, for assertions a person can read. */
export function outlineOf(doc: PolicyDocument): SectionSpec[] {
  return sectionsOf(doc).map((part) => ({
    id: part.attrs.sectionId,
    heading: inlineText(headingOf(part)),
    clauses: clausesOf(part).map((clause) => [clause.attrs.clauseId, clauseText(clause)] as const),
  }));
}

/** One clause, as an override or an edited resolution would carry it. */
export function clause(id: string, text: string): ClauseJSON {
  const doc = policy([section('scratch', '', [[id, text]])]);
  return clausesOf(doc.content[0] as PolicyDocument['content'][number])[0] as ClauseJSON;
}
