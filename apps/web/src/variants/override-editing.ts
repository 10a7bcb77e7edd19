/**
 * A school's overrides of the trust's text, edited in the browser before they are saved: replace
 * a clause's text, omit it, add clauses after it, undo. Each function returns a new list.
 * Replacement and added text comes from a plain textarea: each line a paragraph, lines starting
 * "- " a bullet list, and {{key}} a variable, so a school's text keeps variables and bullets.
 * (The shape is libs/merge's `Override`; a candidate for libs/document once the API needs text → clause.)
 */
import { VARIABLES, blockText, type BlockJSON, type ClauseJSON, type InlineJSON, type ParagraphJSON } from '@ratify/document';

export type Override =
  | { clauseId: string; kind: 'replace'; clause: ClauseJSON }
  | { clauseId: string; kind: 'omit' }
  /** `clauseId` is the trust clause the new clause follows. */
  | { clauseId: string; kind: 'add-after'; clause: ClauseJSON };

const KNOWN_VARIABLES = new Set(VARIABLES.map((variable) => variable.key));

function inline(text: string): InlineJSON[] {
  const nodes: InlineJSON[] = [];
  let rest = text;
  const pattern = /\{\{\s*([\w.]+)\s*\}\}/;
  for (let match = pattern.exec(rest); match; match = pattern.exec(rest)) {
    const name = match[1] ?? '';
    const before = rest.slice(0, match.index);
    if (!KNOWN_VARIABLES.has(name)) {
      nodes.push({ type: 'text', text: before + match[0] });
    } else {
      if (before) nodes.push({ type: 'text', text: before });
      nodes.push({ type: 'variable', attrs: { name } });
    }
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) nodes.push({ type: 'text', text: rest });
  // Neighbouring text runs (from unknown {{…}}) read as one.
  return nodes.reduce<InlineJSON[]>((merged, node) => {
    const last = merged[merged.length - 1];
    if (last?.type === 'text' && node.type === 'text') merged[merged.length - 1] = { type: 'text', text: last.text + node.text };
    else merged.push(node);
    return merged;
  }, []);
}

function paragraph(text: string): ParagraphJSON {
  const content = inline(text);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** A clause from a textarea's text; null when there is no text. */
export function clauseFromText(clauseId: string, text: string): ClauseJSON | null {
  const blocks: BlockJSON[] = [];
  for (const line of text.split(/\r?\n/).map((candidate) => candidate.trim())) {
    if (!line) continue;
    const bullet = /^[-•*]\s+(.*)$/.exec(line);
    if (!bullet) {
      blocks.push(paragraph(line));
      continue;
    }
    const last = blocks[blocks.length - 1];
    const item = { type: 'listItem' as const, content: [paragraph(bullet[1] ?? '')] };
    if (last?.type === 'bulletList') last.content.push(item);
    else blocks.push({ type: 'bulletList', content: [item] });
  }
  return blocks.length > 0 ? { type: 'clause', attrs: { clauseId }, content: blocks } : null;
}

/** A clause as a textarea shows it: the inverse of clauseFromText (formatting such as bold is not kept). */
export function textOfClause(clause: ClauseJSON): string {
  return clause.content.map((block: BlockJSON) => blockText(block)).join('\n');
}

/** The replace or omit of a trust clause, if the school made one. */
export function overrideOf(overrides: readonly Override[], clauseId: string): Exclude<Override, { kind: 'add-after' }> | null {
  return (overrides.find((override) => override.clauseId === clauseId && override.kind !== 'add-after') as Exclude<Override, { kind: 'add-after' }> | undefined) ?? null;
}

/** The clauses the school added after a trust clause, in order. */
export function addedAfter(overrides: readonly Override[], clauseId: string): ClauseJSON[] {
  return overrides.flatMap((override) => (override.kind === 'add-after' && override.clauseId === clauseId ? [override.clause] : []));
}

/** The replace or omit of `clauseId` becomes `next` (in place, so the list keeps its order), or goes. */
function withOverride(overrides: readonly Override[], clauseId: string, next: Override | null): Override[] {
  const index = overrides.findIndex((override) => override.clauseId === clauseId && override.kind !== 'add-after');
  if (index < 0) return next ? [...overrides, next] : [...overrides];
  return [...overrides.slice(0, index), ...(next ? [next] : []), ...overrides.slice(index + 1)];
}

export function replaceClause(overrides: readonly Override[], clause: ClauseJSON): Override[] {
  return withOverride(overrides, clause.attrs.clauseId, { clauseId: clause.attrs.clauseId, kind: 'replace', clause });
}

export function omitClause(overrides: readonly Override[], clauseId: string): Override[] {
  return withOverride(overrides, clauseId, { clauseId, kind: 'omit' });
}

export function undoOverride(overrides: readonly Override[], clauseId: string): Override[] {
  return withOverride(overrides, clauseId, null);
}

/** Adds a clause after a trust clause (after any the school already added there). */
export function addClauseAfter(overrides: readonly Override[], anchorId: string, clause: ClauseJSON): Override[] {
  return [...overrides, { clauseId: anchorId, kind: 'add-after', clause }];
}

/** Changes the text of a clause the school added (found by its own id). */
export function editAddedClause(overrides: readonly Override[], clause: ClauseJSON): Override[] {
  return overrides.map((override) => (override.kind === 'add-after' && override.clause.attrs.clauseId === clause.attrs.clauseId ? { ...override, clause } : override));
}

export function removeAddedClause(overrides: readonly Override[], addedId: string): Override[] {
  return overrides.filter((override) => !(override.kind === 'add-after' && override.clause.attrs.clauseId === addedId));
}

/** Overrides of clauses the trust's current text does not have (made on an older version): they cannot be saved as they are. */
export function orphanedOverrides(overrides: readonly Override[], trustClauseIds: ReadonlySet<string>): Override[] {
  return overrides.filter((override) => !trustClauseIds.has(override.clauseId));
}

export function removeOverride(overrides: readonly Override[], orphan: Override): Override[] {
  return overrides.filter((override) => override !== orphan);
}
