/**
 * Lines → tokens: headings, numbered clauses, list items, paragraphs and table rows. This is
 * where context is read: blank lines around a line, what the previous token was, and whether a
 * paragraph that stopped mid-sentence carries on after a blank line (or a page break).
 *
 * The one heuristic that needs care is the unnumbered heading. A line is one when its text
 * looks like a heading (see `looksLikeHeading`) and it stands alone: after a blank line (or a
 * heading, or the start), before a blank line or a list, and with something after it. A line in
 * a list introduced by a colon is an item, not a heading; a line that carries on an unfinished
 * sentence is text.
 */
import {
  bulletText,
  clauseNumber,
  endsMidSentence,
  endsSentence,
  isAllCaps,
  isWhollyBold,
  labelValue,
  letteredItem,
  looksLikeHeading,
  markdownHeading,
  singleNumber,
  type SingleNumbered,
  startsLowercase,
  tableCells,
} from './classify';
import { cleanInline } from './inline';
import type { SourceLine } from './types';

export type Token =
  | { kind: 'heading'; text: string; level: number; numbered: boolean; markdown: boolean; line: SourceLine; raw: string }
  | { kind: 'clause'; number: string; text: string; line: SourceLine; raw: string }
  | { kind: 'item'; text: string; line: SourceLine; raw: string }
  | { kind: 'paragraph'; text: string; line: SourceLine; raw: string }
  | { kind: 'row'; cells: string[]; text: string; line: SourceLine; raw: string };

type TextKind = 'clause' | 'item' | 'paragraph';

interface Draft {
  kind: TextKind;
  parts: string[];
  line: SourceLine;
  number?: string;
  /** An item that had no bullet of its own (a list whose bullets were lost in export). */
  plain?: boolean;
}

/** The list the next line may belong to: none, one a colon has just introduced, or one under way. */
type ListState = 'none' | 'colon' | 'plain' | 'marked';

interface Context {
  lines: SourceLine[];
  /** Index of the next non-blank line after each line, or -1. */
  nextText: number[];
}

function nextTextIndexes(lines: SourceLine[]): number[] {
  const next = new Array<number>(lines.length).fill(-1);
  let following = -1;
  for (let index = lines.length - 1; index >= 0; index--) {
    next[index] = following;
    if (lines[index].text.trim()) following = index;
  }
  return next;
}

/** "1. Introduction", "2.1\tScope" typed into a heading: Ratify numbers sections itself. */
function withoutNumber(heading: string): string {
  const stripped = heading.replace(/^\d{1,2}(?:\.\d{1,2}){0,3}(?:\.[ \t]+|[ \t]*\t[ \t]*|[ \t]{2,})|^\d{1,2}(?:\.\d{1,2}){1,3}[ \t]+/, '');
  return stripped.trim() ? stripped.trim() : heading;
}

function listStateOf(draft: Draft): ListState {
  if (draft.kind === 'item') return draft.plain ? 'plain' : 'marked';
  return draft.parts[draft.parts.length - 1].trimEnd().endsWith(':') ? 'colon' : 'none';
}

/** "Next review: September 2026": a capitalised label and a value, which a wrapped line never is. */
function isFactLine(text: string): boolean {
  const fact = labelValue(cleanInline(text));
  return fact !== undefined && fact.value !== '' && /^\p{Lu}/u.test(fact.label);
}

/** A short line without a bullet in a list a colon opened: "Other policy links:" / "E-safety". */
function isPlainItem(text: string, list: ListState): boolean {
  if (list !== 'colon' && list !== 'plain') return false;
  return looksLikeHeading(text) && !isAllCaps(cleanInline(text)) && !isWhollyBold(text);
}

function isListLine(text: string): boolean {
  return bulletText(text) !== undefined || clauseNumber(text) !== undefined || letteredItem(text) !== undefined || singleNumber(text)?.marked === true;
}

