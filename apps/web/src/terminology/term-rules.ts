/**
 * The terminology list as a person edits it, checked before it is sent: the API's rules (words
 * to replace are required, at most 100 characters each, each listed once, at most 100 terms),
 * said next to the field they concern. Rows left wholly blank are dropped, not faulted.
 */
export const MAX_TERMS = 100;
export const MAX_TERM_LENGTH = 100;

export interface TermRow {
  /** A stable key for the row while it is edited (not sent). */
  key: number;
  from: string;
  to: string;
}

export interface RowProblems {
  from?: string;
  to?: string;
}

export interface TermCheck {
  /** The terms to send: trimmed, blank rows left out. */
  terms: { from: string; to: string }[];
  /** Problems by row key. */
  rows: Record<number, RowProblems>;
  /** A problem with the list as a whole. */
  list: string | null;
  ok: boolean;
}

export function checkTerms(rows: readonly TermRow[]): TermCheck {
  const problems: Record<number, RowProblems> = {};
  const terms: { from: string; to: string }[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const from = row.from.trim();
    const to = row.to.trim();
    if (!from && !to) continue;
    const found: RowProblems = {};
    if (!from) found.from = 'Enter the words the model policy uses.';
    else if (from.length > MAX_TERM_LENGTH) found.from = `Keep this to ${MAX_TERM_LENGTH} characters or fewer.`;
    else if (seen.has(from)) found.from = `“${from}” is already in the list. Keep one row for it.`;
    if (to.length > MAX_TERM_LENGTH) found.to = `Keep this to ${MAX_TERM_LENGTH} characters or fewer.`;
    if (found.from || found.to) problems[row.key] = found;
    if (from) seen.add(from);
    terms.push({ from, to });
  }
  const list = terms.length > MAX_TERMS ? `Keep the list to ${MAX_TERMS} terms or fewer: it has ${terms.length}.` : null;
  return { terms, rows: problems, list, ok: list === null && Object.keys(problems).length === 0 };
}
