/**
 * Plain text / Markdown → policy outline. Reads what trusts actually have: Markdown or
 * numbered headings ("## Scope", "1. Introduction"), numbered clauses ("1.1.", "6.3.1."),
 * bullets of any glyph, tab-separated document-control tables, a version-history table,
 * a contents list, page headers repeated on every page, and stray inline HTML.
 * Front matter it cannot read is reported as a warning; body text is never dropped.
 */
import type { OutlineBlock, OutlineClause, OutlineSection, PolicyOutline } from '@ratify/document';

export interface HistoryRow {
  version: string;
  date: string;
  page: string;
  change: string;
  origin: string;
}

export interface ImportedPolicy extends PolicyOutline {
  history: HistoryRow[];
}

const BULLET = /^\s*(?:[-*•·▪◦‣●○]|\u2022)\s+(.*)$/;
const CLAUSE_NUMBER = /^(?:\d+\.)+\d*\.?\s+(.*)$/;
const NUMBERED_HEADING = /^(\d{1,2})\.\s+([^\s].*)$/;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*)$/;
const HISTORY_HEADING = /(history of .*changes|version history|document history|revision history|change log)/i;
const CONTENTS_HEADING = /^(table of )?contents$/i;
const TOC_LINE = /(\.{3,}|…)\s*\t?\s*\d+\s*$|\t\d+\s*$/;

/** Removes inline HTML and Markdown emphasis, keeping the words. */
export function cleanInline(text: string): string {
  return text
    .replace(/\s*<sup>\s*(.*?)\s*<\/sup>/gi, '$1')
    .replace(/<\/?(?:b|strong|i|em|u|span|sup|sub|font|br)\b[^>]*>/gi, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=[\s).,;:]|$)/g, '$1$2')
    .replace(/\\([*_#\\[\]()-])/g, '$1')
    .replace(/[ \u00a0]{2,}/g, ' ')
    .trim();
}

function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Similarity of two strings in [0, 1], from their Levenshtein distance. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (Math.abs(a.length - b.length) > Math.max(a.length, b.length) * 0.2) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return 1 - previous[b.length] / Math.max(a.length, b.length);
}

interface Heading {
  text: string;
  level: number;
}

function headingOf(line: string): Heading | undefined {
  const markdown = MARKDOWN_HEADING.exec(line);
  if (markdown) return { text: cleanInline(markdown[2]), level: markdown[1].length };
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered && line.length <= 80 && !/[.:;,]$/.test(line.trim()) && !/\t/.test(line)) {
    return { text: cleanInline(numbered[2]), level: 2 };
  }
  return undefined;
}

function splitCells(line: string): string[] {
  return line
    .split('\t')
    .map((cell) => cleanInline(cell))
    .filter((cell) => cell.length > 0);
}

/** Reads "Label: value" pairs and tab-separated label/value cells from a front-matter line. */
function readMetadata(line: string, metadata: Record<string, string>): boolean {
  const cells = splitCells(line);
  if (cells.length === 0) return false;
  let found = false;
  let pendingLabel: string | undefined;
  for (const cell of cells) {
    const pair = /^([^:]{2,60}):\s*(.*)$/.exec(cell);
    if (pair && !/^https?$/i.test(pair[1])) {
      if (pair[2]) {
        metadata[pair[1].trim()] = pair[2].trim();
        found = true;
        pendingLabel = undefined;
      } else pendingLabel = pair[1].trim();
    } else if (pendingLabel) {
      metadata[pendingLabel] = cell;
      pendingLabel = undefined;
      found = true;
    } else if (cells.length >= 2) {
      pendingLabel = cell;
    }
  }
  return found;
}

function readHistoryRow(line: string): HistoryRow | undefined {
  const cells = splitCells(line);
  if (cells.length < 3 || /^version$/i.test(cells[0])) return undefined;
  const [version, date, page = '', change = '', origin = ''] = cells;
  return { version, date, page, change, origin };
}

function isRepeatedHeader(key: string, headerKeys: string[]): boolean {
  return key.length >= 6 && headerKeys.some((header) => header === key || (key.length > 20 && similarity(header, key) >= 0.9));
}

