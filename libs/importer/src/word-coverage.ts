/**
 * "Nothing is silently lost", measured: the share of the source's words that appear somewhere
 * in the import (title, metadata, history, headings, clauses), counted with multiplicity so a
 * dropped paragraph shows even when its words occur elsewhere.
 */
import type { ImportedPolicy } from './types';

export interface WordCoverage {
  sourceWords: number;
  keptWords: number;
  /** keptWords / sourceWords (1 for an empty source). */
  ratio: number;
  /** Up to 50 source words that are missing from the import, in order. */
  missing: string[];
}

/** Words as a person reads them: runs of letters and digits that contain a letter. Markup is not words. */
export function wordsOf(text: string): string[] {
  const stripped = text.replace(/<\/?[a-z][^<>]{0,200}>/gi, ' ').replace(/\]\([^()\s]{0,500}\)/g, '] ');
  return (stripped.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => /\p{L}/u.test(word));
}

export function importedText(policy: ImportedPolicy): string {
  const parts: string[] = [policy.title];
  for (const [key, value] of Object.entries(policy.metadata)) parts.push(key, value);
  for (const row of policy.history) parts.push(row.version, row.date, row.page, row.change, row.origin);
  for (const section of policy.sections) {
    parts.push(section.heading);
    for (const clause of section.clauses) {
      for (const block of clause.blocks) parts.push(...(block.type === 'paragraph' ? [block.text] : block.items));
    }
  }
  return parts.join('\n');
}

/**
 * The share of `source`'s words found in `policy`. `leftOut` is text the caller dropped on
 * purpose (a contents list, say); its words count as accounted for.
 */
export function wordsKept(source: string, policy: ImportedPolicy, leftOut: string[] = []): WordCoverage {
  const available = new Map<string, number>();
  for (const word of wordsOf([importedText(policy), ...leftOut].join('\n'))) available.set(word, (available.get(word) ?? 0) + 1);
  const sourceWords = wordsOf(source);
  const missing: string[] = [];
  let keptWords = 0;
  for (const word of sourceWords) {
    const count = available.get(word) ?? 0;
    if (count > 0) {
      available.set(word, count - 1);
      keptWords++;
    } else if (missing.length < 50) missing.push(word);
  }
  return { sourceWords: sourceWords.length, keptWords, ratio: sourceWords.length ? keptWords / sourceWords.length : 1, missing };
}
