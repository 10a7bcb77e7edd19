import { toLines } from './normalise';

const texts = (source: string) => toLines(source).map((line) => line.text);

describe('toLines', () => {
  it('numbers lines as the file does, whatever the line endings, and counts pages at form feeds', () => {
    expect(toLines('\ufeffone\r\ntwo\rthree\n\ffour')).toEqual([
      { text: 'one', n: 1, page: 1 },
      { text: 'two', n: 2, page: 1 },
      { text: 'three', n: 3, page: 1 },
      { text: '', n: 4, page: 1 },
      { text: 'four', n: 4, page: 2 },
    ]);
  });

  it('takes out invisible characters and odd spaces, and turns Symbol-font glyphs into bullets', () => {
    expect(texts('Safe\u00adguarding\u200b policy\u00a0here  \n\uf0b7\tFirst item\n\u25aa Second item\n  \t ')).toEqual(['Safeguarding policy here', '•\tFirst item', '• Second item', '']);
  });

  it('joins a line ending in a Markdown hard break to the next, unless the next starts a structure', () => {
    expect(texts('The  \n**Leaf Trust**\n\nItems:  \n- one')).toEqual(['The **Leaf Trust**', '', 'Items:', '- one']);
  });

  it('turns pipe tables into tab-separated rows and drops their separator lines and rules', () => {
    expect(texts('| Version | Date |\n|---|:---:|\n| 1.0 | May 2024 |\nVersion | Date | Author\n\n---\n> quoted')).toEqual(['Version\tDate', '1.0\tMay 2024', 'Version\tDate\tAuthor', '', '', 'quoted']);
  });

  it('keeps a single "|" in prose and trailing tabs that close a table row', () => {
    expect(texts('Pupils | parents\nDocument Information\t\t\t')).toEqual(['Pupils | parents', 'Document Information\t\t\t']);
  });
});
