import { blockText, clausesOf, sectionsOf, type ClauseJSON } from '@ratify/document';
import { leafRendition, LEAF_SCHOOL } from './fixtures/leaf';
import { buildPolicyPdf } from './policy-pdf';
import { locateClauses, renderPdf, renderPolicyPdf } from './render';
import type { PolicyRendition } from './rendition';
import { columnText, embeddedFonts, embeddedImages, hugeTextByPage, pageTexts, pagePicture, pdfInfo, pngSize, runTool, scratchFolder, writePdf } from './testing/pdf-tools';

// Rendering takes a few hundred milliseconds; the PDF tools add their own start-up time.
jest.setTimeout(30_000);

const folder = scratchFolder();

/** Words of a page with the layout's runs of spaces and line breaks folded, for phrase searches. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The page (from 1) on which a phrase first appears after page `after`. */
function pageOf(pages: string[], phrase: string, after = 0): number {
  const index = pages.findIndex((text, i) => i >= after && flat(text).includes(phrase));
  if (index < 0) throw new Error(`"${phrase}" is on no page after page ${after}`);
  return index + 1;
}

function clauseText(clause: ClauseJSON, rendition: PolicyRendition): string {
  return flat(blockText(clause.content[0]!, rendition.variables)).split(' ').slice(0, 8).join(' ');
}

describe('the Leaf Trust policy PDF', () => {
  const rendition = leafRendition();
  let file: string;
  let pages: string[];

  beforeAll(async () => {
    file = writePdf(folder, 'leaf.pdf', await renderPolicyPdf(rendition));
    pages = pageTexts(file);
  });

  it('passes qpdf --check', () => {
    // runTool throws on a non-zero exit status.
    expect(runTool('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
  });

  it('carries the exact title and the language', () => {
    const info = pdfInfo(file);
    expect(info.Title).toBe('Use of Social Media Policy');
    expect(info.Author).toBe(`${LEAF_SCHOOL}, Leaf Trust`);
    expect(info['Page size']).toMatch(/A4/);
    expect(runTool('qpdf', ['--qdf', '--object-streams=disable', file, '-'])).toContain('/Lang (en-GB)');
  });

  it('shows the cover facts exactly as given', () => {
    const cover = flat(pages[0]!);
    for (const value of [
      'Leaf Trust',
      'Unique Primary Schools Growing Together',
      LEAF_SCHOOL,
      'Use of Social Media Policy (v 1.0)',
      'Non-statutory',
      '13 January 2025',
      'Operations Lead',
      'Finance, Audit & Risk Committee',
      'Trust board ratification No',
      '2 years',
      'Term 2, 2026/27',
      'This policy supersedes all previous versions of the Use of Social Media Policy.',
    ]) {
      expect(cover).toContain(value);
    }
  });

  it('has the history of changes, page furniture and resolved variables', () => {
    const all = flat(pages.join('\n'));
    const historyPage = pageOf(pages, 'History of policy changes');
    expect(flat(pages[historyPage - 1]!)).toContain('1.0 13 January 2025 Whole document');
    expect(flat(columnText(file, historyPage, 'Change', 'Origin'))).toContain('New Policy – Adopted from existing LA Policy');
    pages.forEach((text, index) => expect(flat(text)).toContain(`Page ${index + 1} of ${pages.length}`));
    expect(flat(pages[1]!)).toContain(`Version 1.0 · ${LEAF_SCHOOL}`);
    expect(all).toContain(`engaged by ${LEAF_SCHOOL} in a paid`);
    expect(all).not.toContain('{{');
  });

  it('prints in the contents the page each section starts on', () => {
    const contentsPage = pages.findIndex((text) => /^Contents$/m.test(text));
    expect(contentsPage).toBeGreaterThan(0);
    const sections = sectionsOf(rendition.document);
    for (const [index, section] of sections.entries()) {
      const heading = `${index + 1}. ${flat(blockText({ type: 'paragraph', content: section.content[0].content }))}`;
      const entry = pages[contentsPage]!.split('\n').find((line) => line.trim().startsWith(heading));
      const printed = Number(/(\d+)\s*$/.exec(entry ?? '')?.[1]);
      const actual = pages.findIndex((text, i) => i > contentsPage && text.split('\n').some((line) => line.trim() === heading)) + 1;
      expect({ heading, printed }).toEqual({ heading, printed: actual });
    }
  });

  it('embeds the logo on the cover and in the running header', () => {
    const images = embeddedImages(file);
    expect(images[0]).toEqual({ page: 1, width: 96, height: 96 });
    expect(images.map((image) => image.page)).toEqual(pages.map((_, index) => index + 1));
  });

  it('embeds only the chosen font family', () => {
    const fonts = embeddedFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.startsWith('Roboto-'))).toEqual([]);
  });

  it('has no watermark when approved', () => {
    expect(hugeTextByPage(file, pages.length)).toEqual(pages.map(() => ''));
  });

  it('draws a cover that is an A4 page', () => {
    const size = pngSize(pagePicture(file, 1, 60, `${folder}/leaf-cover`));
    // pdftoppm rounds a page's pixel size up.
    expect(Math.abs(size.width - (595.28 / 72) * 60)).toBeLessThanOrEqual(1);
    expect(size.height / size.width).toBeCloseTo(841.89 / 595.28, 2);
  });
});

