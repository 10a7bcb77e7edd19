/**
 * Test support (not shipped: excluded from the build): writes real .docx files with the `docx`
 * package the way a person would in Word — Title and Heading styles, automatic numbering for
 * numbered headings and clauses, bullet lists, tables, and a page header part.
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

export type WordBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string; level: 1 | 2 | 3; numbered?: boolean }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  /** A clause numbered by Word (the "1.1." is not typed). */
  | { kind: 'clause'; text: string }
  | { kind: 'bullet'; text: string; level?: number }
  /** A paragraph in Word's numbered list at `level` (0 "1.", 1 "1.1."), in the Normal style. */
  | { kind: 'numbered'; text: string; level: 0 | 1; bold?: boolean }
  | { kind: 'picture' }
  | { kind: 'table'; rows: string[][] };

export interface WordSpec {
  /** Paragraphs of the page header and footer Word repeats on every page. */
  header?: string[];
  footer?: string[];
  blocks: WordBlock[];
}

const NUMBERING = 'policy-numbering';
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];

/** Text with tabs as real Word tabs (contents entries use them). */
function runs(text: string, bold = false): TextRun[] {
  return text.split('\t').map((part, index) => new TextRun({ children: index === 0 ? [part] : ['\t', part], bold }));
}

function paragraphOf(block: Exclude<WordBlock, { kind: 'table' }>): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ children: runs(block.text), heading: HeadingLevel.TITLE });
    case 'heading':
      return new Paragraph({
        children: runs(block.text),
        heading: HEADING_LEVELS[block.level - 1],
        numbering: block.numbered ? { reference: NUMBERING, level: 0 } : undefined,
      });
    case 'clause':
      return new Paragraph({ children: runs(block.text), numbering: { reference: NUMBERING, level: 1 } });
    case 'bullet':
      return new Paragraph({ children: runs(block.text), bullet: { level: block.level ?? 0 } });
    case 'numbered':
      return new Paragraph({ children: runs(block.text, block.bold), numbering: { reference: NUMBERING, level: block.level } });
    case 'picture':
      return new Paragraph({ children: [new ImageRun({ type: 'png', data: ONE_PIXEL_PNG, transformation: { width: 10, height: 10 } })] });
    case 'paragraph':
      return new Paragraph({ children: runs(block.text, block.bold) });
  }
}

function tableOf(rows: string[][]): Table {
  const width = Math.max(...rows.map((row) => row.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row) =>
        new TableRow({
          children: Array.from({ length: width }, (_, index) => new TableCell({ children: [new Paragraph({ children: runs(row[index] ?? '') })] })),
        }),
    ),
  });
}

export async function buildDocx(spec: WordSpec): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: NUMBERING,
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2.', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        headers: spec.header ? { default: new Header({ children: spec.header.map((text) => new Paragraph({ children: runs(text) })) }) } : undefined,
        footers: spec.footer ? { default: new Footer({ children: spec.footer.map((text) => new Paragraph({ children: runs(text) })) }) } : undefined,
        children: spec.blocks.map((block) => (block.kind === 'table' ? tableOf(block.rows) : paragraphOf(block))),
      },
    ],
  });
  return Packer.toBuffer(document);
}
