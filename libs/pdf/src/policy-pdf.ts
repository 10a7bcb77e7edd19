/**
 * (policy document, organisation, version facts) → a pdfmake document definition.
 * A pure function: no I/O, no fonts, no clock. Only allowlisted link hrefs become PDF links.
 */
import {
  clauseNumber,
  clausesOf,
  headingOf,
  isAllowedHref,
  sectionNumber,
  sectionsOf,
  type BlockJSON,
  type InlineJSON,
  type NumberingStyle,
  type PolicyDocument,
} from '@ratify/document';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';

export interface PolicyPdfInput {
  title: string;
  organisationName: string;
  /** The school the copy is for, when it is a school's copy. */
  schoolName?: string;
  version: {
    number: string;
    approved: boolean;
    /** Already formatted for people, e.g. "13 January 2025". */
    approvedOn?: string;
    nextReview?: string;
  };
  document: PolicyDocument;
  numbering: NumberingStyle;
  variables?: Record<string, string>;
}

type Run = string | ContentText;

function runs(content: InlineJSON[] | undefined, variables: Record<string, string>): Run[] {
  return (content ?? []).map((node): Run => {
    if (node.type === 'hardBreak') return '\n';
    if (node.type === 'variable') return variables[node.attrs.name] ?? `{{${node.attrs.name}}}`;
    const run: ContentText = { text: node.text };
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') run.bold = true;
      if (mark.type === 'italic') run.italics = true;
      if (mark.type === 'link' && isAllowedHref(mark.attrs?.href) && /^(https?|mailto|tel):/i.test(mark.attrs!.href!)) {
        run.link = mark.attrs!.href!;
        run.decoration = 'underline';
      }
    }
    return run;
  });
}

function blockContent(block: BlockJSON, variables: Record<string, string>, prefix?: string): Content {
  if (block.type === 'paragraph') {
    const text = runs(block.content, variables);
    return { text: prefix ? [{ text: `${prefix} `, bold: true }, ...text] : text, style: 'body' };
  }
  const list: Content = {
    ul: block.content.map((item): Content => ({ stack: item.content.map((child) => blockContent(child, variables)) })),
    style: 'body',
  };
  return prefix ? { stack: [{ text: prefix, bold: true }, list] } : list;
}

export function buildPolicyPdf(input: PolicyPdfInput): TDocumentDefinitions {
  const variables = input.variables ?? {};
  const heading = `${input.title} (v ${input.version.number})`;
  const facts: [string, string][] = [
    ['Organisation', input.schoolName ? `${input.schoolName}, ${input.organisationName}` : input.organisationName],
    ['Version', input.version.number],
    ['Status', input.version.approved ? 'Approved' : 'Draft'],
  ];
  if (input.version.approvedOn) facts.push(['Date of approval', input.version.approvedOn]);
  if (input.version.nextReview) facts.push(['Review date', input.version.nextReview]);

  const body: Content[] = sectionsOf(input.document).flatMap((section, s): Content[] => {
    const number = sectionNumber(input.numbering, s);
    const title = runs(headingOf(section), variables);
    return [
      { text: number ? [`${number} `, ...title] : title, style: 'h2', headlineLevel: 2 },
      ...clausesOf(section).flatMap((clause, c) =>
        clause.content.map((block, b) => blockContent(block, variables, b === 0 ? clauseNumber(input.numbering, s, c) || undefined : undefined)),
      ),
    ];
  });

  return {
    info: { title: heading, author: input.organisationName, subject: input.title },
    pageSize: 'A4',
    pageMargins: [56, 64, 56, 64],
    ...(input.version.approved ? {} : { watermark: { text: 'DRAFT', opacity: 0.12, bold: true } }),
    header: { text: `${input.organisationName} — ${input.title}`, style: 'pageHeader', margin: [56, 28, 56, 0] },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `Version ${input.version.number}`, style: 'pageFooter' },
        { text: `Page ${currentPage} of ${pageCount}`, style: 'pageFooter', alignment: 'right' },
      ],
      margin: [56, 24, 56, 0],
    }),
    content: [
      { text: input.organisationName, style: 'organisation' },
      { text: heading, style: 'h1' },
      {
        table: { widths: [140, '*'], body: facts.map(([label, value]) => [{ text: label, bold: true }, value]) },
        layout: 'lightHorizontalLines',
        margin: [0, 8, 0, 16],
      },
      ...body,
    ],
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      organisation: { fontSize: 12, color: '#2f6b3a', bold: true },
      h1: { fontSize: 20, bold: true, margin: [0, 4, 0, 4] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      body: { margin: [0, 0, 0, 6] },
      pageHeader: { fontSize: 8, color: '#555555' },
      pageFooter: { fontSize: 8, color: '#555555' },
    },
  };
}