export function importText(source: string): ImportedPolicy {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  const warnings: string[] = [];
  const metadata: Record<string, string> = {};
  const history: HistoryRow[] = [];
  const sections: OutlineSection[] = [];

  // The title: the first level-1 heading, or else the first non-empty line.
  let title = '';
  let titleLine = lines.findIndex((line) => /^#\s+/.test(line));
  if (titleLine >= 0) title = cleanInline(lines[titleLine].replace(/^#\s+/, ''));
  else {
    titleLine = lines.findIndex((line) => line.trim().length > 0);
    title = titleLine >= 0 ? cleanInline(lines[titleLine]) : '';
  }
  const version = /\(\s*v(?:ersion)?\.?\s*([\d.]+)\s*\)\s*$/i.exec(title);
  if (version) {
    metadata['Version'] = version[1];
    title = title.slice(0, version.index).trim();
  }

  const isSectionHeading = (index: number) => {
    const heading = headingOf(lines[index]);
    return heading !== undefined && index !== titleLine && !HISTORY_HEADING.test(heading.text) && !CONTENTS_HEADING.test(heading.text);
  };
  let firstBody = lines.findIndex((_, index) => index > titleLine && isSectionHeading(index));
  if (firstBody < 0) firstBody = lines.length;
  // The first page's header lines (the title and what front matter could not read): when they
  // reappear in the body they are page headers repeated on every page.
  const headerKeys = [letters(title)];
  const rememberHeader = (line: string) => {
    const key = letters(cleanInline(line.replace(MARKDOWN_HEADING, '$2')));
    if (key.length >= 6) headerKeys.push(key);
  };

  // Front matter: document control, history, contents.
  let mode: 'front' | 'history' | 'contents' = 'front';
  for (let index = 0; index < firstBody; index++) {
    if (index === titleLine) continue;
    const line = lines[index];
    if (!line.trim()) continue;
    const heading = headingOf(line);
    if (heading && HISTORY_HEADING.test(heading.text)) {
      mode = 'history';
      continue;
    }
    if (heading && CONTENTS_HEADING.test(heading.text)) {
      mode = 'contents';
      continue;
    }
    if (mode === 'history') {
      const row = readHistoryRow(line);
      if (row) history.push(row);
      continue;
    }
    if (mode === 'contents' && TOC_LINE.test(line)) continue;
    const text = cleanInline(line);
    if (/^(non[- ]?statutory|statutory)$/i.test(text)) {
      metadata['Statutory'] = /^non/i.test(text) ? 'No' : 'Yes';
      continue;
    }
    if (readMetadata(line, metadata)) continue;
    rememberHeader(line);
    if (text) warnings.push(`Front matter not recognised, left out of the policy text: "${text}"`);
  }

  // Body: sections of clauses.
  let section: OutlineSection | undefined;
  let clause: OutlineClause | undefined;
  let blankSinceLast = true;
  let skipping: 'history' | 'contents' | undefined;

  const closeClause = () => {
    const only = clause?.blocks.length === 1 ? clause.blocks[0] : undefined;
    // A page header wrapped over several lines is only recognisable once its lines are joined.
    if (only?.type === 'paragraph' && isRepeatedHeader(letters(only.text), headerKeys)) clause = undefined;
    if (clause && section) {
      clause.text = clause.blocks.map((block) => (block.type === 'paragraph' ? block.text : block.items.map((item) => `- ${item}`).join('\n'))).join('\n');
      section.clauses.push(clause);
    }
    clause = undefined;
  };
  const lastBlock = (): OutlineBlock | undefined => clause?.blocks[clause.blocks.length - 1];

  for (let index = firstBody; index < lines.length; index++) {
    const raw = lines[index];
    if (!raw.trim()) {
      blankSinceLast = true;
      continue;
    }
    const key = letters(cleanInline(raw.replace(MARKDOWN_HEADING, '$2')));
    if (isRepeatedHeader(key, headerKeys)) continue;

    const heading = headingOf(raw);
    if (heading) {
      closeClause();
      if (HISTORY_HEADING.test(heading.text)) skipping = 'history';
      else if (CONTENTS_HEADING.test(heading.text)) skipping = 'contents';
      else {
        skipping = undefined;
        section = { heading: heading.text, clauses: [] };
        sections.push(section);
      }
      blankSinceLast = true;
      continue;
    }
    if (skipping === 'history') {
      const row = readHistoryRow(raw);
      if (row) history.push(row);
      continue;
    }
    if (skipping === 'contents' && TOC_LINE.test(raw)) continue;
    if (!section) {
      section = { heading: '', clauses: [] };
      sections.push(section);
    }

    const literal = /^\s*\\\*/.test(raw);
    const bullet = literal ? null : BULLET.exec(raw);
    const bulletText = bullet ? bullet[1] : undefined;
    const numbered = CLAUSE_NUMBER.exec(bulletText ?? raw.trim());
    if (numbered) {
      closeClause();
      clause = { text: '', blocks: [{ type: 'paragraph', text: cleanInline(numbered[1]) }] };
    } else if (bulletText !== undefined) {
      const item = cleanInline(bulletText);
      const previous = lastBlock();
      if (previous?.type === 'bulletList') previous.items.push(item);
      else if (clause && previous?.type === 'paragraph' && /:$/.test(previous.text)) clause.blocks.push({ type: 'bulletList', items: [item] });
      else {
        closeClause();
        clause = { text: '', blocks: [{ type: 'bulletList', items: [item] }] };
      }
    } else {
      const text = cleanInline(raw);
      const previous = lastBlock();
      if (!blankSinceLast && previous?.type === 'paragraph' && !/[:.]$/.test(previous.text)) previous.text = `${previous.text} ${text}`;
      else {
        closeClause();
        clause = { text: '', blocks: [{ type: 'paragraph', text }] };
      }
    }
    blankSinceLast = false;
  }
  closeClause();

  for (const empty of sections.filter((candidate) => candidate.clauses.length === 0)) {
    warnings.push(`Section "${empty.heading}" has no text.`);
  }
  if (sections.length === 0) warnings.push('No sections were found.');
  return { title, metadata, sections, warnings, history };
}
