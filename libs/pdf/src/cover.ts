/**
 * The cover page, laid out like the covers trusts already print: logo, trust (and school) name,
 * strapline, the title with its version, statutory or not, then the document-control block in
 * the trust's chosen order and the "supersedes" note.
 */
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { gridLayout, type Palette } from './palette';
import { coverRows, supersedesNote, type PolicyRendition } from './rendition';

/** The key of the logo in the definition's `images` dictionary. */
export const LOGO_IMAGE = 'logo';

export interface Size {
  width: number;
  height: number;
}

export const COVER_LOGO_BOX: Size = { width: 160, height: 80 };

/** The logo scaled to fit the box, keeping its proportions. */
export function fitInto(image: Size, box: Size): Size {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: round(image.width * scale), height: round(image.height * scale) };
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * "Use of Social Media Policy (v 1.0)", as trusts title their documents. The space inside the
 * brackets is a no-break space, so a long title never leaves "(v" at the end of a line.
 */
export function titleWithVersion(rendition: PolicyRendition): string {
  return `${rendition.title} (v\u00a0${rendition.version.number})`;
}

/** A short centred rule in the primary colour, between the names and the title. */
function coverRule(palette: Palette): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: 120, y2: 0, lineWidth: 2, lineColor: palette.primary }],
    alignment: 'center',
    margin: [0, 18, 0, 0],
  };
}

/**
 * The document-control rows. The statutory fact is printed as its own line under the title (as
 * on the trusts' own covers), so it is not repeated as a row.
 */
export function documentControlRows(rendition: PolicyRendition) {
  return coverRows(rendition).filter((row) => row.field !== 'statutory');
}

function documentControlTable(rendition: PolicyRendition, palette: Palette): ContentTable {
  const heading: TableCell[] = [
    { text: 'Document control', colSpan: 2, bold: true, color: palette.onAccent, fillColor: palette.accent },
    {},
  ];
  const rows = documentControlRows(rendition).map((row): TableCell[] => [
    { text: row.label, bold: true, fillColor: palette.wash },
    { text: row.value },
  ]);
  return {
    table: { widths: [170, '*'], headerRows: 1, dontBreakRows: true, body: [heading, ...rows] },
    layout: gridLayout(palette),
    style: 'documentControl',
  };
}

export function coverPage(rendition: PolicyRendition, palette: Palette): Content[] {
  const { branding } = rendition;
  const showStatutory = branding.coverFields.includes('statutory');
  const content: (Content | null)[] = [
    branding.logo
      ? { image: LOGO_IMAGE, ...fitInto(branding.logo, COVER_LOGO_BOX), alignment: 'center', margin: [0, 12, 0, 18] }
      : { text: '', margin: [0, 40, 0, 0] },
    { text: rendition.organisationName, style: 'coverOrganisation' },
    branding.strapline ? { text: branding.strapline, style: 'coverStrapline' } : null,
    rendition.schoolName ? { text: rendition.schoolName, style: 'coverSchool' } : null,
    coverRule(palette),
    { text: titleWithVersion(rendition), style: 'coverTitle' },
    showStatutory ? { text: rendition.cover.statutory ? 'Statutory' : 'Non-statutory', style: 'coverStatutory' } : null,
    documentControlTable(rendition, palette),
    { text: `(${supersedesNote(rendition)})`, style: 'coverNote' },
  ];
  return content.filter((item): item is Content => item !== null);
}
