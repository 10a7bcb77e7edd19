/**
 * How lines become sections and clauses, on small documents: the context rules of the
 * tokenizer and the body builder, and the cover's leftovers.
 */
import { headings } from './testing/fixtures';
import { importText } from './text-importer';

const blocksOf = (text: string) => importText(text).sections.map((section) => [section.heading, section.clauses.map((clause) => clause.blocks)]);

describe('paragraphs', () => {
  it('carry on after a blank line (or a page break) when they stop mid-sentence', () => {
    const policy = importText('# Policy\n\n## Definition\n\nSocial media lets users create and share content or to\n\nparticipate in networking.\n\nIt changes fast.\f\nStaff must check settings, including\n\nPrivacy Settings on every site.');
    expect(policy.sections[0].clauses.map((clause) => clause.text)).toEqual([
      'Social media lets users create and share content or to participate in networking.',
      'It changes fast.',
      'Staff must check settings, including Privacy Settings on every site.',
    ]);
  });

  it('do not carry on into a new sentence after a line that merely lacks a full stop', () => {
    const policy = importText("# Policy\n\n## Students\n\nThe DCSF booklet is 'Guidance for Safe Working Practice'\n\nThis deals with communication.");
    expect(policy.sections[0].clauses).toHaveLength(2);
  });

  it('join wrapped lines, but start anew after a line that ends a sentence', () => {
    const policy = importText('# Policy\n\n## Scope\n\nThis policy applies to all staff\nand volunteers in the school.\nIt also applies to governors.');
    expect(policy.sections[0].clauses.map((clause) => clause.text)).toEqual(['This policy applies to all staff and volunteers in the school.', 'It also applies to governors.']);
  });
});

describe('unnumbered headings', () => {
  it('are short title-like lines standing alone between blank lines', () => {
    expect(headings(importText('# Policy\n\nPurpose\n\nWe keep children safe.\n\nEarly help\n\nWe act early.'))).toEqual(['Purpose', 'Early help']);
  });

  it('are not title-like lines inside a wrapped paragraph, or at the very end', () => {
    const policy = importText('# Policy\n\n## Records\n\nThe school keeps\nStaff Training Records\nfor six years.\n\nClosing Remarks');
    expect(headings(policy)).toEqual(['Records']);
    expect(policy.sections[0].clauses.map((clause) => clause.text)).toEqual(['The school keeps Staff Training Records for six years.', 'Closing Remarks']);
  });

  it('are not dates or document-control words', () => {
    const policy = importText('# Policy\n\n## Approval\n\nApproved\n\nMarch 2017\n\nThe board approved this policy in full.');
    expect(headings(policy)).toEqual(['Approval']);
  });

  it('may be ALL CAPS with the text straight after them', () => {
    expect(headings(importText('Some Policy\n\nINTRODUCTION\nThis policy sets out how we work.\nSCOPE\nIt covers all staff.'))).toEqual(['INTRODUCTION', 'SCOPE']);
  });

  it('are list items when a colon has just opened a list', () => {
    expect(blocksOf('# Policy\n\n## Links\n\nRelated policies:\n\nOnline Safety\nStaff Code of Conduct\n\nBehaviour\n\nEach is on the website.')).toEqual([
      ['Links', [[{ type: 'paragraph', text: 'Related policies:' }, { type: 'bulletList', items: ['Online Safety', 'Staff Code of Conduct'] }]]],
      ['Behaviour', [[{ type: 'paragraph', text: 'Each is on the website.' }]]],
    ]);
  });
});

describe('numbering', () => {
  it('reads a run of "1." lines as a list, and numbered sentences as clauses', () => {
    expect(blocksOf('# Policy\n\n1. Steps\n\nIn an emergency:\n\n1. Call 999\n2. Tell the office\n\n2. Notes\n\n1. The office keeps a log of every call.\n\n2. The log is checked weekly.')).toEqual([
      ['Steps', [[{ type: 'paragraph', text: 'In an emergency:' }, { type: 'bulletList', items: ['Call 999', 'Tell the office'] }]]],
      ['Notes', [[{ type: 'paragraph', text: 'The office keeps a log of every call.' }], [{ type: 'paragraph', text: 'The log is checked weekly.' }]]],
    ]);
  });

  it('keeps a "\\*" note under its list as a literal paragraph', () => {
    expect(blocksOf('# Policy\n\n## Rules\n\n- One\n- Two\n\n\\* This list is not exhaustive.')).toEqual([
      ['Rules', [[{ type: 'bulletList', items: ['One', 'Two'] }, { type: 'paragraph', text: '* This list is not exhaustive.' }]]],
    ]);
  });

  it('strips numbers typed into headings, since Ratify numbers sections itself', () => {
    expect(headings(importText('# Policy\n\n## 1. Introduction\n\nText.\n\n## 2.1\tScope\n\nMore text.'))).toEqual(['Introduction', 'Scope']);
  });
});

describe('text that cannot be placed', () => {
  it('stays, as a clause of an untitled opening section, with a warning that says where it was', () => {
    const policy = importText('Oakfield Primary School\n\nBehaviour Policy\n\nDraft 3, with comments from the clerk.\n\n## Aims\n\nWe expect good behaviour.');
    expect(policy.title).toBe('Behaviour Policy');
    expect(policy.metadata['Organisation']).toBe('Oakfield Primary School');
    expect(policy.sections[0]).toEqual({ heading: '', clauses: [{ text: 'Draft 3, with comments from the clerk.', blocks: [{ type: 'paragraph', text: 'Draft 3, with comments from the clerk.' }] }] });
    expect(policy.sections[1].heading).toBe('Aims');
    expect(policy.warnings).toEqual(['Line 5 ("Draft 3, with comments from the clerk."): could not tell where this text belongs; kept it as a clause in an untitled opening section.']);
  });

  it('makes one untitled section of a file with no headings, and says so', () => {
    const policy = importText('We value every pupil. Our staff are trained each year and records are kept securely.\n\nConcerns go to the designated safeguarding lead straight away, and the headteacher is told.');
    expect(policy.sections).toHaveLength(1);
    expect(policy.sections[0].clauses).toHaveLength(2);
    expect(policy.warnings).toContain('No headings were found: the whole text is one untitled section. Add headings in the editor.');
    expect(policy.title).toBe('Untitled policy');
  });

  it('counts warnings of one kind after twenty instead of listing thousands', () => {
    const text = `# Policy\n\n${Array.from({ length: 50 }, (_, index) => `## Empty ${index}`).join('\n\n')}\n\n## Last\n\nText.`;
    const warnings = importText(text).warnings;
    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toBe('…and 30 more warnings like these (empty sections).');
  });
});

describe('a cover with no clear end', () => {
  it('files its facts once, even when the text is found to start before them', () => {
    const sentences = Array.from({ length: 10 }, (_, index) => `Visitors rule ${index + 1}.`);
    const policy = importText(['Visitors Policy', sentences[0], 'Review Cycle: 2 years', 'Version\tDate\tChange\n1.0\tMay 2024\tNew', ...sentences.slice(1)].join('\n\n'));
    expect(policy.metadata['Review Cycle']).toBe('2 years');
    expect(policy.history).toEqual([{ version: '1.0', date: 'May 2024', page: '', change: 'New', origin: '' }]);
    expect(policy.sections.map((section) => section.clauses.map((clause) => clause.text))).toEqual([sentences]);
    expect(policy.warnings).toEqual(['No headings were found: the whole text is one untitled section. Add headings in the editor.']);
  });
});
