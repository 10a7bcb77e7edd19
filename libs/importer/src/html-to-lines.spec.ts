import { htmlToLines } from './html-to-lines';

const lines = (html: string) => htmlToLines(html).lines.map((line) => line.text).filter(Boolean);

describe('htmlToLines: mammoth HTML → the lines of the text importer', () => {
  it('writes headings one level under a Title-styled line, and paragraphs, wholly bold ones marked', () => {
    expect(lines('<h1 class="title">Policy</h1><h1>Scope</h1><p>Text <strong>here</strong>.</p><p><strong>Prohibited use</strong></p><p># not a heading</p>')).toEqual([
      '# Policy',
      '## Scope',
      'Text here.',
      '**Prohibited use**',
      '\\# not a heading',
    ]);
  });

  const list = (kind: 'ol' | 'ul', level: number, text: string) => `<p class="ratify-list-${kind}-${level}">${text}</p>`;

  it('makes numbered clauses of numbered list paragraphs, items of bullets and of sub-lists under a clause', () => {
    expect(lines(`<h1>Aims</h1>${list('ol', 1, 'The policy aims to:')}${list('ol', 2, 'keep staff safe')}${list('ol', 1, 'Second clause.')}${list('ul', 0, 'a bullet')}${list('ol', 1, 'Third clause, after the bullet.')}`)).toEqual([
      '# Aims',
      '1.1. The policy aims to:',
      '- keep staff safe',
      '1.2. Second clause.',
      '- a bullet',
      '1.3. Third clause, after the bullet.',
    ]);
  });

  it('makes a heading of a heading-like numbered paragraph with paragraphs under it', () => {
    expect(lines(`${list('ol', 0, '<strong>Signing in</strong>')}${list('ol', 1, 'Visitors sign in.')}${list('ol', 0, 'Leaving')}${list('ol', 1, 'Visitors sign out.')}`)).toEqual([
      '## Signing in',
      '1.1. Visitors sign in.',
      '## Leaving',
      '2.1. Visitors sign out.',
    ]);
  });

  it('makes items of a numbered list a colon introduces, and keeps a literal "*" from being a bullet', () => {
    expect(lines(`<p>Hirers will:</p>${list('ol', 0, 'book')}${list('ol', 0, 'pay')}<p>* Fees change yearly.</p>`)).toEqual(['Hirers will:', '- book', '- pay', '\\* Fees change yearly.']);
  });

  it('writes table rows as tab-separated cells, and a one-cell layout table as its paragraphs', () => {
    const prose = 'This paragraph sits in a one-cell table that the author used for a border around the text of the policy, nothing more.';
    expect(lines(`<table><tr><td><p>Review Cycle:</p></td><td><p>2 Years</p><p>(or sooner)</p></td></tr><tr><td>Documentation Information</td><td></td></tr></table><table><tr><td><p>${prose}</p></td></tr></table>`)).toEqual([
      'Review Cycle:\t2 Years (or sooner)',
      'Documentation Information\t',
      prose,
    ]);
  });

  it('counts pictures and keeps footnotes as text without their back-links', () => {
    const result = htmlToLines('<p>See note<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> <img src="" /></p><ol><li id="footnote-1"><p>The DfE guidance. <a href="#footnote-ref-1">↑</a></p></li></ol>');
    expect(result.images).toBe(1);
    expect(result.lines.map((line) => line.text).filter(Boolean)).toEqual(['See note[1]', '[1] The DfE guidance.']);
  });
});
