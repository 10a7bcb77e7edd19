/**
 * Which importer a file needs, from its name and its first bytes, and a refusal a school office
 * can act on for everything else. Content wins over the name: a .docx renamed .txt is still
 * read as Word, and a PDF renamed .txt is still refused.
 */
import { ImportError } from './errors';
import { isZip } from './zip';

export type Format = 'docx' | 'text';

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown']);
const WORD_EXTENSIONS = new Set(['docx', 'docm', 'dotx']);

const OTHER_FORMATS: Record<string, string> = {
  doc: 'is an older Word file (.doc). Open it in Word, choose File → Save As → Word Document (.docx), and import the .docx.',
  rtf: 'is a Rich Text file (.rtf). Open it in Word, choose File → Save As → Word Document (.docx), and import the .docx.',
  odt: 'is an OpenDocument file (.odt). Open it in LibreOffice or Word and save it as a Word Document (.docx), then import that.',
  pdf: 'is a PDF. Ratify cannot read the structure of a PDF reliably: import the Word document it was made from, or copy the text into a .txt file.',
  pages: 'is an Apple Pages file. In Pages choose File → Export To → Word, and import the .docx.',
  html: 'is a web page. Save the policy as a Word document (.docx) or plain text (.txt) and import that.',
  htm: 'is a web page. Save the policy as a Word document (.docx) or plain text (.txt) and import that.',
};
const PICTURE = 'is a picture, not a document. Import the Word document (.docx) or a text file (.txt) with the policy’s words instead.';
for (const picture of ['png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'heic', 'webp']) OTHER_FORMATS[picture] = PICTURE;

export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : '';
}

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, index) => data[index] === byte);
}

/** What the first bytes say the file is, when they say anything. */
function sniff(data: Uint8Array): string | undefined {
  if (isZip(data)) return 'zip';
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc';
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(data, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47]) || startsWith(data, [0xff, 0xd8, 0xff]) || startsWith(data, [0x47, 0x49, 0x46, 0x38])) return 'png';
  return undefined;
}

function refuse(fileName: string, reason: string): ImportError {
  return new ImportError('UNSUPPORTED_FORMAT', `"${fileName}" ${reason}`);
}

const OLD_WORD =
  'is an older Word file (.doc), or a password-protected one. Open it in Word, remove any password, choose File → Save As → Word Document (.docx), and import the .docx.';
const NOT_SUPPORTED = 'is not a file Ratify can import. Ratify reads Word documents (.docx), Markdown (.md) and plain text (.txt).';

export function detectFormat(fileName: string, data: Uint8Array): Format {
  const extension = extensionOf(fileName);
  const sniffed = sniff(data);
  if (sniffed === 'zip') return 'docx';
  if (sniffed === 'doc') throw refuse(fileName, OLD_WORD);
  if (sniffed) throw refuse(fileName, OTHER_FORMATS[sniffed]);
  if (WORD_EXTENSIONS.has(extension)) {
    throw new ImportError('UNREADABLE', `"${fileName}" is named like a Word document but is not one, or it is damaged. Open it in Word, save it again as .docx, and import the new copy.`);
  }
  if (TEXT_EXTENSIONS.has(extension)) return 'text';
  throw refuse(fileName, OTHER_FORMATS[extension] ?? NOT_SUPPORTED);
}
