/**
 * .docx → lines for the shared parser. mammoth turns the document into HTML that keeps what
 * matters here (headings, lists, tables, bold) and drops the rest; `html-to-lines` walks it.
 * Before that, a look inside the zip: is it a Word document at all, does it claim to unpack to
 * something absurd, and what do its page headers and footers say (mammoth ignores them).
 */
import mammoth from 'mammoth';
import { ImportError } from './errors';
import { htmlToLines } from './html-to-lines';
import type { SourceLine } from './types';
import { readPageParts, type PageParts } from './word-parts';
import { readZipDirectory, ZipError, type ZipEntry } from './zip';

/** What a .docx may unpack to in total; real policies with pictures stay far below. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const LIST_LEVELS = 9;
const LIST_STYLE = 'ratify-list';

const STYLE_MAP = [
  // Word's "Title" and "Subtitle" styles are not in mammoth's default map.
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  // List paragraphs, flattened by `flattenLists`, keep their kind and level as a class.
  ...['ol', 'ul'].flatMap((kind) => Array.from({ length: LIST_LEVELS }, (_, level) => `p[style-name='${LIST_STYLE}-${kind}-${level}'] => p.${LIST_STYLE}-${kind}-${level}:fresh`)),
];

interface MammothElement {
  type?: string;
  children?: unknown[];
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
}

function isMammothElement(value: unknown): value is MammothElement {
  return typeof value === 'object' && value !== null;
}

/**
 * mammoth nests list paragraphs by guessing from levels, and a numbered clause after a bullet
 * list comes out as one more bullet. So each list paragraph (not a heading: its number is
 * simply dropped) becomes a plain paragraph whose style names its list kind and level, and
 * `html-to-lines` rebuilds the structure from that flat sequence. (mammoth calls this hook
 * "unstable"; the version is pinned, and docx.spec.ts would catch a change.)
 */
export function flattenLists(element: unknown): unknown {
  if (!isMammothElement(element)) return element;
  const children = element.children?.map(flattenLists);
  const numbering = element.numbering;
  if (element.type === 'paragraph' && numbering && !/^(?:heading|title)/i.test(element.styleName ?? '')) {
    const level = Math.min(LIST_LEVELS - 1, Number(numbering.level) || 0);
    return { ...element, children, numbering: null, styleName: `${LIST_STYLE}-${numbering.isOrdered ? 'ol' : 'ul'}-${level}` };
  }
  return children ? { ...element, children } : element;
}

export interface DocxLines extends PageParts {
  lines: SourceLine[];
  images: number;
}

function damaged(fileName: string): ImportError {
  return new ImportError('UNREADABLE', `"${fileName}" could not be opened: it looks damaged or incomplete. Open it in Word, save it again as .docx, and import the new copy.`);
}

function checkEntries(fileName: string, entries: ZipEntry[]): void {
  const names = new Set(entries.map((entry) => entry.name));
  if (!names.has('word/document.xml')) {
    const what = names.has('xl/workbook.xml')
      ? 'an Excel workbook'
      : names.has('ppt/presentation.xml')
        ? 'a PowerPoint presentation'
        : names.has('content.xml')
          ? 'an OpenDocument file'
          : 'a zip file';
    throw new ImportError('UNSUPPORTED_FORMAT', `"${fileName}" is ${what}, not a Word document. Save the policy as a Word document (.docx) and import that.`);
  }
  const unpacked = entries.reduce((total, entry) => total + entry.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new ImportError('TOO_LARGE', `"${fileName}" unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB. Remove large pictures or embedded files, save it again, and import the new copy.`);
  }
}

export async function docxToLines(fileName: string, data: Buffer): Promise<DocxLines> {
  let entries: ZipEntry[];
  let parts: PageParts;
  try {
    entries = readZipDirectory(data);
    checkEntries(fileName, entries);
    parts = readPageParts(data, entries);
  } catch (error) {
    if (error instanceof ZipError) throw damaged(fileName);
    throw error;
  }
  let html: string;
  try {
    // Pictures are not imported: an empty src keeps mammoth from inlining them as base64.
    const result = await mammoth.convertToHtml(
      { buffer: data },
      { styleMap: STYLE_MAP, transformDocument: flattenLists, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch {
    throw damaged(fileName);
  }
  const { lines, images } = htmlToLines(html);
  return { lines, images, ...parts };
}
