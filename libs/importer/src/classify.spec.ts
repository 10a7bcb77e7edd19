import {
  bulletText,
  clauseNumber,
  endsMidSentence,
  isDateLike,
  letteredItem,
  looksLikeHeading,
  looksLikeOrganisation,
  markdownHeading,
  singleNumber,
  tableCells,
} from './classify';

describe('looksLikeHeading: could this line be an unnumbered heading?', () => {
  it.each([
    'Introduction',
    'Roles and responsibilities',
    'Prohibited use',
    'Employee Groups / Networks',
    'PURPOSE AND AIMS',
    'ONLINE SAFETY AND THE USE OF MOBILE TECHNOLOGY',
    'What is bullying?',
    'Who we are',
    'Signing in',
    'Stage 1 – Informal resolution',
    '**Prohibited use**',
  ])('yes: %s', (line) => {
    expect(looksLikeHeading(line)).toBe(true);
  });

  it.each([
    ['a document-control word', 'Ratified'],
    ['a date', 'March 2017'],
    ['a full date', '13th January 2025'],
    ['a term', 'Term 2, 2026/27'],
    ['a sentence', 'This list is not exhaustive.'],
    ['an introduction to a list', 'The policy aims to:'],
    ['a line that stops mid-sentence', 'create and share content or to'],
    ['a lower-case start', 'participate in social networking'],
    ['a sentence without its full stop', 'Staff should report any concerns to the designated lead'],
    ['an address', 'www.gov.uk/government/publications'],
    ['a page number', 'Page 3 of 12'],
    ['a phone number', '01632 960 000'],
    ['a long line', 'Employees are personally responsible for the content they publish on social media sites including likes'],
    ['a table row', 'Review Cycle\t2 years'],
  ])('no: %s ("%s")', (_, line) => {
    expect(looksLikeHeading(line)).toBe(false);
  });
});

describe('line shapes', () => {
  it('reads bullets of any glyph, but not an escaped "\\*"', () => {
    for (const glyph of ['-', '*', '•', '·', 'o', '–', '▪', '●']) expect(bulletText(`${glyph} Keep passwords private`)).toBe('Keep passwords private');
    expect(bulletText(' \t- indented')).toBe('indented');
    expect(bulletText('\\* This list is not exhaustive.')).toBeUndefined();
    expect(bulletText('**Bold** start')).toBeUndefined();
    expect(bulletText('online safety')).toBeUndefined();
  });

  it('tells numbered clauses from numbered headings and dates', () => {
    expect(clauseNumber('6.3.1. If any instances')).toEqual({ number: '6.3.1', text: 'If any instances' });
    expect(clauseNumber('1.1 Riverside values')).toEqual({ number: '1.1', text: 'Riverside values' });
    expect(clauseNumber('1.0 Introduction')).toBeUndefined();
    expect(singleNumber('1.0 Introduction')).toEqual({ number: '1', text: 'Introduction', marked: true });
    expect(singleNumber('2. Scope')).toEqual({ number: '2', text: 'Scope', marked: true });
    expect(singleNumber('1 in 5 pupils were absent')).toEqual({ number: '1', text: 'in 5 pupils were absent', marked: false });
    expect(singleNumber('13 January 2025')).toBeUndefined();
    expect(singleNumber('Part B – Procedures')).toEqual({ number: 'B', text: 'Procedures', marked: true });
  });

  it('reads lettered and roman sub-items', () => {
    expect(letteredItem('a) admissions;')).toBe('admissions;');
    expect(letteredItem('(iv) recommend changes')).toBe('recommend changes');
    expect(letteredItem('e.g. photographs')).toBeUndefined();
  });

  it('reads Markdown headings with emphasis and closing hashes', () => {
    expect(markdownHeading('## **Introduction**')).toEqual({ level: 2, text: 'Introduction' });
    expect(markdownHeading('### Scope ###')).toEqual({ level: 3, text: 'Scope' });
    expect(markdownHeading('#hashtag')).toBeUndefined();
  });

  it('splits tab-separated rows, dropping empty cells and HTML', () => {
    expect(tableCells('<b>Review Cycle:</b> 2 Years\t<b>Review Date:</b> Term 2, 2026/27')).toEqual(['Review Cycle: 2 Years', 'Review Date: Term 2, 2026/27']);
    expect(tableCells('Documentation Information\t\t\t')).toEqual(['Documentation Information']);
    expect(tableCells('no tabs here')).toBeUndefined();
  });

  it('knows dates, organisations and unfinished sentences', () => {
    expect(['March 2017', '13th January 2025', 'Term 2, 2026/27', '01/09/2024', 'Autumn term 2025'].every(isDateLike)).toBe(true);
    expect(isDateLike('Review June 2018')).toBe(false);
    expect(looksLikeOrganisation('The Leaf Trust')).toBe(true);
    expect(looksLikeOrganisation('For Employees in Locally Managed Schools')).toBe(false);
    expect(endsMidSentence('create and share content or to')).toBe(true);
    expect(endsMidSentence('in accordance with Academy policy.')).toBe(false);
  });
});
