import type { PolicyOutline } from '@ratify/document';

/** One row of a policy's "history of changes" table, as the file had it. */
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

/**
 * One line of the source on its way through the pipeline. `n` is where a person finds it in
 * their file (a line of a text file, a paragraph of a Word document); `page` counts form feeds.
 */
export interface SourceLine {
  text: string;
  n: number;
  page: number;
}

export interface ImportTextOptions {
  /** Used when the file has no recognisable title (importPolicy passes one made from the file name). */
  fallbackTitle?: string;
  /** What `SourceLine.n` counts, for warnings: "Line 12" in a text file, "Paragraph 12" in Word. */
  lineLabel?: 'Line' | 'Paragraph';
  /** Page header and footer lines known from elsewhere (a Word document's header part). */
  pageHeader?: string[];
  pageFooter?: string[];
}
