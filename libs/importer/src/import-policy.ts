/**
 * The one entry point for a file a person uploads (the API) or names (the CLI): picks the
 * importer from the name and the content, enforces the limits, and turns every way a file can
 * be wrong into an `ImportError` with a code and a message the person can act on.
 */
import { docxToLines } from './docx';
import { ImportError } from './errors';
import { normaliseLines } from './normalise';
import { detectFormat } from './sniff';
import { importLines, importText } from './text-importer';
import type { ImportedPolicy } from './types';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface PolicyFile {
  fileName: string;
  /** The file's bytes. A string is taken as already-decoded text. */
  data: Buffer | Uint8Array | string;
}

/** "safeguarding-policy_v2.docx" → "Safeguarding policy v2": a title to fall back on. */
export function titleFromFileName(fileName: string): string | undefined {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[A-Za-z0-9]{1,10}$/, '')
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : undefined;
}

function bytesOf(data: PolicyFile['data']): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

// Windows-1252's 0x80–0x9F (curly quotes, dashes, €). Node's TextDecoder reads the label as
// Latin-1 and turns these into control characters, so they are mapped here.
const WINDOWS_1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
}

/** Characters no text file has (NUL and friends; tab, newlines and form feed are fine): a binary file. */
function controlCharacters(sample: string): number {
  let count = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) count++;
  }
  return count;
}

/** Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (old Notepad files). */
export function decodeText(fileName: string, bytes: Buffer): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
    }
  }
  if (controlCharacters(text.slice(0, 8192)) > Math.max(2, Math.min(text.length, 8192) * 0.01)) {
    throw new ImportError('UNREADABLE', `"${fileName}" does not contain readable text. If it is a Word document, make sure it is saved as .docx; otherwise save the policy as plain text (.txt) and try again.`);
  }
  return text.replace(/^\ufeff/, '');
}

function empty(fileName: string): ImportError {
  return new ImportError('EMPTY', `"${fileName}" has no text in it. Check that you chose the right file.`);
}

export async function importPolicy({ fileName, data }: PolicyFile): Promise<ImportedPolicy> {
  const bytes = bytesOf(data);
  if (bytes.length > MAX_IMPORT_BYTES) {
    const size = (bytes.length / 1024 / 1024).toFixed(1);
    throw new ImportError(
      'TOO_LARGE',
      `"${fileName}" is ${size} MB; Ratify imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Save a copy without pictures (in Word: Compress Pictures, or delete them) and import that.`,
    );
  }
  if (bytes.length === 0) throw empty(fileName);
  const fallbackTitle = titleFromFileName(fileName);
  if (detectFormat(fileName, bytes) === 'text') {
    const text = typeof data === 'string' ? data : decodeText(fileName, bytes);
    if (!text.trim()) throw empty(fileName);
    return importText(text, { fallbackTitle });
  }
  const docx = await docxToLines(fileName, bytes);
  if (!docx.lines.some((line) => line.text.trim())) throw empty(fileName);
  const policy = importLines(normaliseLines(docx.lines), { fallbackTitle, lineLabel: 'Paragraph', pageHeader: docx.header, pageFooter: docx.footer });
  if (docx.images > 0) {
    policy.warnings.push(`The document has ${docx.images} ${docx.images === 1 ? 'picture' : 'pictures'}, which ${docx.images === 1 ? 'was' : 'were'} not imported. Add ${docx.images === 1 ? 'it' : 'them'} again in the editor if needed.`);
  }
  return policy;
}
