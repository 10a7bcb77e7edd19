/**
 * The policy's own text as pdfmake content: numbered sections and clauses, bullet lists,
 * bold/italic, and links only where the href is on the allowlist. Every clause's first block
 * carries the id `clause-<clauseId>`, so a first layout pass can find the page it starts on.
 */
import {
  clauseNumber,
  clausesOf,
  headingOf,
  inlineText,
  isAllowedHref,
  sectionNumber,
  sectionsOf,
  type BlockJSON,
  type ClauseJSON,
  type InlineJSON,
  type NumberingStyle,
  type PolicyDocument,
} from '@ratify/document';
import type { Content, ContentText } from 'pdfmake/interfaces';

export const CLAUSE_ID_PREFIX = 'clause-';

/** The headline level section headings carry, so `pageBreakBefore` can keep them with what follows. */
export const SECTION_HEADLINE_LEVEL = 1;

/** Width of the hanging "1.1." column; wide enough for "12.14.". */
const CLAUSE_NUMBER_WIDTH = 34;

type Run = string | ContentText;

/**
 * Inline content as text runs. An unresolved variable prints as its placeholder, `{{name}}`,
 * so a reader (and the person publishing) can see that a value is missing.
 */
export function runs(content: InlineJSON[] | undefined, variables: Record<string, string>): Run[] {
  return (content ?? []).map((node): Run => {
    if (node.type === 'hardBreak') return '\n';
    if (node.type === 'variable') return variables[node.attrs.name] ?? `{{${node.attrs.name}}}`;
    const run: ContentText = { text: node.text };
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') run.bold = true;
      if (mark.type === 'italic') run.italics = true;
      if (mark.type === 'link' && isPrintableLink(mark.attrs?.href)) {
        run.link = mark.attrs!.href!;
        run.style = 'link';
      }
    }
    return run;
  });
}

/** Relative hrefs pass `isAllowedHref` but mean nothing in a PDF, so only absolute web, mail and phone links are kept. */
function isPrintableLink(href: string | undefined): boolean {
  return isAllowedHref(href) && /^(https?|mailto|tel):/i.test(href!);
}

export function blockContent(block: BlockJSON, variables: Record<string, string>): Content {
  if (block.type === 'paragraph') return { text: runs(block.content, variables), style: 'body' };
  return {
    ul: block.content.map((item): Content => ({ stack: item.content.map((child) => blockContent(child, variables)) })),
    style: 'list',
  };
}

/**
 * The id sits on the clause's first block (a text node when it is a paragraph), so pdfmake reports
 * the page the clause starts on and a `pageReference` to it would work too. pdfmake refuses a
 * document with two text nodes of one id, so a repeated clause id (which the editor prevents)
 * is printed without one rather than failing the whole publication.
 */
function withClauseId(blocks: Content[], clauseId: string, used: Set<string>): Content[] {
  const [first, ...rest] = blocks;
  if (!first || used.has(clauseId)) return blocks;
  used.add(clauseId);
  return [{ ...(first as object), id: CLAUSE_ID_PREFIX + clauseId } as Content, ...rest];
}

function clauseContent(clause: ClauseJSON, number: string, variables: Record<string, string>, used: Set<string>): Content {
  const blocks = clause.content.map((block) => blockContent(block, variables));
  const located = withClauseId(blocks, clause.attrs.clauseId, used);
  if (!number) return { stack: located };
  return {
    columns: [
      { text: number, width: CLAUSE_NUMBER_WIDTH, style: 'clauseNumber' },
      { stack: located, width: '*' },
    ],
    columnGap: 0,
  };
}

/**
 * "1. Introduction" in the numbered style, "Introduction" otherwise: the same text the contents
 * lists, and a bookmark in the viewer's sidebar.
 */
function sectionHeading(number: string, heading: InlineJSON[], variables: Record<string, string>): Content {
  const title = runs(heading, variables);
  const plain = inlineText(heading, variables).replace(/\s+/g, ' ').trim();
  const item = {
    text: number ? [`${number} `, ...title] : title,
    style: 'sectionHeading',
    tocItem: true,
    headlineLevel: SECTION_HEADLINE_LEVEL,
    outline: true,
    outlineText: number ? `${number} ${plain}` : plain,
  };
  // @types/pdfmake wants every run of a contents entry to be an entry itself; pdfmake just
  // copies the runs (bold, italics) into the contents line, which is what we want.
  return item as Content;
}

export function policyBody(document: PolicyDocument, numbering: NumberingStyle, variables: Record<string, string>): Content[] {
  const used = new Set<string>();
  return sectionsOf(document).map(
    (section, s): Content => ({
      stack: [
        sectionHeading(sectionNumber(numbering, s), headingOf(section), variables),
        ...clausesOf(section).map((clause, c) => clauseContent(clause, clauseNumber(numbering, s, c), variables, used)),
      ],
    }),
  );
}
