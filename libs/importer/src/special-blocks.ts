/**
 * The blocks of a policy that are not its text: a history-of-changes table (read into history
 * rows) and a contents list (skipped: Ratify numbers and lists sections itself). Either can sit
 * on the cover or later, so the cover reader and the body builder share this reader.
 */
import { endsWithPageNumber, isContentsHeading, isHistoryHeading } from './classify';
import { letterKey, wordCount } from './inline';
import { historyColumns, historyRow, type HistoryColumns } from './tables';
import type { Token } from './tokens';
import type { HistoryRow } from './types';

export class SpecialBlocks {
  readonly history: HistoryRow[] = [];
  /** What was left out on purpose: the blocks' headings, a history header row, contents entries. */
  readonly dropped: string[] = [];
  private mode: 'none' | 'history' | 'contents' = 'none';
  private columns: HistoryColumns | undefined;
  /** How often each heading's words occur as a heading: a contents entry repeats one. */
  private readonly headingCounts = new Map<string, number>();

  constructor(tokens: Token[]) {
    for (const token of tokens) {
      if (token.kind !== 'heading') continue;
      const key = letterKey(token.text);
      this.headingCounts.set(key, (this.headingCounts.get(key) ?? 0) + 1);
    }
  }

  /** Consumes the token if it opens or belongs to a history table or a contents list. */
  consume(token: Token): boolean {
    const opener = token.kind === 'heading' || (token.kind === 'paragraph' && wordCount(token.text, 8) <= 8);
    if (opener && isHistoryHeading(token.text)) return this.open('history', token);
    if (opener && isContentsHeading(token.text)) return this.open('contents', token);
    const columns = token.kind === 'row' ? historyColumns(token.cells) : undefined;
    if (columns) {
      this.open('history', token);
      this.columns = columns;
      return true;
    }
    if (this.mode === 'history') {
      const row = token.kind === 'row' ? historyRow(token.cells, this.columns) : undefined;
      if (row) {
        this.history.push(row);
        return true;
      }
      this.mode = 'none';
    }
    if (this.mode === 'contents') {
      if (this.isContentsEntry(token)) return this.drop(token);
      this.mode = 'none';
    }
    return false;
  }

  private open(mode: 'history' | 'contents', token: Token): boolean {
    this.mode = mode;
    this.columns = undefined;
    return this.drop(token);
  }

  private drop(token: Token): boolean {
    this.dropped.push(token.text);
    return true;
  }

  private isContentsEntry(token: Token): boolean {
    if (endsWithPageNumber(token.raw)) return true;
    if (wordCount(token.text, 14) > 14) return false;
    const count = this.headingCounts.get(letterKey(token.text)) ?? 0;
    return token.kind === 'heading' ? count >= 2 : count >= 1;
  }
}
