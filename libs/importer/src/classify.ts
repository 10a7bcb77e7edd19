/**
 * What a single line of a policy looks like, as pure predicates. Context (blank lines around,
 * what came before) is the tokenizer's business; these only look at the text.
 *
 * Every pattern is anchored at the start with bounded repetition, and the fuzzy tests only run
 * on short lines, so no line, however long, makes them backtrack.
 */
import { cleanInline, wordCount } from './inline';

/** Lines longer than this are always prose. */
const SHORT_LINE = 160;

export interface MarkdownHeading {
  level: number;
  text: string;
}

export function markdownHeading(line: string): MarkdownHeading | undefined {
  const match = /^ {0,3}(#{1,6})[ \t]+(\S.*)$/.exec(line);
  if (!match) return undefined;
  // "## Scope ##": closing hashes are decoration.
  let text = match[2];
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end < text.length && (end === 0 || text[end - 1] === ' ')) text = text.slice(0, end);
  return { level: match[1].length, text: cleanInline(text) };
}

const BULLET = /^[ \t]*(?:[-*•·▪◦‣●○–—+]|o(?=[ \t]))[ \t]+(\S.*)$/;

/** The text of a bulleted line ("-", "*", "•", "·", "o", "–" …); an escaped "\*" is not a bullet. */
export function bulletText(line: string): string | undefined {
  return BULLET.exec(line)?.[1];
}

export interface Numbered {
  number: string;
  text: string;
}

/** "1.1 text", "1.1. text", "6.3.1. text": a numbered clause (two levels or more). */
export function clauseNumber(line: string): Numbered | undefined {
  const match = /^[ \t]*(\d{1,3}(?:\.\d{1,3}){1,5})\.?\)?[ \t]+(\S.*)$/.exec(line);
  if (!match || /^\d{1,3}\.0$/.test(match[1])) return undefined;
  return { number: match[1], text: match[2] };
}

export interface SingleNumbered extends Numbered {
  /** "1." or "1)": written as numbering. "1 Introduction" is only numbering if it reads as a heading. */
  marked: boolean;
}

/** "1. text", "1) text", "1 text", "1.0 text", "Section 2: text", "Part B – text": one level of numbering. */
export function singleNumber(line: string): SingleNumbered | undefined {
  const match = /^[ \t]*(\d{1,2})(\.0|[.)])?[ \t]+(\S.*)$/.exec(line);
  if (match) return isDateLike(line) ? undefined : { number: match[1], text: match[3], marked: match[2] !== undefined };
  const part = /^[ \t]*(?:section|part)[ \t]+(\d{1,2}|[A-Z]|[IVX]{1,4})[ \t]*[:.–—-]?[ \t]+(\S.*)$/i.exec(line);
  return part ? { number: part[1], text: part[2], marked: true } : undefined;
}

/** "a) text", "(a) text", "a. text", "iv) text": a lettered or roman sub-item. */
export function letteredItem(line: string): string | undefined {
  return /^[ \t]*(?:\((?:[a-z]|[ivx]{1,4})\)|(?:[a-z]|[ivx]{1,4})\)|[a-z]\.)[ \t]+(\S.*)$/.exec(line)?.[1];
}

/** Tab-separated cells (a table row from a PDF or Word export), or undefined for an ordinary line. */
export function tableCells(line: string): string[] | undefined {
  if (!line.includes('\t') || bulletText(line) !== undefined) return undefined;
  const cells = line
    .split('\t')
    .filter((cell) => cell.trim().length > 0)
    .map((cell) => cleanInline(cell))
    .filter((cell) => cell.length > 0);
  return cells.length > 0 ? cells : undefined;
}

/** "Review Cycle: 2 years": a short label, a colon, a value. */
export function labelValue(text: string): { label: string; value: string } | undefined {
  if (text.length > SHORT_LINE * 2) return undefined;
  const match = /^([^:]{2,60}):[ \t]*(.*)$/.exec(text);
  if (!match) return undefined;
  const label = match[1].trim();
  if (/^https?$/i.test(label) || /[.!?;]/.test(label) || wordCount(label, 8) > 8) return undefined;
  return { label, value: match[2].trim() };
}

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DATE_PATTERNS = [
  new RegExp(`^(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\.?,?\\s+\\d{4}$`, 'i'),
  new RegExp(`^${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}$`, 'i'),
  /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/,
  /^\d{4}-\d{2}-\d{2}$/,
  /^(?:autumn|spring|summer)(?:\s+term)?(?:\s+\d)?,?\s+\d{4}(?:[/-]\d{2,4})?$/i,
  /^term\s+\d,?\s+\d{4}(?:[/-]\d{2,4})?$/i,
  /^\d{4}(?:[/-]\d{2,4})?$/,
];

/** A date and nothing else: "March 2017", "13th January 2025", "Term 2, 2026/27", "01/09/2024". */
export function isDateLike(text: string): boolean {
  if (text.length > 200) return false;
  const trimmed = cleanInline(text);
  return trimmed.length <= 40 && DATE_PATTERNS.some((pattern) => pattern.test(trimmed));
}

/** Words that label a document-control fact, never a section: "Ratified", "Approved", "Signed". */
const CONTROL_WORD = /^(?:ratified|approved|adopted|agreed|reviewed|signed|dated|updated|amended|issued|published|signature|date)$/i;

export function isControlWord(text: string): boolean {
  return text.length <= 200 && CONTROL_WORD.test(cleanInline(text));
}

/** "Page 3 of 12", "3", "- 3 -": page furniture with no words worth keeping. */
export function isPageNumber(text: string): boolean {
  return /^(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-?\s*\d{1,4}\s*-?|\d{1,4}\s*\/\s*\d{1,4})$/i.test(text.trim());
}

