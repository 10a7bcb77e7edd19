/**
 * Reading the two tables every policy cover has: document control (label → value) and the
 * history of changes (one row per version).
 */
import { isDateLike, labelValue } from './classify';
import { wordCount } from './inline';
import type { HistoryRow } from './types';

export interface Pair {
  label: string;
  value: string;
}

/**
 * Label/value pairs from the cells of one row: "Label:\tvalue", "Label: value", or a label cell
 * without a colon followed by its value ("Review Cycle\t2 years").
 */
export function readPairs(cells: string[]): Pair[] {
  const pairs: Pair[] = [];
  let pending: string | undefined;
  for (const cell of cells) {
    const labelled = labelValue(cell);
    if (labelled && !pending) {
      if (labelled.value) pairs.push(labelled);
      else pending = labelled.label;
    } else if (pending) {
      pairs.push({ label: pending, value: cell });
      pending = undefined;
    } else if (cells.length >= 2 && wordCount(cell, 8) <= 8 && !isDateLike(cell)) {
      pending = cell;
    }
  }
  return pairs;
}

type Role = keyof HistoryRow;

export type HistoryColumns = (Role | { extra: string })[];

const DEFAULT_COLUMNS: HistoryColumns = ['version', 'date', 'page', 'change', 'origin'];

function roleOf(header: string): Role | undefined {
  if (/origin|source|reason/i.test(header)) return 'origin';
  if (/^(?:version(?: number| no\.?)?|ver\.?|v|issue|no\.?)$/i.test(header)) return 'version';
  if (/date/i.test(header)) return 'date';
  if (/^(?:pages?|sections?|page\(s\)|paragraphs?)\b/i.test(header)) return 'page';
  if (/change|description|summary|detail|amend|comment|note/i.test(header)) return 'change';
  if (/author|\bby\b|owner|reviewer|approv|editor/i.test(header)) return 'origin';
  return undefined;
}

/** The columns of a history table from its header row ("Version | Date | Author | Changes"), if it is one. */
export function historyColumns(cells: string[]): HistoryColumns | undefined {
  if (cells.length < 2 || cells.some((cell) => wordCount(cell, 4) > 4)) return undefined;
  const roles = cells.map(roleOf);
  if (!roles.includes('version') || !roles.includes('date')) return undefined;
  const taken = new Set<Role>();
  return cells.map((cell, index) => {
    const role = roles[index];
    if (!role || taken.has(role)) return { extra: cell };
    taken.add(role);
    return role;
  });
}

export function historyRow(cells: string[], columns: HistoryColumns = DEFAULT_COLUMNS): HistoryRow | undefined {
  if (cells.length < 2) return undefined;
  const row: HistoryRow = { version: '', date: '', page: '', change: '', origin: '' };
  const extras: string[] = [];
  cells.forEach((cell, index) => {
    const column = columns[index];
    if (column === undefined) extras.push(cell);
    else if (typeof column === 'string') row[column] = row[column] ? `${row[column]} ${cell}` : cell;
    else extras.push(`${column.extra}: ${cell}`);
  });
  // Columns the row type has no place for are kept in the change, not dropped.
  if (extras.length) row.change = [row.change, ...extras.map((extra) => `(${extra})`)].filter(Boolean).join(' ');
  return row;
}
