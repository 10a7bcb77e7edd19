/**
 * The text of a Word document's page headers and footers (word/header*.xml, word/footer*.xml).
 * mammoth leaves them out, but a trust's header often carries its name and strapline; they go
 * to the metadata, and any copy of them typed into the body is dropped as a repeat.
 */
import { isPageNumber } from './classify';
import { isElement, parseHtml, type HtmlElement } from './html-tree';
import { readZipEntry, type ZipEntry } from './zip';

const PART_LIMIT = 2 * 1024 * 1024;

/** Paragraph texts of a WordprocessingML part: w:t runs, w:tab as a tab, nested paragraphs (text boxes) apart. */
export function paragraphsOfPart(xml: string): string[] {
  const paragraphs: string[] = [];
  const walk = (element: HtmlElement, into: string[]) => {
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.name === 'w:p') {
        const own: string[] = [];
        walk(child, own);
        const text = own.join('').replace(/\s+/g, ' ').trim();
        if (text) paragraphs.push(text);
      } else if (child.name === 'w:t') into.push(child.children.filter((node): node is string => !isElement(node)).join(''));
      else if (child.name === 'w:tab') into.push(' ');
      else if (child.name === 'w:br') into.push(' ');
      else walk(child, into);
    }
  };
  walk(parseHtml(xml, { xmlMode: true }), []);
  return paragraphs;
}

export interface PageParts {
  header: string[];
  footer: string[];
}

export function readPageParts(data: Buffer, entries: ZipEntry[]): PageParts {
  const read = (pattern: RegExp) => {
    const texts: string[] = [];
    for (const entry of entries.filter((candidate) => pattern.test(candidate.name)).sort((a, b) => a.name.localeCompare(b.name))) {
      for (const text of paragraphsOfPart(readZipEntry(data, entry, PART_LIMIT).toString('utf8'))) {
        if (!isPageNumber(text) && !texts.includes(text)) texts.push(text);
      }
    }
    return texts;
  };
  return { header: read(/^word\/header\d*\.xml$/), footer: read(/^word\/footer\d*\.xml$/) };
}
