import { documentFromOutline } from './outline';
import { applyTerminology, proposeTerminology } from './terminology';
import { listClauses } from './text';
import { validateDocument } from './validate';

let n = 0;
const ids = () => `id-${++n}`;
const paragraph = (text: string) => ({ text, blocks: [{ type: 'paragraph' as const, text }] });
const doc = documentFromOutline(
  {
    sections: [
      { heading: 'Role of the Governing Body', clauses: [paragraph('The Governing Body of the school is committed. The Governing Body’s duty matters.'), paragraph('Parent helpers and governors.')] },
      { heading: 'Scope', clauses: [paragraph('Nothing to change, not even Governing Bodyguard or subgovernors.')] },
    ],
  },
  ids,
);
const TERMS = [
  { from: 'Governing Body', to: 'Trust' },
  { from: 'Governing Body of the school', to: 'Trust' },
  { from: 'governors', to: 'trustees' },
];

describe('proposeTerminology', () => {
  it('proposes each change with a before and after, longest terms first and whole words only', () => {
    const proposals = proposeTerminology(doc, TERMS);
    expect(proposals.map((proposal) => [proposal.where, proposal.after])).toEqual([
      ['heading', 'Role of the Trust'],
      ['clause', 'The Trust is committed. The Trust’s duty matters.'],
      ['clause', 'Parent helpers and trustees.'],
    ]);
    expect(proposals[1]!.replacements).toEqual([
      { from: 'Governing Body of the school', to: 'Trust', count: 1 },
      { from: 'Governing Body', to: 'Trust', count: 1 },
    ]);
    expect(listClauses(doc)[0]!.text).toContain('Governing Body of the school');
  });

  it('proposes nothing for terms that change nothing', () => {
    expect(proposeTerminology(doc, [{ from: 'Academy', to: 'School' }, { from: '', to: 'x' }, { from: 'Scope', to: 'Scope' }])).toEqual([]);
  });
});

describe('applyTerminology', () => {
  it('applies only what was accepted, and the result is still a valid policy', () => {
    const [heading, first] = proposeTerminology(doc, TERMS);
    const applied = applyTerminology(doc, TERMS, new Set([first!.id]));
    const clauses = listClauses(applied);
    expect(clauses[0]!.sectionHeading).toBe(heading!.before);
    expect(clauses[0]!.text).toBe('The Trust is committed. The Trust’s duty matters.');
    expect(clauses[1]!.text).toBe('Parent helpers and governors.');
    expect(validateDocument(applied).ok).toBe(true);
    expect(listClauses(applyTerminology(doc, TERMS))[1]!.text).toBe('Parent helpers and trustees.');
  });
});
