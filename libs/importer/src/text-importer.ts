/**
 * Plain text / Markdown (and, through `docx.ts`, Word) → a draft policy outline.
 *
 * The pipeline, one module per step:
 *   normalise        text → lines; export noise out
 *   page-furniture   page headers and footers repeated through the document → kept once
 *   back-matter      "Ratified / March 2017 / Review June 2018" at the end → metadata
 *   tokens           lines → headings, clauses, items, paragraphs, table rows
 *   front-matter     the cover → title, metadata, history, contents; leftovers kept
 *   body             tokens → sections of clauses
 * Nothing is silently lost: text that cannot be placed is kept where it stands or in an
 * untitled opening section, with a warning; a last check counts the words that made it.
 */
import { takeBackMatter } from './back-matter';
import { BodyBuilder } from './body';
import { addMetadata, readFrontMatter } from './front-matter';
import { letterKey, quote } from './inline';
import { toLines } from './normalise';
import { lineKey, removeFormFeedFurniture, removeRepeatedCoverLines } from './page-furniture';
import { SpecialBlocks } from './special-blocks';
import { tokenize } from './tokens';
import type { ImportedPolicy, ImportTextOptions, SourceLine } from './types';
import { wordsKept } from './word-coverage';

export { cleanInline } from './inline';
export type { HistoryRow, ImportedPolicy, ImportTextOptions } from './types';

const UNTITLED = 'Untitled policy';
/** Below this share of the file's words in the draft, the import says so. */
const COVERAGE_WARNING = 0.95;

/** Page header/footer lines found outside the cover, unless the title or the metadata already has them. */
function addFurniture(policy: ImportedPolicy, key: 'Page header' | 'Page footer', texts: string[]): void {
  const placed = new Set([letterKey(policy.title), ...Object.values(policy.metadata).flatMap((value) => value.split(' / ').map(lineKey))]);
  for (const text of texts) {
    const textKey = lineKey(text);
    if (!textKey || placed.has(textKey)) continue;
    addMetadata(policy.metadata, key, text, ' / ');
    placed.add(textKey);
  }
}

export function importLines(lines: SourceLine[], options: ImportTextOptions = {}): ImportedPolicy {
  const label = options.lineLabel ?? 'Line';
  const knownHeaderKeys = (options.pageHeader ?? []).map(lineKey).filter((key) => key.length > 0);
  const formFeed = removeFormFeedFurniture(lines);
  const repeated = removeRepeatedCoverLines(formFeed.lines, knownHeaderKeys);
  const back = takeBackMatter(repeated.lines);
  const tokens = tokenize(back.lines);
  const special = new SpecialBlocks(tokens);
  const front = readFrontMatter(tokens, special, {
    headerKeys: [...formFeed.headerKeys, ...repeated.headerKeys, ...knownHeaderKeys],
    fallbackTitle: options.fallbackTitle,
  });

  const builder = new BodyBuilder(special, label);
  front.leftovers.forEach((token) => builder.addLeftover(token));
  tokens.forEach((token, index) => {
    if (index >= front.bodyStart && !front.used.has(index)) builder.add(token);
  });
  const body = builder.build();

  const warnings: string[] = [];
  const title = front.title || UNTITLED;
  if (!front.title) warnings.push(`Could not find the policy's title; called it "${UNTITLED}". Type the real title in the editor.`);
  const policy: ImportedPolicy = { title, metadata: front.metadata, sections: body.sections, warnings, history: special.history };
  for (const [key, value] of Object.entries(back.metadata)) addMetadata(policy.metadata, key, value);
  addFurniture(policy, 'Page header', [...formFeed.header, ...(options.pageHeader ?? [])]);
  addFurniture(policy, 'Page footer', [...formFeed.footer, ...(options.pageFooter ?? [])]);

  const dropped = formFeed.dropped + repeated.dropped;
  if (dropped > 0) {
    warnings.push(`Removed ${dropped} ${dropped === 1 ? 'line' : 'lines'} of page headers and footers repeated through the file; each is kept once, in the title or the document details.`);
  }
  warnings.push(...body.warnings);

  const coverage = wordsKept(
    repeated.lines.map((line) => line.text).join('\n'),
    policy,
    [...special.dropped, ...front.dropped],
  );
  if (coverage.ratio < COVERAGE_WARNING) {
    warnings.push(
      `Only ${Math.floor(coverage.ratio * 100)}% of the words in the file made it into the draft (missing, for example: ${quote(coverage.missing.slice(0, 8).join(' '))}). Compare the draft with the original before sending it for approval.`,
    );
  }
  return policy;
}

/** Plain text or Markdown → a draft policy. Synchronous, and never throws on odd input. */
export function importText(source: string, options: ImportTextOptions = {}): ImportedPolicy {
  return importLines(toLines(source), options);
}
