/**
 * Document-control facts typed at the very end of a policy, after its last clause:
 *
 *     Ratified
 *
 *     March 2017
 *     Review June 2018
 *
 * They are read into metadata ("Ratified" → "March 2017", "Review" → "June 2018") rather than
 * becoming a last clause of the last section.
 */
import { isDateLike } from './classify';
import { cleanInline } from './inline';
import type { SourceLine } from './types';

const MAX_LINES = 8;
const LABEL =
  /^((?:date of )?(?:next |last )?(?:ratified|approved|adopted|agreed|reviewed|review|signed|issued|updated|amended|effective|policy review)(?: date| on| from| due)?(?: by [A-Za-z][A-Za-z ,&'’-]{0,60})?)\s*[:–-]?\s*(.*)$/i;

interface TrailerLine {
  label?: string;
  value?: string;
}

function readTrailerLine(text: string): TrailerLine | undefined {
  const clean = cleanInline(text);
  if (clean.length > 80 || clean.includes('\t')) return undefined;
  if (isDateLike(clean)) return { value: clean };
  const match = LABEL.exec(clean);
  if (!match) return undefined;
  const value = match[2].trim();
  if (value && !isDateLike(value)) return undefined;
  return { label: match[1].trim(), value: value || undefined };
}

export interface BackMatter {
  lines: SourceLine[];
  metadata: Record<string, string>;
}

export function takeBackMatter(lines: SourceLine[]): BackMatter {
  let end = lines.length;
  while (end > 0 && !lines[end - 1].text.trim()) end--;
  const read: TrailerLine[] = [];
  let first = end;
  for (let index = end - 1; index >= 0 && read.length < MAX_LINES; index--) {
    const text = lines[index].text;
    if (!text.trim()) continue;
    const line = readTrailerLine(text);
    if (!line) break;
    read.unshift(line);
    first = index;
  }
  // Only a block of its own (after a blank line, or the whole file) and with at least one label.
  if (read.length === 0 || !read.some((line) => line.label) || (first > 0 && lines[first - 1].text.trim())) {
    return { lines, metadata: {} };
  }
  const metadata: Record<string, string> = {};
  let pending: string | undefined;
  for (const line of read) {
    if (line.label && line.value) {
      metadata[line.label] = line.value;
      pending = undefined;
    } else if (line.label) {
      if (pending) metadata[pending] = '';
      pending = line.label;
    } else if (line.value) {
      metadata[pending ?? 'Date'] = line.value;
      pending = undefined;
    }
  }
  if (pending) metadata[pending] = '';
  return { lines: lines.slice(0, first), metadata };
}