interface NumberedLine {
  number: number;
  /** Its text reads as a heading and the line stands alone. */
  headingLike: boolean;
  list: ListState;
  /** It follows the previous "N - 1." line with no blank between. */
  afterPrevious: boolean;
  next: SingleNumbered | undefined;
  nextAdjacent: boolean;
  lastItemNumber: number | undefined;
  lastHeadingNumber: number;
}

/**
 * What a "N. text" line is. A heading when it reads as one, unless it is part of a run of
 * numbered lines ("1.", "2.", "3." with no blanks), opens a list a colon introduced, or carries
 * on a numbered list that goes on after it; when a list and the headings could both claim it,
 * the number decides (a heading continues the headings' sequence). Otherwise an item in a list,
 * or a numbered clause.
 */
function numberedRole(line: NumberedLine): 'heading' | 'item' | 'clause' {
  const nextFollows = line.next?.marked === true && Number(line.next.number) === line.number + 1;
  const inRun = line.afterPrevious || (nextFollows && line.nextAdjacent);
  const continuesList = line.lastItemNumber !== undefined && line.number === line.lastItemNumber + 1;
  const startsList = line.list === 'colon' && line.number === 1;
  const headingSequence = Number.isNaN(line.number) || line.lastHeadingNumber === 0 || line.number === line.lastHeadingNumber + 1;
  if (line.headingLike && !inRun && !startsList && !(nextFollows && continuesList) && (!continuesList || headingSequence)) return 'heading';
  return line.list !== 'none' || continuesList ? 'item' : 'clause';
}

