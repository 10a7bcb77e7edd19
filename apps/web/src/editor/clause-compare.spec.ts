import type { PolicyDocument } from '@ratify/document';
import { describe, expect, it } from 'vitest';
import { compareClauses } from './clause-compare';

function doc(sections: Array<{ id: string; heading: string; clauses: Array<[id: string, text: string]> }>): PolicyDocument {
  return {
    type: 'doc',
    content: sections.map((section) => ({
      type: 'section',
      attrs: { sectionId: section.id },
      content: [
        { type: 'sectionHeading', content: [{ type: 'text', text: section.heading }] },
        ...section.clauses.map(([clauseId, text]) => ({
          type: 'clause' as const,
          attrs: { clauseId },
          content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
        })),
      ],
    })),
  };
}

const theirs = doc([
  { id: 's1', heading: 'Introduction', clauses: [['c1', 'The Trust is committed.'], ['c2', 'Staff keep a professional distance.']] },
  { id: 's2', heading: 'Scope', clauses: [['c3', 'This policy applies to all staff.'], ['c4', 'Volunteers too.']] },
]);

describe('compareClauses', () => {
  it('lines clauses up by id and says which changed', () => {
    const mine = doc([
      { id: 's1', heading: 'Introduction', clauses: [['c1', 'The Trust is fully committed.'], ['c2', 'Staff keep a professional distance.']] },
      { id: 's2', heading: 'Scope', clauses: [['c3', 'This policy applies to all staff.'], ['c4', 'Volunteers too.']] },
    ]);

    const rows = compareClauses(theirs, mine, 'numbered');

    expect(rows.map((row) => [row.label, row.change])).toEqual([
      ['Section 1.', 'same'],
      ['1.1.', 'changed'],
      ['1.2.', 'same'],
      ['Section 2.', 'same'],
      ['2.1.', 'same'],
      ['2.2.', 'same'],
    ]);
    expect(rows[1]).toMatchObject({ theirs: 'The Trust is committed.', mine: 'The Trust is fully committed.' });
  });

  it('shows a clause only I added after the clause it follows, and one I deleted as theirs only', () => {
    const mine = doc([
      { id: 's1', heading: 'Introduction', clauses: [['c1', 'The Trust is committed.'], ['new', 'A new clause of mine.'], ['c2', 'Staff keep a professional distance.']] },
      { id: 's2', heading: 'Scope of the policy', clauses: [['c3', 'This policy applies to all staff.']] },
    ]);

    const rows = compareClauses(theirs, mine, 'unnumbered');

    expect(rows.map((row) => [row.label, row.theirs, row.mine, row.change])).toEqual([
      ['Section 1 heading', 'Introduction', 'Introduction', 'same'],
      ['Introduction, clause 1', 'The Trust is committed.', 'The Trust is committed.', 'same'],
      ['Introduction, clause 2', null, 'A new clause of mine.', 'onlyMine'],
      ['Introduction, clause 3', 'Staff keep a professional distance.', 'Staff keep a professional distance.', 'same'],
      ['Section 2 heading', 'Scope', 'Scope of the policy', 'changed'],
      ['Scope of the policy, clause 1', 'This policy applies to all staff.', 'This policy applies to all staff.', 'same'],
      ['Scope, clause 2', 'Volunteers too.', null, 'onlyTheirs'],
    ]);
  });

  it('reads variables as their labels', () => {
    const withVariable: PolicyDocument = {
      type: 'doc',
      content: [
        {
          type: 'section',
          attrs: { sectionId: 's1' },
          content: [
            { type: 'sectionHeading', content: [{ type: 'text', text: 'About' }] },
            { type: 'clause', attrs: { clauseId: 'c1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Welcome to ' }, { type: 'variable', attrs: { name: 'school.name' } }] }] },
          ],
        },
      ],
    };
    expect(compareClauses(withVariable, withVariable, 'numbered')[1]?.mine).toBe('Welcome to [School name]');
  });
});
