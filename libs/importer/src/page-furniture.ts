/**
 * Page headers and footers repeated through a document. PDF and Word exports put them into the
 * text on every page, sometimes wrapped differently or retyped with a typo, and they would
 * otherwise land in the middle of clauses. Each is kept once (as the cover's own line, or in the
 * metadata) and its repeats are dropped.
 */
import { bulletText, clauseNumber, isPageNumber, markdownHeading } from './classify';
import { cleanInline, letterKey } from './inline';
import { nearlyEqual } from './similarity';
import type { SourceLine } from './types';

/** How far from a page's edge a header or footer line can sit (non-blank lines). */
const EDGE = 3;
/** The longest run of wrapped lines one header line can be broken into. */
const MAX_WRAP = 4;
const MIN_KEY = 6;
const MAX_COVER_LINES = 40;

export interface Furniture {
  lines: SourceLine[];
  /** Letter keys of header lines that repeat, for the cover to recognise. */
  headerKeys: string[];
  /** Header and footer texts found only through form feeds, in first-seen order. */
  header: string[];
  footer: string[];
  /** How many repeated lines were dropped. */
  dropped: number;
}

/** A line's text without heading marks and inline markup, as a letter key. */
export function lineKey(text: string): string {
  return letterKey(cleanInline(markdownHeading(text)?.text ?? text));
}

/** Each page's first and last few non-blank lines; on a short page, a line counts for the nearer edge. */
function pageEdges(lines: SourceLine[]): Map<number, { top: number[]; bottom: number[] }> {
  const pages = new Map<number, number[]>();
  lines.forEach((line, index) => {
    if (!line.text.trim()) return;
    const indexes = pages.get(line.page) ?? [];
    indexes.push(index);
    pages.set(line.page, indexes);
  });
  const edges = new Map<number, { top: number[]; bottom: number[] }>();
  for (const [page, indexes] of pages) {
    const last = indexes.length - 1;
    edges.set(page, {
      top: indexes.filter((_, k) => k < EDGE && k <= last - k),
      bottom: indexes.filter((_, k) => last - k < EDGE && k > last - k),
    });
  }
  return edges;
}

/**
 * With form feeds, a header or footer is a line at a page's top or bottom edge that recurs, digits
 * aside ("Page 3 of 12"), on at least two pages and on at least 40% of them. Footers and page
 * numbers are removed everywhere; headers from the second page on (the first page's copy is
 * part of the cover, where it may be the title).
 */
export function removeFormFeedFurniture(lines: SourceLine[]): Furniture {
  const edges = pageEdges(lines);
  const none: Furniture = { lines, headerKeys: [], header: [], footer: [], dropped: 0 };
  if (edges.size < 3) return none;
  const keyOf = (index: number) => lineKey(lines[index].text).replace(/[0-9]+/g, '#');
  const pagesWith = new Map<string, Set<number>>();
  for (const [page, edge] of edges) {
    for (const index of [...edge.top, ...edge.bottom]) {
      const key = keyOf(index);
      if (key.length < 3) continue;
      pagesWith.set(key, (pagesWith.get(key) ?? new Set()).add(page));
    }
  }
  const threshold = Math.max(2, Math.ceil(edges.size * 0.4));
  const repeated = new Set([...pagesWith].filter(([, pages]) => pages.size >= threshold).map(([key]) => key));
  const drop = new Set<number>();
  const header: string[] = [];
  const footer: string[] = [];
  const headerKeys = new Set<string>();
  const firstPage = Math.min(...edges.keys());
  for (const [page, edge] of edges) {
    for (const [position, indexes] of [['top', edge.top], ['bottom', edge.bottom]] as const) {
      for (const index of indexes) {
        const key = keyOf(index);
        const text = cleanInline(lines[index].text);
        if (!repeated.has(key) && !isPageNumber(text)) continue;
        if (isPageNumber(text)) {
          drop.add(index);
          continue;
        }
        const seen = position === 'top' ? header : footer;
        if (!seen.some((existing) => lineKey(existing).replace(/[0-9]+/g, '#') === key)) seen.push(text);
        if (position === 'top') {
          headerKeys.add(lineKey(text));
          if (page !== firstPage) drop.add(index);
        } else drop.add(index);
      }
    }
  }
  return {
    lines: lines.filter((_, index) => !drop.has(index)),
    headerKeys: [...headerKeys],
    header,
    footer,
    dropped: drop.size,
  };
}

/** Where the cover ends, roughly: the first line that is certainly body, within a bounded window. */
function coverEnd(lines: SourceLine[]): number {
  let seenTitleHeading = false;
  let nonBlank = 0;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index].text;
    if (!text.trim()) continue;
    if (++nonBlank > MAX_COVER_LINES) return index;
    const heading = markdownHeading(text);
    if (heading) {
      if (seenTitleHeading || heading.level > 1) return index;
      seenTitleHeading = true;
      continue;
    }
    if (bulletText(text) !== undefined || clauseNumber(text) !== undefined || /^\d{1,2}\.\s/.test(text.trim())) return index;
    if (text.length > 200 || (text.split(/\s+/).length >= 8 && /[.!?]["'’”)]*$/.test(text.trimEnd()))) return index;
  }
  return lines.length;
}

function isCandidate(text: string): boolean {
  return text.trim().length > 0 && text.length <= 200 && !text.includes('\t') && !/^[^:]{2,60}:\s*\S/.test(cleanInline(text));
}

function matches(key: string, keys: string[]): string | undefined {
  if (key.length < MIN_KEY) return undefined;
  return keys.find((candidate) => candidate === key || nearlyEqual(candidate, key, 0.12));
}

/**
 * Without form feeds: lines of the cover (before the first certain body line) that come back
 * later, alone or wrapped over up to four lines, after a blank line, are a page header. The
 * repeats are dropped; the cover keeps its copy. `knownKeys` adds header lines found elsewhere
 * (a Word header part).
 */
export function removeRepeatedCoverLines(lines: SourceLine[], knownKeys: string[] = []): Furniture {
  const end = coverEnd(lines);
  const coverKeys = lines
    .slice(0, end)
    .filter((line) => isCandidate(line.text))
    .map((line) => lineKey(line.text));
  const keys = [...new Set([...coverKeys, ...knownKeys])].filter((key) => key.length >= MIN_KEY);
  const found = new Set<string>();
  const keep: SourceLine[] = lines.slice(0, end);
  let dropped = 0;
  let afterBreak = true;
  for (let index = end; index < lines.length; ) {
    const line = lines[index];
    if (!line.text.trim()) {
      keep.push(line);
      afterBreak = true;
      index++;
      continue;
    }
    let matched = 0;
    if (afterBreak && keys.length > 0 && isCandidate(line.text)) {
      let joined = '';
      for (let width = 1; width <= MAX_WRAP && index + width <= lines.length; width++) {
        const next = lines[index + width - 1];
        if (!isCandidate(next.text)) break;
        joined += lineKey(next.text);
        const key = matches(joined, keys);
        if (key) {
          found.add(key);
          matched = width;
          break;
        }
      }
    }
    if (matched > 0) {
      dropped += matched;
      index += matched;
      afterBreak = true;
      continue;
    }
    keep.push(line);
    afterBreak = false;
    index++;
  }
  return { lines: keep, headerKeys: [...found], header: [], footer: [], dropped };
}