export function tokenize(lines: SourceLine[]): Token[] {
  const context: Context = { lines, nextText: nextTextIndexes(lines) };
  const tokens: Token[] = [];
  let draft: Draft | undefined;
  let blankBefore = true;
  let closedList: ListState = 'none';
  let lastItemNumber: number | undefined;
  let lastHeadingNumber = 0;
  /** The number of the line just before, when it was "N." numbered: "1.", "2.", "3." in a row are a list. */
  let previousSingle: number | undefined;

  const flush = () => {
    if (!draft) return;
    const raw = draft.parts.join(' ');
    const text = cleanInline(raw);
    const base = { text, line: draft.line, raw };
    if (draft.kind === 'clause') tokens.push({ kind: 'clause', number: draft.number ?? '', ...base });
    else tokens.push({ kind: draft.kind, ...base });
    closedList = listStateOf(draft);
    if (draft.kind !== 'item') lastItemNumber = undefined;
    draft = undefined;
  };
  const start = (kind: TextKind, text: string, line: SourceLine, extra: Pick<Draft, 'number' | 'plain'> = {}) => {
    flush();
    draft = { kind, parts: [text], line, ...extra };
  };
  const listState = (): ListState => (draft ? listStateOf(draft) : closedList);
  const heading = (text: string, level: number, line: SourceLine, flags: { numbered: boolean; markdown: boolean }) => {
    flush();
    tokens.push({ kind: 'heading', text: withoutNumber(cleanInline(text)), level, line, raw: line.text, ...flags });
    closedList = 'none';
    lastItemNumber = undefined;
  };
  const previousText = (): string | undefined => (draft ? draft.parts[draft.parts.length - 1] : undefined);

  /** Whether the line at `index` stands alone as a heading would. */
  const standsAlone = (index: number, strong: boolean): boolean => {
    const next = context.nextText[index];
    if (next < 0) return false;
    const lastToken = tokens[tokens.length - 1];
    const before = blankBefore || (!draft && (!lastToken || lastToken.kind === 'heading'));
    const previous = previousText();
    if (!before && !(strong && previous !== undefined && endsSentence(previous))) return false;
    const blankAfter = next > index + 1 || lines[next].page !== lines[index].page;
    return blankAfter || strong || isListLine(lines[next].text);
  };

  /** A paragraph that stops mid-sentence carries on in the next line, even after a blank line. */
  const continues = (text: string): boolean => {
    const previous = previousText();
    if (previous === undefined) return false;
    // "Next review: September 2026" under "Statutory policy" is a fact of its own, not a wrapped line.
    if (isFactLine(text) && !endsMidSentence(cleanInline(previous))) return false;
    if (!blankBefore) return !(previous.trimEnd().endsWith(':') || (endsSentence(previous) && !startsLowercase(text)));
    // A list item ending "…; or" is followed by a new paragraph often enough: after a blank line,
    // only a lower-case start carries an item on ("…are set at" / "private and pupils…").
    if (draft?.kind === 'item') return !endsSentence(previous) && startsLowercase(text);
    return !endsSentence(previous) && (startsLowercase(text) || endsMidSentence(cleanInline(previous)));
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const text = line.text;
    if (!text.trim()) {
      blankBefore = true;
      continue;
    }
    if (index > 0 && lines[index - 1].page !== line.page) blankBefore = true;

    const markdown = markdownHeading(text);
    const bullet = markdown ? undefined : bulletText(text);
    const cells = markdown || bullet !== undefined ? undefined : tableCells(text);
    // "1.1\tThe school will…" is a clause; "1.1\t7 March 2023\tS. Hughes" is a table row.
    const clause = cells && cells.length > 2 ? undefined : clauseNumber(bullet ?? text);
    const single = clause || bullet !== undefined || cells ? undefined : singleNumber(text);
    const lettered = letteredItem(text);

    if (markdown) {
      heading(markdown.text, markdown.level, line, { numbered: false, markdown: true });
    } else if (clause) {
      start('clause', clause.text, line, { number: clause.number });
    } else if (bullet !== undefined) {
      start('item', bullet, line);
    } else if (cells) {
      flush();
      tokens.push({ kind: 'row', cells, text: cells.join(' | '), line, raw: text });
      closedList = 'none';
    } else if (single && (single.marked || (looksLikeHeading(single.text) && standsAlone(index, false)))) {
      // "1 Introduction" (no dot) counts as numbering only when it reads as a heading.
      const number = Number(single.number);
      const next = context.nextText[index];
      const role = numberedRole({
        number,
        headingLike: looksLikeHeading(single.text, { numbered: true }) && standsAlone(index, false),
        list: listState(),
        afterPrevious: !blankBefore && previousSingle === number - 1,
        next: next >= 0 ? singleNumber(lines[next].text) : undefined,
        nextAdjacent: next === index + 1,
        lastItemNumber,
        lastHeadingNumber,
      });
      if (role === 'heading') {
        heading(single.text, 1, line, { numbered: true, markdown: false });
        if (!Number.isNaN(number)) lastHeadingNumber = number;
      } else if (role === 'item') {
        start('item', single.text, line);
        lastItemNumber = number;
      } else start('clause', single.text, line, { number: single.number });
      previousSingle = number;
    } else if (lettered !== undefined) {
      start('item', lettered, line);
    } else if (isPlainItem(text, listState()) && !(listState() === 'plain' && blankBefore && standsAlone(index, false))) {
      // In a list a colon opened, a short line without a bullet is an item (bullets lost in
      // export), until a line after a blank stands alone like a heading.
      start('item', text.trim(), line, { plain: true });
    } else if (draft && continues(text)) {
      draft.parts.push(text.trim());
    } else if (looksLikeHeading(text) && standsAlone(index, isAllCaps(cleanInline(text)) || isWhollyBold(text))) {
      // Typed documents rank ALL-CAPS headings above Title-case ones ("ROLES" → "All staff").
      heading(text, isAllCaps(cleanInline(text)) ? 1 : 2, line, { numbered: false, markdown: false });
    } else {
      start('paragraph', text.trim(), line);
    }
    if (!single) previousSingle = undefined;
    blankBefore = false;
  }
  flush();
  return tokens;
}
