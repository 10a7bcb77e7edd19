import { bodyText, coverText, headings, occurrences, readFixture, section } from './testing/fixtures';
import { cleanInline, importText } from './text-importer';
import type { ImportedPolicy } from './types';
import { wordsKept } from './word-coverage';

const paragraphs = (policy: ImportedPolicy, heading: string) => section(policy, heading).clauses.map((clause) => clause.text);

describe('importText on the local authority model (numbered headings and clauses)', () => {
  const source = readFixture('la-model-social-media-policy.txt');
  const result = importText(source);

  it('reads the title, the subtitle and the six numbered sections', () => {
    expect(result.title).toBe('Raysfield Schools Social Media');
    expect(result.metadata['Subtitle']).toBe('For Employees in Locally Managed Schools');
    expect(headings(result)).toEqual(['Introduction', 'Scope', 'Aims', 'Definition', 'Use of Social Networking Sites', 'Breaches of the Policy']);
  });

  it('reads clauses 1.1 to 6.4, "6.3.1." included, with their numbers stripped', () => {
    expect(result.sections.map((candidate) => candidate.clauses.length)).toEqual([3, 2, 1, 2, 1, 5]);
    expect(result.sections[0].clauses[0].text).toMatch(/^The Governing Body of the school is committed/);
    const breaches = paragraphs(result, 'Breaches of the Policy');
    expect(breaches[0]).toMatch(/^While the Governing Body does not discourage/); // 6.1
    expect(breaches[1]).toMatch(/^The Headteacher may exercise/); // 6.2
    expect(breaches[2]).toMatch(/^If any instances or allegations/); // 6.3.1.
    expect(breaches[3]).toMatch(/^The Governing Body reserves the right/); // 6.4
    expect(bodyText(result)).not.toMatch(/\b\d\.\d\.?\s/);
  });

  it('keeps the unnumbered closing paragraph where it stands, with a warning naming clause 6.4', () => {
    expect(paragraphs(result, 'Breaches of the Policy')[4]).toMatch(/^We take opportunities to maximize positive impacts/);
    expect(result.warnings).toContain(
      'Line 54 ("We take opportunities to maximize positive impa…"): this paragraph has no number but follows clause 6.4; kept it as its own clause in "Breaches of the Policy". Check whether it belongs to clause 6.4.',
    );
  });

  it('keeps each 5.1 bullet as its own item, across the blank line before the last', () => {
    const principles = section(result, 'Use of Social Networking Sites').clauses[0];
    expect(principles.blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/following principles:$/) });
    const list = principles.blocks[1];
    if (list.type !== 'bulletList') throw new Error('expected a list');
    expect(list.items).toHaveLength(11);
    expect(list.items[0]).toMatch(/^Employees and individuals otherwise engaged/);
    expect(list.items[9]).toBe('Care should be taken to avoid using language which could be deemed as offensive to others.');
    expect(list.items[10]).toMatch(/^Staff are strongly advised/);
    expect(section(result, 'Aims').clauses[0].blocks[1]).toEqual({ type: 'bulletList', items: [expect.stringMatching(/^Enable/), expect.stringMatching(/^Ensure/), expect.stringMatching(/^Safeguard/)] });
  });

  it('reads the trailing "Ratified / March 2017 / Review June 2018" into metadata, not the last clause', () => {
    expect(result.metadata).toMatchObject({ Ratified: 'March 2017', Review: 'June 2018' });
    expect(bodyText(result)).not.toMatch(/Ratified|March 2017|June 2018/);
  });

  it('keeps at least 95% of the words', () => {
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('importText on Leaf Trust v1.0 (cover, document control, history, contents)', () => {
  const source = readFixture('leaf-trust-use-of-social-media-policy-v1.0.txt');
  const result = importText(source);

  it('reads the document-control table into metadata, without HTML', () => {
    expect(result.title).toBe('Use of Social Media Policy');
    expect(result.metadata).toMatchObject({
      Version: '1.0',
      Statutory: 'No',
      'Date Policy Adopted': '13th January 2025',
      'Policy Author': 'Operations Lead',
      'Policy Monitored by': 'Finance, Audit & Risk Committee',
      'Policy Approved by': 'Finance, Audit & Risk',
      'Date of Approval': '13th January 2025',
      'Review Cycle': '2 Years',
      'Review Date': 'Term 2, 2026/27',
    });
  });

  it('files the cover lines under clear keys instead of dropping them', () => {
    expect(result.metadata).toMatchObject({
      Organisation: 'The Leaf Trust',
      Strapline: 'Unique Primary Schools Growing Together.',
      Supersedes: 'This policy supersedes all previous versions of Use of Social Media policies',
      'Trust Board Ratification': 'Yes No',
    });
    expect(result.warnings).toEqual([]);
  });

  it('reads the history table and skips the contents list', () => {
    expect(result.history).toEqual([{ version: 'v.1', date: '13 January 2025', page: 'Whole Document', change: 'New Policy', origin: 'Adopted from existing LA Policy' }]);
    expect(headings(result)).toEqual(['Introduction', 'Scope', 'Aims', 'Definition', 'Use of Social Networking Sites, online sources and gaming platforms', 'Breaches of the Policy']);
    expect(bodyText(result)).not.toMatch(/\.{3,}|Scope of Policy/);
  });

  it('keeps the wording and drops Markdown emphasis', () => {
    const text = bodyText(result);
    expect(text).toContain('social networking sites, online sources and gaming');
    expect(text).toContain('Staff must not engage in any on-line discussion about any child');
    expect(text).not.toMatch(/\*\*|<b>|<sup>/);
  });

  it('keeps at least 95% of the words', () => {
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('importText on LiFE MAT (a key/value table, page headers repeated with typos)', () => {
  const source = readFixture('life-mat-social-media-policy.txt');
  const result = importText(source);
  const header = [
    'Inspiration Innovation Integrity',
    'This policies applies across the LiFE Multi Acadaemy Trust (MAT)',
    'in association Leicestershire Traded services last amended June 2016',
  ];

  it('reads the tab-separated document-control table', () => {
    expect(result.metadata).toMatchObject({
      'Reviewed By': 'Head of School',
      Responsibility: 'Directors of the LiFE MAT',
      'Last Reviewed': 'March 2017',
      'Next Review': 'March 2019',
      'Review Cycle': 'Every 2 years or if legislation changes',
      'Ratified by Directors of LiFE MAT': 'June 2017',
    });
  });

  it('keeps the page header once, in the title and metadata, and never in the body', () => {
    expect(result.title).toBe('Social Media Policy');
    for (const line of header) expect(occurrences(coverText(result), line)).toBe(1);
    const body = bodyText(result);
    expect(body).not.toMatch(/Inspiration Innovation Integrity|This policies applies|in association Leicestershire|Acadaemy|Academa/);
    expect(headings(result)).not.toContain('Social Media Policy');
    expect(result.metadata['Strapline']).toBe('Inspiration Innovation Integrity');
    expect(result.warnings).toContain('Removed 8 lines of page headers and footers repeated through the file; each is kept once, in the title or the document details.');
  });

  it('joins a paragraph split across a page break', () => {
    expect(paragraphs(result, 'Social Media Definition')[0]).toBe(
      'Social media can be defined as websites and applications that enable users to create and share content or to participate in social networking, resulting in a number of different activities.',
    );
    const responsibility = section(result, 'Employee Responsibility').clauses[0].blocks[0];
    if (responsibility.type !== 'bulletList') throw new Error('expected a list');
    expect(responsibility.items[2]).toBe(
      "To avoid any conflict of interest, employees should ensure that personal social networking sites are set at private and pupils are never listed as approved contacts. An exception to this may be if the child is the employee's own child, or relative.",
    );
  });

  it('reads "Prohibited use" as a sub-heading over its bullets', () => {
    expect(headings(result)).toEqual([
      'Scope',
      'Application of this Policy to Academy Governors or MAT Members or Directors',
      'Purpose',
      'Social Media Definition',
      'Use of Social Media',
      'Prohibited use',
      'Employee Responsibility',
      'Communication with Students',
      'Disciplinary Action',
      'Social Media Security',
      'Monitoring the use of Social Media Websites',
      'Employee Groups / Networks',
    ]);
    const prohibited = section(result, 'Prohibited use').clauses[0].blocks;
    expect(prohibited).toEqual([{ type: 'bulletList', items: expect.arrayContaining([expect.stringMatching(/^You must avoid making any social media/)]) }]);
  });

  it('keeps "\\* This list is not exhaustive." as a literal note under its list, not a bullet', () => {
    const blocks = section(result, 'Employee Responsibility').clauses[0].blocks;
    expect(blocks[blocks.length - 1]).toEqual({ type: 'paragraph', text: '* This list is not exhaustive.' });
    const list = blocks[0];
    expect(list.type === 'bulletList' && list.items).not.toContain('This list is not exhaustive.');
  });

  it('keeps at least 95% of the words', () => {
    expect(wordsKept(source, result).ratio).toBeGreaterThanOrEqual(0.95);
  });
});

describe('cleanInline', () => {
  it('removes stray HTML and emphasis but keeps the words', () => {
    expect(cleanInline('<b>Date Policy Adopted:</b>\t13 <sup>th</sup> January 2025')).toBe('Date Policy Adopted:\t13th January 2025');
    expect(cleanInline('Staff **must not** engage in *any* way')).toBe('Staff must not engage in any way');
    expect(cleanInline('2 * 3 * 4 &amp; \\* literal')).toBe('2 * 3 * 4 & * literal');
    expect(cleanInline('See [the guidance](https://www.gov.uk/kcsie) and [Scope](#scope)')).toBe('See the guidance (https://www.gov.uk/kcsie) and Scope');
  });
});
