import { importPolicy } from './import-policy';
import { fixtureToWord } from './testing/fixture-to-word';
import { bodyText, coverText, headings, occurrences, readFixture, section } from './testing/fixtures';
import { buildDocx, type WordBlock } from './testing/word-builder';
import type { ImportedPolicy } from './types';
import { wordsKept } from './word-coverage';

const LA_HEADINGS = ['Introduction', 'Scope', 'Aims', 'Definition', 'Use of Social Networking Sites', 'Breaches of the Policy'];

async function importWord(fileName: string, blocks: WordBlock[], extra: { header?: string[]; footer?: string[] } = {}): Promise<ImportedPolicy> {
  return importPolicy({ fileName, data: await buildDocx({ blocks, ...extra }) });
}

describe.each(['auto', 'typed'] as const)('a .docx of the local authority model, numbering %s', (numbering) => {
  const source = readFixture('la-model-social-media-policy.txt');
  let result: ImportedPolicy;
  beforeAll(async () => {
    result = await importPolicy({ fileName: 'raysfield-social-media.docx', data: await buildDocx(fixtureToWord(source, { numbering })) });
  });

  it('gives the same six sections and clauses 1.1 to 6.4 as the text', () => {
    expect(result.title).toBe('Raysfield Schools Social Media');
    expect(result.metadata['Subtitle']).toBe('For Employees in Locally Managed Schools');
    expect(headings(result)).toEqual(LA_HEADINGS);
    expect(result.sections.map((candidate) => candidate.clauses.length)).toEqual([3, 2, 1, 2, 1, 5]);
    expect(section(result, 'Breaches of the Policy').clauses[2].text).toMatch(/^If any instances or allegations/);
  });

  it('keeps the 5.1 bullets as separate items of the clause that introduces them', () => {
    const blocks = section(result, 'Use of Social Networking Sites').clauses[0].blocks;
    expect(blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/following principles:$/) });
    expect(blocks[1].type === 'bulletList' && blocks[1].items).toHaveLength(11);
  });

  it('reads the trailing ratification lines into metadata and warns, by paragraph, about the unnumbered one', () => {
    expect(result.metadata).toMatchObject({ Ratified: 'March 2017', Review: 'June 2018' });
    expect(result.warnings).toEqual([expect.stringMatching(/^Paragraph \d+ \("We take opportunities.*follows clause 6\.4/)]);
  });

  it('keeps at least 95% of the words of the text it was typed from', () => {
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('a .docx of Leaf Trust v1.0 (document control and history as Word tables)', () => {
  const source = readFixture('leaf-trust-use-of-social-media-policy-v1.0.txt');
  let result: ImportedPolicy;
  beforeAll(async () => {
    result = await importPolicy({ fileName: 'leaf-social-media.docx', data: await buildDocx(fixtureToWord(source)) });
  });

  it('reads the cover table into metadata', () => {
    expect(result.title).toBe('Use of Social Media Policy');
    expect(result.metadata).toMatchObject({
      Version: '1.0',
      Statutory: 'No',
      Organisation: 'The Leaf Trust',
      'Date Policy Adopted': '13th January 2025',
      'Policy Author': 'Operations Lead',
      'Policy Monitored by': 'Finance, Audit & Risk Committee',
      'Review Cycle': '2 Years',
      'Review Date': 'Term 2, 2026/27',
    });
  });

  it('reads the history row and skips the contents list', () => {
    expect(result.history).toEqual([{ version: 'v.1', date: '13 January 2025', page: 'Whole Document', change: 'New Policy', origin: 'Adopted from existing LA Policy' }]);
    expect(headings(result)).toEqual(['Introduction', 'Scope', 'Aims', 'Definition', 'Use of Social Networking Sites, online sources and gaming platforms', 'Breaches of the Policy']);
    expect(result.warnings).toEqual([]);
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('a .docx of LiFE MAT with its header in a Word page header', () => {
  const source = readFixture('life-mat-social-media-policy.txt');
  const header = [
    'Inspiration Innovation Integrity',
    'This policies applies across the LiFE Multi Acadaemy Trust (MAT)',
    'in association Leicestershire Traded services last amended June 2016',
  ];
  let result: ImportedPolicy;
  beforeAll(async () => {
    const spec = fixtureToWord(source, { header, remove: ['This policies applies across the LiFE Multi Academa Trust (MAT)'] });
    result = await importPolicy({ fileName: 'life-social-media.docx', data: await buildDocx(spec) });
  });

  it('keeps the page header once, in the metadata, and out of the body', () => {
    expect(result.title).toBe('Social Media Policy');
    for (const line of header) {
      expect(occurrences(coverText(result), line)).toBe(1);
      expect(bodyText(result)).not.toContain(line);
    }
    expect(result.metadata['Page header']).toBe(header.join(' / '));
  });

  it('gives the same sections and document control as the text', () => {
    expect(headings(result)).toContain('Prohibited use');
    expect(headings(result)).toHaveLength(12);
    expect(result.metadata).toMatchObject({ 'Last Reviewed': 'March 2017', 'Next Review': 'March 2019', 'Reviewed By': 'Head of School' });
    const blocks = section(result, 'Employee Responsibility').clauses[0].blocks;
    expect(blocks[blocks.length - 1]).toEqual({ type: 'paragraph', text: '* This list is not exhaustive.' });
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('Word structures a text file does not have', () => {
  it('reads list-numbered headings (numbering lost by mammoth) with their numbered clauses', async () => {
    const result = await importWord('numbered-list.docx', [
      { kind: 'title', text: 'Visitors Policy' },
      { kind: 'numbered', level: 0, text: 'Signing in', bold: true },
      { kind: 'numbered', level: 1, text: 'All visitors sign in at reception and wear a badge.' },
      { kind: 'numbered', level: 1, text: 'Visitors are escorted unless they hold a DBS check.' },
      { kind: 'numbered', level: 0, text: 'Leaving the site', bold: true },
      { kind: 'numbered', level: 1, text: 'Visitors sign out and return their badge.' },
    ]);
    expect(headings(result)).toEqual(['Signing in', 'Leaving the site']);
    expect(result.sections.map((candidate) => candidate.clauses.map((clause) => clause.text))).toEqual([
      ['All visitors sign in at reception and wear a badge.', 'Visitors are escorted unless they hold a DBS check.'],
      ['Visitors sign out and return their badge.'],
    ]);
  });

  it('reads a wholly bold paragraph as a sub-heading and a numbered list after a colon as items', async () => {
    const result = await importWord('bold.docx', [
      { kind: 'title', text: 'Lettings Policy' },
      { kind: 'heading', level: 1, text: 'Procedure' },
      { kind: 'paragraph', text: 'Hirers will:' },
      { kind: 'numbered', level: 0, text: 'complete the booking form' },
      { kind: 'numbered', level: 0, text: 'pay the deposit in advance' },
      { kind: 'paragraph', text: 'Cancellations', bold: true },
      { kind: 'paragraph', text: 'Bookings cancelled with less than seven days notice are charged in full.' },
    ]);
    expect(headings(result)).toEqual(['Procedure', 'Cancellations']);
    expect(section(result, 'Procedure').clauses[0].blocks).toEqual([
      { type: 'paragraph', text: 'Hirers will:' },
      { type: 'bulletList', items: ['complete the booking form', 'pay the deposit in advance'] },
    ]);
  });

  it('says pictures were not imported, reads the footer, and ignores page numbers', async () => {
    const result = await importWord(
      'pictures.docx',
      [
        { kind: 'title', text: 'Uniform Policy' },
        { kind: 'heading', level: 1, text: 'Our uniform' },
        { kind: 'paragraph', text: 'Pupils wear the school jumper with the badge shown below.' },
        { kind: 'picture' },
      ],
      { footer: ['Oakfield Primary School, Mill Lane, Northshire', 'Page 1 of 1'] },
    );
    expect(result.warnings).toContain('The document has 1 picture, which was not imported. Add it again in the editor if needed.');
    expect(result.metadata['Page footer']).toBe('Oakfield Primary School, Mill Lane, Northshire');
  });
});
