/**
 * A policy rendition → a pdfmake document definition: cover, history of changes, contents,
 * body, and the page furniture around them. A pure function: no I/O, no fonts, no clock.
 * Page numbers of changed clauses come in from a layout pass (`renderPolicyPdf` does both).
 */
import type { Content, DynamicBackground, DynamicContent, Node, TDocumentDefinitions, Watermark } from 'pdfmake/interfaces';
import { policyBody, SECTION_HEADLINE_LEVEL } from './body';
import { coverPage, fitInto, LOGO_IMAGE } from './cover';
import { historyTable } from './history';
import { paletteOf, type Palette } from './palette';
import type { PolicyRendition } from './rendition';

export interface PolicyLayout {
  /** The page each clause starts on, by clause id, from a first layout pass (`locateClauses`). */
  clausePages?: Record<string, number>;
}

/** [left, top, right, bottom] in points; the top leaves room for the running header. */
const PAGE_MARGINS: [number, number, number, number] = [56, 72, 56, 64];
const HEADER_LOGO_BOX = { width: 72, height: 22 };
/**
 * A section heading that starts with less room than this below it goes to the next page: the
 * heading plus about three lines of its first clause, so no heading is left alone at a page foot.
 */
const KEEP_WITH_NEXT_POINTS = 96;

function author(rendition: PolicyRendition): string {
  return rendition.schoolName ? `${rendition.schoolName}, ${rendition.organisationName}` : rendition.organisationName;
}

function watermark(rendition: PolicyRendition): Watermark | undefined {
  if (rendition.version.approved) return undefined;
  return { text: 'DRAFT', color: '#8c959f', opacity: 0.18, bold: true };
}

function rule(width: number, colour: string, lineWidth: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth, lineColor: colour }] };
}

/** A band of the primary colour across the top of the cover, as on printed trust covers. */
function coverBand(palette: Palette): DynamicBackground {
  return (currentPage, pageSize) =>
    currentPage === 1 ? { canvas: [{ type: 'rect', x: 0, y: 0, w: pageSize.width, h: 14, color: palette.primary }] } : null;
}

/** From page 2: the small logo and the title, over a rule. The cover has its own large ones. */
function pageHeader(rendition: PolicyRendition, palette: Palette): DynamicContent {
  const logo = rendition.branding.logo;
  return (currentPage, _pageCount, pageSize) => {
    if (currentPage === 1) return null;
    const width = pageSize.width - PAGE_MARGINS[0] - PAGE_MARGINS[2];
    return {
      margin: [PAGE_MARGINS[0], 26, PAGE_MARGINS[2], 0],
      stack: [
        {
          columns: [
            logo ? { image: LOGO_IMAGE, ...fitInto(logo, HEADER_LOGO_BOX) } : { text: rendition.organisationName, style: 'pageHeader', width: 'auto' },
            { text: rendition.title, style: 'pageHeader', alignment: 'right', width: '*', margin: [0, logo ? 8 : 0, 0, 0] },
          ],
        },
        { ...(rule(width, palette.primary, 0.75) as object), margin: [0, 5, 0, 0] } as Content,
      ],
    };
  };
}

/** Every page: the version (and the school whose copy it is) left, "Page x of y" right. */
function pageFooter(rendition: PolicyRendition, palette: Palette): DynamicContent {
  const left = [`Version ${rendition.version.number}`, rendition.schoolName].filter(Boolean).join(' · ');
  return (currentPage, pageCount, pageSize) => ({
    margin: [PAGE_MARGINS[0], 22, PAGE_MARGINS[2], 0],
    stack: [
      rule(pageSize.width - PAGE_MARGINS[0] - PAGE_MARGINS[2], palette.rule, 0.5),
      {
        columns: [
          { text: left, style: 'pageFooter' },
          { text: `Page ${currentPage} of ${pageCount}`, style: 'pageFooter', alignment: 'right' },
        ],
        margin: [0, 5, 0, 0],
      },
    ],
  });
}

