/**
 * Renders a pdfmake document definition to bytes with every outside resource refused:
 * no URL is ever fetched, and only the bundled font files may be read from disk.
 */
import { dirname, join, resolve, sep } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
// pdfmake 0.3 is CommonJS with a default-less export: the namespace import form breaks it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');

const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

pdfmake.setFonts({
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => resolve(path).startsWith(FONT_DIR + sep));

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(definition).getBuffer();
}
