import { describe, expect, it } from 'vitest';
import { aPolicyDocument } from '../test/policy-fixtures';
import { groupProposals, readable, replacementSummary, type TermProposal } from './proposal-groups';

const doc = aPolicyDocument([
  ['c1', 'The Governing Body is committed to this.'],
  ['c2', 'Staff keep a professional distance.'],
  ['c3', 'Governors review it.'],
]);

function proposal(id: string, where: 'heading' | 'clause', before: string, after: string): TermProposal {
  return { id, where, before, after, replacements: [{ from: 'x', to: 'y', count: 1 }] };
}

describe('groupProposals', () => {
  it('puts proposals in the draft’s order under their section, saying where each is', () => {
    const groups = groupProposals(doc, 'unnumbered', [
      proposal('c3', 'clause', 'Governors review it.', 'Trustees review it.'),
      proposal('c1', 'clause', 'The Governing Body is committed to this.', 'The Trust is committed to this.'),
    ]);
    expect(groups.map((group) => group.heading)).toEqual(['Introduction']);
    expect(groups[0]?.rows.map((row) => [row.proposal.id, row.place])).toEqual([
      ['c1', 'Introduction, clause 1'],
      ['c3', 'Introduction, clause 3'],
    ]);
  });

  it('names clauses by number in the numbered style, and headings by their words', () => {
    const groups = groupProposals(doc, 'numbered', [proposal('s1', 'heading', 'Introduction', 'Intro'), proposal('c2', 'clause', 'a', 'b')]);
    expect(groups[0]?.rows.map((row) => row.place)).toEqual(['the heading “Introduction”', 'clause 1.2']);
  });

  it('marks the words that change on each side', () => {
    const [group] = groupProposals(doc, 'unnumbered', [proposal('c1', 'clause', 'The Governing Body is committed to this.', 'The Trust is committed to this.')]);
    const row = group!.rows[0]!;
    expect(row.before.filter((part) => part.changed).map((part) => part.text.trim())).toEqual(['Governing Body']);
    expect(row.after.filter((part) => part.changed).map((part) => part.text.trim())).toEqual(['Trust']);
  });

  it('still shows a proposal for a clause it cannot place', () => {
    const groups = groupProposals(doc, 'unnumbered', [proposal('gone', 'clause', 'old words', 'new words')]);
    expect(groups.map((group) => group.heading)).toEqual(['Elsewhere in the draft']);
  });
});

describe('readable and replacementSummary', () => {
  it('shows variables by their labels', () => {
    expect(readable('Contact {{school.headName}} at {{nope}}.')).toBe('Contact [Head’s name] at {{nope}}.');
  });

  it('counts in words', () => {
    expect(replacementSummary({ from: 'Governing Body', to: 'Trust', count: 1 })).toBe('“Governing Body” → “Trust”, once');
    expect(replacementSummary({ from: 'governors', to: 'trustees', count: 2 })).toBe('“governors” → “trustees”, twice');
    expect(replacementSummary({ from: 'on line', to: 'online', count: 5 })).toBe('“on line” → “online”, 5 times');
  });
});