describe('a draft', () => {
  it('carries a DRAFT watermark on every page', async () => {
    const rendition = { ...leafRendition(), version: { number: '1.1', approved: false } };
    const file = writePdf(scratchFolder(), 'draft.pdf', await renderPolicyPdf(rendition));
    const pages = pageTexts(file);
    expect(hugeTextByPage(file, pages.length)).toEqual(pages.map(() => 'DRAFT'));
  });
});

describe('the history Page column', () => {
  it('prints the pages the changed clauses start on', async () => {
    const rendition = leafRendition();
    const clauses = sectionsOf(rendition.document).flatMap(clausesOf);
    const first = clauses[0]!; // 1.1, in the first body page
    const last = clauses.at(-1)!; // 6.4, on the last page
    rendition.history.push(
      { version: '1.1', date: '20 March 2026', change: 'Monitoring and removal clarified', origin: 'Trust board', changedClauses: [last.attrs.clauseId, first.attrs.clauseId] },
      { version: '1.2', date: '2 June 2026', change: 'Reviewed: no change', origin: null, changedClauses: [] },
    );
    const file = writePdf(scratchFolder(), 'history.pdf', await renderPolicyPdf(rendition));
    const pages = pageTexts(file);

    const historyPage = pages.findIndex((text) => text.includes('History of policy changes'));
    const firstPage = pageOf(pages, clauseText(first, rendition), historyPage + 1);
    const lastPage = pageOf(pages, clauseText(last, rendition), historyPage + 1);
    expect(firstPage).not.toBe(lastPage);

    const rows = pages[historyPage]!.split('\n');
    const pageCellOf = (version: string) => /^\s*\S+\s{2,}\S.*?\s{2,}(\S.*?)\s{2,}/.exec(rows.find((line) => line.trim().startsWith(`${version} `)) ?? '')?.[1];
    expect(pageCellOf('1.1')).toBe(`${firstPage}, ${lastPage}`);
    expect(pageCellOf('1.2')).toBe('—');
    expect(pageCellOf('1.0')).toBe('Whole document');
  });

  it('locates every clause on the page it starts on', async () => {
    const rendition = leafRendition();
    const located = await locateClauses(buildPolicyPdf(rendition));
    const pages = pageTexts(writePdf(scratchFolder(), 'locate.pdf', await renderPdf(buildPolicyPdf(rendition))));
    const contentsPage = pages.findIndex((text) => /^Contents$/m.test(text));
    const clauses = sectionsOf(rendition.document).flatMap(clausesOf);
    expect(Object.keys(located)).toHaveLength(clauses.length);
    for (const clause of clauses) {
      expect({ clause: clauseText(clause, rendition), page: located[clause.attrs.clauseId] }).toEqual({
        clause: clauseText(clause, rendition),
        page: pageOf(pages, clauseText(clause, rendition), contentsPage + 1),
      });
    }
  });
});

describe('fonts', () => {
  it('embeds DejaVu Serif when the trust chooses it', async () => {
    const rendition = leafRendition();
    rendition.branding.font = 'DejaVu Serif';
    const fonts = embeddedFonts(writePdf(scratchFolder(), 'serif.pdf', await renderPolicyPdf(rendition)));
    expect(fonts).toContain('DejaVuSerif');
    expect(fonts.filter((font) => !font.startsWith('DejaVuSerif'))).toEqual([]);
  });

  it('embeds DejaVu Sans when the trust chooses it', async () => {
    const rendition = leafRendition();
    rendition.branding.font = 'DejaVu Sans';
    const fonts = embeddedFonts(writePdf(scratchFolder(), 'sans.pdf', await renderPolicyPdf(rendition)));
    expect(fonts.filter((font) => !font.startsWith('DejaVuSans'))).toEqual([]);
  });
});

describe('renderPdf', () => {
  it('refuses to fetch remote images or read local files', async () => {
    const definition = buildPolicyPdf(leafRendition());
    await expect(renderPdf({ ...definition, images: { logo: 'http://169.254.169.254/latest/meta-data' }, content: [{ image: 'logo' }] })).rejects.toThrow(
      /Access to URL denied by resource access policy/,
    );
    await expect(renderPdf({ ...definition, content: [{ image: '/etc/passwd' }] })).rejects.toThrow(/denied by resource access policy/);
  });

  it('leaves the definition it is given unchanged, so it can be rendered again', async () => {
    const definition = buildPolicyPdf(leafRendition());
    const before = JSON.stringify(definition);
    const first = await renderPdf(definition);
    expect(JSON.stringify(definition)).toBe(before);
    const second = await renderPdf(definition);
    expect(second.length).toBeGreaterThan(first.length * 0.9);
  });

  it('gives the same bytes for the same rendition (dated by its issue date), so a publication can be checked by its hash', async () => {
    const [first, second] = [await renderPolicyPdf(leafRendition()), await renderPolicyPdf(leafRendition())];
    expect(first.equals(second)).toBe(true);
    expect(pdfInfo(writePdf(folder, 'dated.pdf', first)).CreationDate).toMatch(/2025/);
  });
});