/** pdfmake's documented hook for "keep with next": move a heading that would end a page. */
function keepHeadingsWithText(node: Node): boolean {
  if (node.headlineLevel !== SECTION_HEADLINE_LEVEL) return false;
  const { verticalRatio, pageInnerHeight } = node.startPosition;
  return (1 - verticalRatio) * pageInnerHeight < KEEP_WITH_NEXT_POINTS;
}

function historyAndContents(rendition: PolicyRendition, layout: PolicyLayout, palette: Palette): Content[] {
  return [
    { text: 'History of policy changes', style: 'h1', pageBreak: 'before' },
    historyTable(rendition.history, layout.clausePages, palette),
    {
      toc: {
        title: { text: 'Contents', style: 'h1' },
        textStyle: 'tocEntry',
        numberStyle: 'tocEntry',
      },
    },
  ];
}

function styles(palette: Palette): TDocumentDefinitions['styles'] {
  return {
    coverOrganisation: { fontSize: 24, bold: true, color: palette.primary, alignment: 'center' },
    coverStrapline: { fontSize: 11.5, italics: true, color: palette.muted, alignment: 'center', margin: [0, 4, 0, 0] },
    coverSchool: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 14, 0, 0] },
    coverTitle: { fontSize: 24, bold: true, color: palette.primary, alignment: 'center', lineHeight: 1.1, margin: [0, 56, 0, 6] },
    coverStatutory: { fontSize: 12, color: palette.muted, alignment: 'center', margin: [0, 0, 0, 40] },
    documentControl: { fontSize: 10 },
    coverNote: { fontSize: 9.5, italics: true, color: palette.muted, alignment: 'center', margin: [0, 14, 0, 0] },
    h1: { fontSize: 16, bold: true, color: palette.primary, margin: [0, 0, 0, 10] },
    historyTable: { fontSize: 9, margin: [0, 0, 0, 30] },
    tocEntry: { fontSize: 10.5, margin: [0, 3, 0, 3] },
    sectionHeading: { fontSize: 13.5, bold: true, color: palette.primary, margin: [0, 14, 0, 6] },
    clauseNumber: { bold: true },
    body: { margin: [0, 0, 0, 6] },
    list: { margin: [0, 0, 0, 6], markerColor: palette.primary },
    link: { color: palette.primary, decoration: 'underline' },
    pageHeader: { fontSize: 8.5, color: palette.muted },
    pageFooter: { fontSize: 8.5, color: palette.muted },
  };
}

export function buildPolicyPdf(rendition: PolicyRendition, layout: PolicyLayout = {}): TDocumentDefinitions {
  const palette = paletteOf(rendition.branding);
  const logo = rendition.branding.logo;
  const draft = watermark(rendition);
  return {
    info: {
      title: rendition.title,
      author: author(rendition),
      subject: `Policy, version ${rendition.version.number}`,
      creator: 'Ratify',
      producer: 'Ratify',
      // A fixed date makes the same rendition give the same bytes (and the same SHA-256) every time.
      ...(rendition.issuedOn ? { creationDate: new Date(`${rendition.issuedOn}T00:00:00Z`), modDate: new Date(`${rendition.issuedOn}T00:00:00Z`) } : {}),
    },
    language: rendition.language,
    // Viewers show the title rather than the file name (PDF/UA asks for it).
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    ...(logo ? { images: { [LOGO_IMAGE]: logo.dataUrl } } : {}),
    ...(draft ? { watermark: draft } : {}),
    background: coverBand(palette),
    header: pageHeader(rendition, palette),
    footer: pageFooter(rendition, palette),
    pageBreakBefore: keepHeadingsWithText,
    content: [
      ...coverPage(rendition, palette),
      ...historyAndContents(rendition, layout, palette),
      { stack: policyBody(rendition.document, rendition.numbering, rendition.variables), pageBreak: 'before' },
    ],
    defaultStyle: { font: rendition.branding.font, fontSize: 10.5, lineHeight: 1.3, color: palette.text },
    styles: styles(palette),
  };
}
