/**
 * Test support: how a person would have typed one of the text fixtures into Word. A small,
 * literal reading of the fixture's own markup (it shares no code with the importer):
 *
 *   "# text"             the Title style (the first one), "##"/"###" Heading 1/2
 *   "1. Introduction"     Heading 1 with Word's automatic numbering (the number is not typed)
 *   "- 1.1. text"         a clause with automatic numbering, or typed ("1.1. text") if asked
 *   "- text", " - text"   a Word bullet list item
 *   "a\tb" lines          rows of a Word table (consecutive lines, one table); contents
 *                         entries ending in a page number stay paragraphs with a tab
 *   `header` lines        moved into the page header part, and every copy removed from the body
 *   anything else         a paragraph, without its HTML and Markdown emphasis
 */
import type { WordBlock, WordSpec } from './word-builder';

export interface FixtureToWordOptions {
  /** Lines (as they read once wrapped lines are joined) that belong in Word's page header. */
  header?: string[];
  /** Other lines the PDF export repeated on each page (misspelt copies of the header). */
  remove?: string[];
  numbering?: 'auto' | 'typed';
}

function plain(text: string): string {
  return text
    .replace(/ ?<sup>/g, '<sup>')
    .replace(/<\/?[a-z]+>/g, '')
    .replace(/\*\*/g, '')
    .replace(/(^|[\s(])\*([^*]+)\*/g, '$1$2')
    .replace(/\\\*/g, '*')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function joinWrappedLines(text: string): string[] {
  const lines: string[] = [];
  let joining = false;
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (joining && raw.trim()) lines[lines.length - 1] = `${lines[lines.length - 1].trimEnd()} ${raw.trim()}`;
    else lines.push(raw);
    joining = / {2,}$/.test(raw) && raw.trim().length > 0;
  }
  return lines;
}

export function fixtureToWord(text: string, options: FixtureToWordOptions = {}): WordSpec {
  const moved = new Set([...(options.header ?? []), ...(options.remove ?? [])].map((line) => plain(line)));
  const blocks: WordBlock[] = [];
  let title: string | undefined;
  let table: string[][] | undefined;
  const endTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table });
    table = undefined;
  };
  for (const raw of joinWrappedLines(text)) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      endTable();
      continue;
    }
    const markdown = /^(#{1,3})\s+(.*)$/.exec(line);
    const content = plain(markdown ? markdown[2] : line);
    if (moved.has(content) || (markdown && content === title)) continue;
    if (line.includes('\t') && !/\t\d+$/.test(line)) {
      table ??= [];
      table.push(line.split('\t').map(plain));
      continue;
    }
    endTable();
    const clause = /^\s*-?\s*(\d+\.\d+(?:\.\d+)?\.?)\s+(.*)$/.exec(line);
    const numberedHeading = /^(\d{1,2})\.\s+(\S.{0,60})$/.exec(line);
    const bullet = /^(\s*)-\s+(.*)$/.exec(line);
    if (markdown && title === undefined && markdown[1] === '#') {
      title = content;
      blocks.push({ kind: 'title', text: content });
    } else if (markdown) {
      blocks.push({ kind: 'heading', text: content, level: markdown[1].length === 3 ? 2 : 1 });
    } else if (clause) {
      blocks.push(options.numbering === 'typed' ? { kind: 'paragraph', text: `${clause[1]} ${plain(clause[2])}` } : { kind: 'clause', text: plain(clause[2]) });
    } else if (numberedHeading) {
      blocks.push(
        options.numbering === 'typed'
          ? { kind: 'heading', text: `${numberedHeading[1]}. ${plain(numberedHeading[2])}`, level: 1 }
          : { kind: 'heading', text: plain(numberedHeading[2]), level: 1, numbered: true },
      );
    } else if (bullet) {
      blocks.push({ kind: 'bullet', text: plain(bullet[2]), level: bullet[1].length > 0 ? 1 : 0 });
    } else {
      blocks.push({ kind: 'paragraph', text: content });
    }
  }
  endTable();
  return { header: options.header?.map(plain), blocks };
}