const FUNCTION_WORD_END =
  /\b(?:a|an|the|and|or|but|to|of|in|on|at|by|for|with|from|that|which|who|as|is|are|be|their|its|our|your|his|her|including|such as|namely|especially|particularly|e\.g\.|i\.e\.)$/i;
// Narrower for headings: "Who we are" and "Signing in" are headings, "Scope of the" is not.
const HEADING_BAD_END = /\b(?:a|an|the|and|or|but|to|of|at|by|for|from|that|which|including|such as|namely|especially|particularly)$/i;

/** True when a line stops mid-sentence: "…create and share content or to", "…including," */
export function endsMidSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  return /[,\-–(/&]$/.test(trimmed) || FUNCTION_WORD_END.test(trimmed);
}

/** Ends a sentence or introduces what follows: ".", "!", "?", ":" or ";", maybe inside quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?:;]["'’”)\]*]*$/.test(text.trimEnd());
}

export function startsLowercase(text: string): boolean {
  return /^["'‘“(]?[a-z]/.test(text.trimStart());
}

export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^A-Za-z]/g, '');
  return letters.length >= 3 && letters === letters.toUpperCase();
}

/** A line set wholly in bold ("**Prohibited use**"): Word's, and Markdown writers', stand-in for a heading. */
export function isWhollyBold(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 4 && trimmed.startsWith('**') && trimmed.endsWith('**') && !trimmed.slice(2, -2).includes('**');
}

const MODAL = /\b(?:must|shall|should|will be|are|is)\b/i;

/**
 * Whether a line's text could be a heading: short, starting with a capital, not
 * ending a sentence or mid-sentence, mostly letters, and not a date, a document-control word, a
 * page number, an address or a sentence with a modal verb. Context decides the rest.
 */
export function looksLikeHeading(line: string, options: { numbered?: boolean } = {}): boolean {
  if (line.length > SHORT_LINE || line.includes('\t')) return false;
  const text = cleanInline(line).replace(/^["'‘“]+|["'’”]+$/g, '');
  if (text.length < 2 || !/^\p{Lu}/u.test(text)) return false;
  const words = wordCount(text, 16);
  // A number in front ("7. Application of this Policy to …") is evidence enough for a longer line.
  if (words > (isAllCaps(text) || options.numbered ? 15 : 10)) return false;
  if (/[.,;:!]$/.test(text) || (text.endsWith('?') && words > 8)) return false;
  if (HEADING_BAD_END.test(text) || /[-–&/(]$/.test(text)) return false;
  if (isDateLike(text) || isControlWord(text) || isPageNumber(text)) return false;
  if (/@|https?:|www\./i.test(text)) return false;
  if (words > 6 && MODAL.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  return letters / text.replace(/\s/g, '').length >= 0.7;
}

/** Whether a line could be a document title: like a heading, but allowing a version suffix. */
export function looksLikeTitle(line: string): boolean {
  if (line.length > SHORT_LINE) return false;
  return looksLikeHeading(line.replace(/\s*\(\s*v(?:ersion)?\.?\s*[\d.]+\s*\)\s*$/i, ''));
}

const ORGANISATION_NOUN = /\b(?:trust|academy|academies|school|schools|college|federation|mat|council|partnership|diocese|foundation|authority)$/i;

/** "The Leaf Trust", "OAKFIELD PRIMARY SCHOOL", "Riverside Academy (part of …)": an organisation's name. */
export function looksLikeOrganisation(text: string): boolean {
  const bare = cleanInline(text).replace(/\s*\([^()]{0,80}\)$/, '');
  return bare.length > 0 && wordCount(bare, 8) <= 8 && !endsSentence(bare) && !/^(?:for|in|at|to|of|by|with|across)\b/i.test(bare) && ORGANISATION_NOUN.test(bare);
}

/** "1.1 … consider", "It recognises that …": a sentence or paragraph, not a cover line. */
export function isProse(text: string): boolean {
  const words = wordCount(text, 21);
  return words > 20 || (words >= 8 && /[.!?]["'’”)]*$/.test(text.trimEnd()));
}

const HISTORY_HEADING = /(?:history of .{0,40}changes|version (?:history|control)|document (?:history|revision)|revision history|change (?:log|history)|amendment (?:history|record)|record of (?:changes|amendments))/i;
const CONTENTS_HEADING = /^(?:table of )?contents$/i;
const CONTROL_CAPTION = /^(?:document(?:ation)? (?:control|information|details)|policy (?:details|information)|key information)$/i;

export function isHistoryHeading(text: string): boolean {
  return text.length <= SHORT_LINE && HISTORY_HEADING.test(text);
}

export function isContentsHeading(text: string): boolean {
  return CONTENTS_HEADING.test(text.trim());
}

/** "Documentation Information": the caption of a document-control table, with nothing of its own. */
export function isControlCaption(text: string): boolean {
  return CONTROL_CAPTION.test(text.trim());
}

/** "Introduction ....\t4", "Scope of Policy  4": a contents entry ending in a page number. */
export function endsWithPageNumber(line: string): boolean {
  return /(?:\t|\.{2,}|…|\s{2,})[ \t.]{0,5}\d{1,4}$/.test(line.trimEnd().slice(-40));
}

/** A line that opens a new structure, which a wrapped line of text never does. */
export function startsStructure(line: string): boolean {
  return (
    markdownHeading(line) !== undefined ||
    bulletText(line) !== undefined ||
    clauseNumber(line) !== undefined ||
    singleNumber(line)?.marked === true ||
    letteredItem(line) !== undefined ||
    line.includes('\t')
  );
}
