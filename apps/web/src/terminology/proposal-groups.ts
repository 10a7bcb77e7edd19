/**
 * Terminology proposals in the order of the draft, grouped by section, each with where it is in
 * words ("Introduction, clause 2", "clause 1.2", "the heading “Scope”") and its before/after
 * words diffed for highlighting. Variables read as their labels: "[School name]".
 */
import type { NumberingStyle, PolicyDocument } from '@ratify/document';
import { outlineSections, VARIABLE_TEXT } from '../editor/clause-compare';
import { wordDiff, type DiffPart } from '../editor/word-diff';
import type { TerminologyProposalsQuery } from '../graphql/operations.generated';

export type TermProposal = TerminologyProposalsQuery['terminologyProposals'][number];

export interface ProposalRow {
  proposal: TermProposal;
  /** Where it is, for a sentence: "Introduction, clause 2", "clause 1.2", "the heading “Scope”". */
  place: string;
  before: DiffPart[];
  after: DiffPart[];
}

export interface ProposalGroup {
  key: string;
  /** The section's heading as the draft has it now. */
  heading: string;
  rows: ProposalRow[];
}

/** "{{school.name}}" → "[School name]"; unknown names stay as they are. */
export function readable(text: string): string {
  return text.replace(/\{\{([\w.]+)\}\}/g, (found, name: string) => VARIABLE_TEXT[name] ?? found);
}

function row(proposal: TermProposal, place: string): ProposalRow {
  const { theirs, mine } = wordDiff(readable(proposal.before), readable(proposal.after));
  return { proposal, place, before: theirs, after: mine };
}

export function groupProposals(doc: PolicyDocument, numbering: NumberingStyle, proposals: readonly TermProposal[]): ProposalGroup[] {
  const waiting = new Map(proposals.map((proposal) => [`${proposal.where}:${proposal.id}`, proposal]));
  const groups: ProposalGroup[] = outlineSections(doc, numbering).map((section) => ({
    key: section.key,
    heading: section.heading,
    rows: section.items.flatMap((item) => {
      const proposal = waiting.get(item.key);
      if (!proposal) return [];
      waiting.delete(item.key);
      return [row(proposal, item.place)];
    }),
  }));
  // Proposals for text the draft no longer has where the client looked (it changed meanwhile) still show.
  if (waiting.size > 0) {
    groups.push({ key: 'elsewhere', heading: 'Elsewhere in the draft', rows: [...waiting.values()].map((proposal, index) => row(proposal, `change ${index + 1} elsewhere`)) });
  }
  return groups.filter((group) => group.rows.length > 0);
}

/** "“Governing Body” → “Trust”, 2 times". */
export function replacementSummary(replacement: TermProposal['replacements'][number]): string {
  const times = replacement.count === 1 ? 'once' : replacement.count === 2 ? 'twice' : `${replacement.count} times`;
  return `“${replacement.from}” → “${replacement.to || '(removed)'}”, ${times}`;
}
