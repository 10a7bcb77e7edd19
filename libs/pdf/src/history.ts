/**
 * The generated "History of policy changes" table. Its Page column names the pages the changed
 * clauses start on, which only a layout can tell: `renderPolicyPdf` lays the document out once to
 * find them (`clausePages`) and builds it again with them filled in.
 */
import type { ContentTable, TableCell } from 'pdfmake/interfaces';
import { gridLayout, type Palette } from './palette';
import type { HistoryItem } from './rendition';

export const WHOLE_DOCUMENT = 'Whole document';
/** An empty cell: the Page of a review that changed nothing, or a row with no origin. */
export const NONE = '—';
/**
 * The Page cell before the pages are known (the first layout pass). About as wide as a real
 * answer, so the history table, and with it everything after it, takes the same room in both passes.
 */
export const PAGES_PENDING = '00–00';

/** Sorted distinct pages with runs joined: [7, 4, 5, 4] → "4–5, 7". */
export function pageList(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (sorted[i + 1] === sorted[i]! + 1) i++;
    ranges.push(start === sorted[i] ? `${start}` : `${start}–${sorted[i]}`);
  }
  return ranges.join(', ');
}

/** Whether a row names clauses whose pages must be found by laying the document out. */
export function needsPages(item: HistoryItem): boolean {
  return Array.isArray(item.changedClauses) && item.changedClauses.length > 0;
}

/**
 * The Page cell. A changed clause that is no longer in the document (it was deleted later) has
 * no page; if none of a row's clauses has one, the cell says so with a dash.
 */
export function pageCell(item: HistoryItem, clausePages: Record<string, number> | undefined): string {
  if (item.changedClauses === 'whole') return WHOLE_DOCUMENT;
  if (item.changedClauses.length === 0) return NONE;
  if (!clausePages) return PAGES_PENDING;
  const pages = item.changedClauses.flatMap((id) => (clausePages[id] === undefined ? [] : [clausePages[id]]));
  return pages.length > 0 ? pageList(pages) : NONE;
}

const HEADERS = ['Version', 'Date', 'Page', 'Change', 'Origin of change'];
// Fixed content widths (padding comes on top): "13 September 2025" and "Whole document" fit on
// one line at 9 pt, Change takes the rest, and no column moves between the two layout passes.

export function historyTable(history: HistoryItem[], clausePages: Record<string, number> | undefined, palette: Palette): ContentTable {
  const header = HEADERS.map((label): TableCell => ({ text: label, bold: true, color: palette.onAccent, fillColor: palette.accent }));
  const rows = history.map((item): TableCell[] => [item.version, item.date, pageCell(item, clausePages), item.change, item.origin ?? NONE]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [34, 76, 70, '*', 72], body: [header, ...rows] },
    layout: gridLayout(palette),
    style: 'historyTable',
  };
}
