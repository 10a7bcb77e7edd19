import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanInline, importText } from './text-importer';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'test-fixtures', name), 'utf8');

describe('importText on the local authority model (numbered headings and clauses)', () => {
  const result = importText(fixture('la-model-social-media-policy.txt'));

  it('reads the numbered headings as sections and strips clause numbers', () => {
    expect(result.title).toBe('Raysfield Schools Social Media');
    expect(result.sections.map((section) => section.heading)).toEqual([
      'Introduction',
      'Scope',
      'Aims',
      'Definition',
      'Use of Social Networking Sites',
      'Breaches of the Policy',
    ]);
    expect(result.sections[0].clauses[0].text).toMatch(/^The Governing Body of the school is committed/);
    expect(result.sections[5].clauses[2].text).toMatch(/^If any instances or allegations/);
  });

  it('keeps an introducing sentence and its bullets in one clause, across blank lines', () => {
    const principles = result.sections[4].clauses[0];
    expect(principles.blocks[0]).toEqual({ type: 'paragraph', text: expect.stringMatching(/following principles:$/) });
    expect(principles.blocks[1]).toMatchObject({ type: 'bulletList' });
    const items = (principles.blocks[1] as { items: string[] }).items;
    expect(items).toHaveLength(11);
    expect(items[10]).toMatch(/^Staff are strongly advised/);
  });
});

describe('importText on Leaf Trust v1.0 (Markdown headings, document control, history, contents)', () => {
  const result = importText(fixture('leaf-trust-use-of-social-media-policy-v1.0.txt'));

  it('reads the document-control table into metadata, without HTML', () => {
    expect(result.title).toBe('Use of Social Media Policy');
    expect(result.metadata).toMatchObject({
      Version: '1.0',
      Statutory: 'No',
      'Date Policy Adopted': '13th January 2025',
      'Policy Author': 'Operations Lead',
      'Policy Monitored by': 'Finance, Audit & Risk Committee',
      'Review Cycle': '2 Years',
      'Review Date': 'Term 2, 2026/27',
    });
  });

  it('reads the history table and skips the contents list', () => {
    expect(result.history).toEqual([
      { version: 'v.1', date: '13 January 2025', page: 'Whole Document', change: 'New Policy', origin: 'Adopted from existing LA Policy' },
    ]);
    expect(result.sections.map((section) => section.heading)).toEqual([
      'Introduction',
      'Scope',
      'Aims',
      'Definition',
      'Use of Social Networking Sites, online sources and gaming platforms',
      'Breaches of the Policy',
    ]);
  });

  it('keeps the Leaf Trust wording and drops Markdown emphasis', () => {
    const text = result.sections.flatMap((section) => section.clauses.map((clause) => clause.text)).join('\n');
    expect(text).toContain('social networking sites, online sources and gaming');
    expect(text).toContain('Staff must not engage in any on-line discussion about any child');
    expect(text).not.toMatch(/\*\*|<b>|<sup>/);
  });

  it('reports the front matter it could not read rather than dropping it silently', () => {
    expect(result.warnings).toContain('Front matter not recognised, left out of the policy text: "Unique Primary Schools Growing Together."');
  });
});

describe('importText on LiFE MAT (a key/value table, repeated page headers)', () => {
  const result = importText(fixture('life-mat-social-media-policy.txt'));

  it('reads the tab-separated document-control table', () => {
    expect(result.metadata).toMatchObject({ 'Last Reviewed': 'March 2017', 'Next Review': 'March 2019', 'Review Cycle': 'Every 2 years or if legislation changes' });
  });

  it('drops the page header repeated on later pages, even when wrapped over lines', () => {
    const text = result.sections.flatMap((section) => [section.heading, ...section.clauses.map((clause) => clause.text)]).join('\n');
    expect(text).not.toContain('Inspiration Innovation Integrity');
    expect(text).not.toMatch(/This policies applies across/);
    expect(text).not.toContain('in association Leicestershire');
    expect(result.sections.filter((section) => section.heading === 'Social Media Policy')).toHaveLength(0);
    expect(text).toContain('Employees should be aware that any use of social media websites');
  });
});

describe('cleanInline', () => {
  it('removes stray HTML and emphasis but keeps the words', () => {
    expect(cleanInline('<b>Date Policy Adopted:</b>\t13 <sup>th</sup> January 2025')).toBe('Date Policy Adopted:\t13th January 2025');
    expect(cleanInline('Staff **must not** engage in *any* way')).toBe('Staff must not engage in any way');
  });
});
