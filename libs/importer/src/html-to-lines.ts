/**
 * mammoth's HTML → the same lines a text file gives, so one parser serves every format:
 *
 *   <h1>…<h6>            "# text" … "###### text" (one level deeper when a Title-styled line exists)
 *   <p>                  its text, set apart by blank lines; "**text**" when wholly bold
 *   Word list paragraphs (flattened by docx.ts into <p class="ratify-list-ol-1"> and the like):
 *                        bullets → "- text"; numbered → a clause "2.3. text" (Word's automatic
 *                        numbers are lost in mammoth, so they are made up again in sequence; only
 *                        warnings show them), or "- text" in a sub-list or a list a colon
 *                        introduces, or a heading when it reads as one and has text under it
 *   <table>              one tab-separated line per row; a one-cell layout table as its paragraphs
 *   footnotes            "[1] text", where mammoth puts them (at the end)
 *
 * Each line's `n` is the paragraph number in the document, for warnings.
 */
import { endsSentence, looksLikeHeading } from './classify';
import { isElement, parseHtml, type HtmlElement, type HtmlNode } from './html-tree';
import type { SourceLine } from './types';

const HEADING = /^h([1-6])$/;
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'li', 'tr', 'blockquote', 'pre', 'div']);

interface Walk {
  lines: SourceLine[];
  paragraph: number;
  headingShift: number;
  headings: number;
  clauses: number;
  images: number;
}

export interface HtmlLines {
  lines: SourceLine[];
  images: number;
}

/** Inline text of a node: <br> as a space, pictures counted, footnote back-links ("↑") dropped. */
function inlineText(node: HtmlNode, walk: Walk, skipLists = false): string {
  if (!isElement(node)) return node;
  if (node.name === 'img') {
    walk.images++;
    return '';
  }
  if (node.name === 'br') return ' ';
  if (skipLists && (node.name === 'ul' || node.name === 'ol')) return '';
  if (node.name === 'a' && (node.attribs.href ?? '').startsWith('#footnote-ref')) return '';
  return node.children.map((child) => inlineText(child, walk, skipLists)).join('');
}

function collapse(text: string): string {
  return text.replace(/[ \u00a0\r\n]+/g, ' ').trim();
}

/** True when every visible character sits inside <strong>. */
function isWhollyBold(node: HtmlNode): boolean {
  const visit = (current: HtmlNode, bold: boolean): boolean => {
    if (!isElement(current)) return bold || current.trim() === '';
    const inside = bold || current.name === 'strong' || current.name === 'b';
    return current.children.every((child) => visit(child, inside));
  };
  return isElement(node) && node.children.length > 0 && visit(node, false);
}

