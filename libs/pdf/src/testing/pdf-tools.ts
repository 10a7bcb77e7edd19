/**
 * The Debian PDF tools (qpdf, poppler-utils) as test helpers: the tests read the PDF the way a
 * reader's software does, not the way pdfmake meant it. A missing tool fails the test with the
 * command that installs it; it never skips, or a machine without the tools would pass unchecked.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Tool = 'qpdf' | 'pdfinfo' | 'pdftotext' | 'pdftoppm' | 'pdfimages' | 'pdffonts';

export function runTool(tool: Tool, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is not installed, and these tests read the PDF with it. Install it: apt-get install qpdf poppler-utils`);
    }
    throw error;
  }
}

/** A fresh temporary folder for one test file's PDFs and pictures. */
export function scratchFolder(): string {
  return mkdtempSync(join(tmpdir(), 'ratify-pdf-'));
}

export function writePdf(folder: string, name: string, bytes: Uint8Array): string {
  const file = join(folder, name);
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page, as `pdftotext -layout` sees it (it ends every page with a form feed). */
export function pageTexts(file: string): string[] {
  const pages = runTool('pdftotext', ['-layout', file, '-']).split('\f');
  return pages.slice(0, -1);
}

/** "Title: …" and friends from `pdfinfo`, as a record. */
export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of runTool('pdfinfo', [file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

/** Embedded font names without their subset prefix: "BZZZZZ+Roboto-Medium" → "Roboto-Medium". */
export function embeddedFonts(file: string): string[] {
  return runTool('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

/** The images `pdfimages -list` reports (masks left out): page and pixel size. */
export function embeddedImages(file: string): { page: number; width: number; height: number }[] {
  return runTool('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns[2] === 'image')
    .map((columns) => ({ page: Number(columns[0]), width: Number(columns[3]), height: Number(columns[4]) }));
}

/** Page `page` as a PNG at `dpi`, via pdftoppm; returns the PNG's path. */
export function pagePicture(file: string, page: number, dpi: number, outputBase: string): string {
  runTool('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, outputBase]);
  return `${outputBase}.png`;
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a' || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word on page `page` with its box in points, from `pdftotext -bbox`. */
export function wordsOn(file: string, page: number): Word[] {
  const html = runTool('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  return [...html.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: match[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}

/**
 * Text far larger than any heading (a watermark), page by page: its words read left to right,
 * which puts a diagonal "DRAFT" (that pdftotext splits into "DR", "AF", "T") back together.
 */
export function hugeTextByPage(file: string, pageCount: number): string[] {
  return Array.from({ length: pageCount }, (_, index) =>
    wordsOn(file, index + 1)
      .filter((word) => word.yMax - word.yMin > 80)
      .sort((a, b) => a.xMin - b.xMin)
      .map((word) => word.text)
      .join(''),
  );
}

/**
 * The text of one table column on a page, read by cropping the page to the column: a cell's
 * wrapped lines come out together. The column runs from its header word to the next header word.
 */
export function columnText(file: string, page: number, header: string, nextHeader: string): string {
  const words = wordsOn(file, page);
  const start = words.find((word) => word.text === header);
  const end = words.find((word) => word.text === nextHeader && start && Math.abs(word.yMin - start.yMin) < 1 && word.xMin > start.xMin);
  if (!start || !end) throw new Error(`No column "${header}" followed by "${nextHeader}" on page ${page}`);
  const x = Math.floor(start.xMin - 2);
  return runTool('pdftotext', ['-layout', '-f', String(page), '-l', String(page), '-x', String(x), '-y', '0', '-W', String(Math.floor(end.xMin - 2) - x), '-H', '842', file, '-']);
}
