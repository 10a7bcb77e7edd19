/**
 * Content equality for clauses and headings. Two clauses are the same when their blocks are
 * the same: text, bullets, formatting, links and variables all count, so a clause that only
 * became bold is "changed". Comparing ids alone would say nothing (ids never change), and
 * comparing plain text would miss a changed link.
 *
 * The key is canonical JSON: object keys sorted, and absent, null and empty values dropped,
 * because ProseMirror, tiptap and our validator disagree on those spellings
 * (`content: []` vs no content, `target: null` on a link vs no `target`) without the text
 * meaning anything different.
 */
import type { ClauseJSON, SectionHeadingJSON } from '@ratify/document';

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalise).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => [key, normalise((value as Record<string, unknown>)[key])] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length > 0 ? Object.fromEntries(entries) : undefined;
  }
  return value === null ? undefined : value;
}

/** A string equal for two values exactly when they mean the same content. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value)) ?? 'null';
}

/** The content key of a clause: its blocks, never its id. */
export function clauseKey(clause: ClauseJSON): string {
  return canonicalJson(clause.content);
}

/** The content key of a section heading. */
export function headingKey(heading: SectionHeadingJSON): string {
  return canonicalJson(heading.content);
}

/**
 * A deep copy of JSON-shaped content, so results share no objects with their inputs. Written
 * out rather than JSON.parse(JSON.stringify()) (about six times slower on a policy, and
 * applyOverrides copies one per school) or structuredClone (where code runs in a vm context,
 * as under jest, its copies carry the outer realm's Object.prototype, and validateDocument
 * rightly refuses those as "not plain JSON").
 */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    // Assigning "__proto__" would set the copy's prototype instead of copying the key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as T;
}