/** Keeps a paragraph's own text from being read as Markdown structure it never had. */
function escapeParagraph(text: string): string {
  // A literal "*" opening a Word paragraph is a footnote mark ("* This list is not exhaustive."):
  // Word users get real bullets from the list button, so "*" is not one.
  return text.replace(/^(#|\*\s)/, '\\$1');
}

function emit(walk: Walk, text: string, blankAfter = true): void {
  walk.paragraph++;
  walk.lines.push({ text, n: walk.paragraph, page: 1 });
  if (blankAfter) walk.lines.push({ text: '', n: walk.paragraph, page: 1 });
}

function endList(walk: Walk): void {
  if (walk.lines.length && walk.lines[walk.lines.length - 1].text !== '') walk.lines.push({ text: '', n: walk.paragraph, page: 1 });
}

function lastText(walk: Walk): string {
  for (let index = walk.lines.length - 1; index >= 0; index--) if (walk.lines[index].text) return walk.lines[index].text;
  return '';
}

type ItemKind = 'heading' | 'clause' | 'item';

/** One Word list paragraph, as `flattenLists` (docx.ts) marks it: <p class="ratify-list-ol-1">. */
interface ListParagraph {
  ordered: boolean;
  level: number;
  text: string;
}

const LIST_CLASS = /^ratify-list-(ol|ul)-(\d)$/;

function listParagraph(node: HtmlNode | undefined, walk: Walk): ListParagraph | undefined {
  if (node === undefined || !isElement(node) || node.name !== 'p') return undefined;
  const match = LIST_CLASS.exec(node.attribs.class ?? '');
  return match ? { ordered: match[1] === 'ol', level: Number(match[2]), text: collapse(inlineText(node, walk)) } : undefined;
}

/**
 * What each paragraph of a run of Word list paragraphs is. Bullets are items. A numbered
 * paragraph is an item when a colon introduced the list or it sits under a numbered clause (a
 * sub-list); a numbered heading when it reads as a heading and has paragraphs under it (or
 * stands alone); otherwise a numbered clause.
 */
function listKinds(run: ListParagraph[], introduced: boolean): ItemKind[] {
  const open: { level: number; kind: ItemKind; ordered: boolean }[] = [];
  return run.map((paragraph, index) => {
    while (open.length > 0 && open[open.length - 1].level >= paragraph.level) open.pop();
    const parent = open[open.length - 1];
    const next = run[index + 1];
    let kind: ItemKind;
    if (!paragraph.ordered) kind = 'item';
    else if (parent?.kind === 'clause' || (parent?.kind === 'item' && parent.ordered)) kind = 'item';
    else if (!parent && introduced) kind = 'item';
    else if (looksLikeHeading(paragraph.text) && (next ? next.level > paragraph.level : run.length === 1)) kind = 'heading';
    else kind = 'clause';
    open.push({ level: paragraph.level, kind, ordered: paragraph.ordered });
    return kind;
  });
}

function walkListRun(run: ListParagraph[], walk: Walk, introduced: boolean): void {
  const kinds = listKinds(run, introduced);
  run.forEach((paragraph, index) => {
    if (!paragraph.text) return;
    if (kinds[index] === 'heading') {
      walk.headings++;
      walk.clauses = 0;
      endList(walk);
      emit(walk, `${'#'.repeat(2 + walk.headingShift)} ${paragraph.text}`);
    } else if (kinds[index] === 'clause') {
      walk.clauses++;
      emit(walk, `${Math.max(walk.headings, 1)}.${walk.clauses}. ${paragraph.text}`, false);
    } else emit(walk, `- ${paragraph.text}`, false);
  });
  endList(walk);
}

/** Lists mammoth still writes as HTML lists (footnotes, endnotes): their items as lines. */
function walkList(list: HtmlElement, walk: Walk): void {
  for (const item of list.children) {
    if (!isElement(item) || item.name !== 'li') continue;
    const own = collapse(inlineText(item, walk, true));
    const note = /^(?:footnote|endnote)-(\d+)/.exec(item.attribs.id ?? '');
    if (own) emit(walk, note ? `[${note[1]}] ${own}` : `- ${own}`, note !== null);
    for (const child of item.children) if (isElement(child) && (child.name === 'ul' || child.name === 'ol')) walkList(child, walk);
  }
}

function cellText(cell: HtmlElement, walk: Walk): string {
  const parts: string[] = [];
  const visit = (node: HtmlElement) => {
    for (const child of node.children) {
      if (isElement(child) && BLOCKS.has(child.name)) visit(child);
      else {
        const text = collapse(inlineText(child, walk));
        if (text) parts.push(text);
      }
    }
  };
  visit(cell);
  return parts.join(' ').replace(/\s+/g, ' ').replace(/\t/g, ' ');
}

function walkTable(table: HtmlElement, walk: Walk): void {
  const rows: HtmlElement[] = [];
  const collect = (node: HtmlElement) => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name !== 'table') collect(child);
    }
  };
  collect(table);
  for (const row of rows) {
    const cells = row.children.filter((child): child is HtmlElement => isElement(child) && (child.name === 'td' || child.name === 'th'));
    const texts = cells.map((cell) => cellText(cell, walk));
    const filled = texts.filter((text) => text.length > 0);
    // A table used for layout (one cell of prose): its paragraphs are the document's paragraphs.
    // A one-cell caption ("Documentation Information") stays a row of the table it heads.
    const blocks = cells.length === 1 ? cells[0].children.filter((child) => isElement(child) && BLOCKS.has(child.name)).length : 0;
    if (filled.length === 1 && cells.length === 1 && (blocks > 1 || endsSentence(filled[0]))) {
      endList(walk);
      walkBlocks(cells[0], walk);
    } else if (filled.length > 0) {
      emit(walk, filled.length === 1 ? `${filled[0]}\t` : texts.join('\t'), false);
    }
  }
  endList(walk);
}

function walkBlocks(node: HtmlElement, walk: Walk): void {
  const children = node.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index];
    const first = listParagraph(child, walk);
    if (first) {
      // A colon just before the list introduces it: its numbered paragraphs are items, not clauses.
      const introduced = lastText(walk).trimEnd().endsWith(':');
      const run = [first];
      for (let next = listParagraph(children[index + 1], walk); next; next = listParagraph(children[index + 1], walk)) {
        run.push(next);
        index++;
      }
      endList(walk);
      walkListRun(run, walk, introduced);
      continue;
    }
    if (!isElement(child)) {
      const text = collapse(child);
      if (text) emit(walk, escapeParagraph(text));
      continue;
    }
    const heading = HEADING.exec(child.name);
    if (heading) {
      const text = collapse(inlineText(child, walk));
      if (!text) continue;
      const isTitle = (child.attribs.class ?? '').split(' ').includes('title');
      const level = isTitle ? 1 : Math.min(6, Number(heading[1]) + walk.headingShift);
      if (!isTitle) {
        walk.headings++;
        walk.clauses = 0;
      }
      endList(walk);
      emit(walk, `${'#'.repeat(level)} ${text}`);
    } else if (child.name === 'p') {
      const text = collapse(inlineText(child, walk));
      if (!text) continue;
      endList(walk);
      emit(walk, isWhollyBold(child) ? `**${text}**` : escapeParagraph(text));
    } else if (child.name === 'ul' || child.name === 'ol') {
      endList(walk);
      walkList(child, walk);
      endList(walk);
    } else if (child.name === 'table') {
      endList(walk);
      walkTable(child, walk);
    } else if (child.name === 'img') {
      walk.images++;
    } else {
      walkBlocks(child, walk);
    }
  }
}

export function htmlToLines(html: string): HtmlLines {
  const root = parseHtml(html);
  // With a Title-styled line present, Word's "Heading 1" is a section, one level under the title.
  const hasTitle = /<h1 class="title"/.test(html);
  const walk: Walk = { lines: [], paragraph: 0, headingShift: hasTitle ? 1 : 0, headings: 0, clauses: 0, images: 0 };
  walkBlocks(root, walk);
  return { lines: walk.lines, images: walk.images };
}
