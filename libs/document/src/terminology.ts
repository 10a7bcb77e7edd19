/**
 * An organisation's own words. When a trust clones a model policy, "Governing Body" becomes
 * "Trust", "governors" become "trustees" and so on. Ratify proposes each replacement with a
 * before/after preview per heading and clause, and applies only what the person accepts, as an
 * ordinary edit of the draft (so it shows in the history and redlines), never a silent rewrite.
 */
import type { ClauseJSON, InlineJSON, PolicyDocument, SectionJSON } from './types';
import { blockText, clausesOf, headingOf, inlineText, sectionsOf } from './walk';

export interface TermReplacement {
  /** The words as the model policy has them, e.g. "Governing Body". */
  from: string;
  /** The organisation's words, e.g. "Trust". */
  to: string;
}

export interface TermProposal {
  /** The section id (for a heading) or clause id. */
  id: string;
  where: 'heading' | 'clause';
  before: string;
  after: string;
  replacements: { from: string; to: string; count: number }[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pass over the text for all terms, longest first, whole words only, so outputs are never re-replaced. */
function matcher(terms: readonly TermReplacement[]): RegExp | undefined {
  const usable = terms.filter((term) => term.from.trim().length > 0 && term.from !== term.to);
  if (usable.length === 0) return undefined;
  const alternatives = [...usable].sort((a, b) => b.from.length - a.from.length).map((term) => escapeRegExp(term.from));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

function replaceIn(text: string, pattern: RegExp, targets: Map<string, string>, counts: Map<string, number>): string {
  return text.replace(pattern, (found) => {
    counts.set(found, (counts.get(found) ?? 0) + 1);
    return targets.get(found) ?? found;
  });
}

function replaceInline(content: InlineJSON[] | undefined, pattern: RegExp, targets: Map<string, string>, counts: Map<string, number>): InlineJSON[] | undefined {
  return content?.map((node) => (node.type === 'text' ? { ...node, text: replaceIn(node.text, pattern, targets, counts) } : node));
}

function replaceInClause(clause: ClauseJSON, pattern: RegExp, targets: Map<string, string>, counts: Map<string, number>): ClauseJSON {
  const visit = (node: unknown): unknown => {
    const value = node as { type: string; content?: unknown[] };
    if (value.type === 'paragraph') return { ...value, content: replaceInline(value.content as InlineJSON[] | undefined, pattern, targets, counts) };
    return value.content ? { ...value, content: value.content.map(visit) } : value;
  };
  return { ...clause, content: clause.content.map(visit) as ClauseJSON['content'] };
}

function summary(counts: Map<string, number>, targets: Map<string, string>): TermProposal['replacements'] {
  return [...counts].map(([from, count]) => ({ from, to: targets.get(from) ?? from, count }));
}

/** What the terminology would change, heading by heading and clause by clause (nothing is changed). */
export function proposeTerminology(doc: PolicyDocument, terms: readonly TermReplacement[]): TermProposal[] {
  const pattern = matcher(terms);
  if (!pattern) return [];
  const targets = new Map(terms.map((term) => [term.from, term.to]));
  const proposals: TermProposal[] = [];
  for (const section of sectionsOf(doc)) {
    const counts = new Map<string, number>();
    const before = inlineText(headingOf(section));
    const after = replaceIn(before, pattern, targets, counts);
    if (counts.size) proposals.push({ id: section.attrs.sectionId, where: 'heading', before, after, replacements: summary(counts, targets) });
    for (const clause of clausesOf(section)) {
      const clauseCounts = new Map<string, number>();
      const replaced = replaceInClause(clause, pattern, targets, clauseCounts);
      if (clauseCounts.size === 0) continue;
      proposals.push({
        id: clause.attrs.clauseId,
        where: 'clause',
        before: clause.content.map((block) => blockText(block)).join('\n'),
        after: replaced.content.map((block) => blockText(block)).join('\n'),
        replacements: summary(clauseCounts, targets),
      });
    }
  }
  return proposals;
}

/** The document with the terminology applied to every heading and clause, or only to the accepted ids. */
export function applyTerminology(doc: PolicyDocument, terms: readonly TermReplacement[], accepted?: ReadonlySet<string>): PolicyDocument {
  const pattern = matcher(terms);
  if (!pattern) return doc;
  const targets = new Map(terms.map((term) => [term.from, term.to]));
  const wanted = (id: string) => !accepted || accepted.has(id);
  return {
    type: 'doc',
    content: sectionsOf(doc).map((section): SectionJSON => {
      const [heading, ...clauses] = section.content;
      const newHeading = wanted(section.attrs.sectionId) ? { ...heading, content: replaceInline(heading.content, pattern, targets, new Map()) } : heading;
      const newClauses = (clauses as ClauseJSON[]).map((clause) => (wanted(clause.attrs.clauseId) ? replaceInClause(clause, pattern, targets, new Map()) : clause));
      return { ...section, content: [newHeading, ...newClauses] };
    }),
  };
}
