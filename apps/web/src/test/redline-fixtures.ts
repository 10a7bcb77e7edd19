/** A redline as the API sends it: version 1.0 → 2.0 with a clause changed, one added and one removed. */
import type { RedlineFieldsFragment } from '../graphql/operations.generated';
import { aPolicyDocument } from './policy-fixtures';

export function aRedline(overrides: Partial<RedlineFieldsFragment> = {}): RedlineFieldsFragment {
  const before = aPolicyDocument([
    ['c1', 'Staff keep a distance from pupils.'],
    ['c3', 'Staff may use personal phones.'],
  ]);
  const after = aPolicyDocument([
    ['c1', 'Staff keep a professional distance from pupils online.'],
    ['c2', 'Report concerns to the DSL.'],
  ]);
  return {
    from: { id: 'v-1', number: '1.0', status: 'SUPERSEDED', content: before as unknown as Record<string, unknown> },
    to: { id: 'v-2', number: null, status: 'IN_APPROVAL', content: after as unknown as Record<string, unknown> },
    counts: { changed: 1, added: 1, removed: 1, moved: 0, unchanged: 4 },
    sections: [],
    clauses: [
      {
        clauseId: 'c1',
        change: 'changed',
        moved: 'none',
        sectionHeading: 'Introduction',
        before: 'Staff keep a distance from pupils.',
        after: 'Staff keep a professional distance from pupils online.',
        textChanged: true,
        words: [
          { change: 'same', text: 'Staff keep a ' },
          { change: 'added', text: 'professional ' },
          { change: 'same', text: 'distance from ' },
          { change: 'removed', text: 'pupils.' },
          { change: 'added', text: 'pupils online.' },
        ],
      },
      { clauseId: 'c2', change: 'added', moved: 'none', sectionHeading: 'Introduction', before: null, after: 'Report concerns to the DSL.', textChanged: false, words: null },
      { clauseId: 'c3', change: 'removed', moved: 'none', sectionHeading: 'Introduction', before: 'Staff may use personal phones.', after: null, textChanged: false, words: null },
    ],
    ...overrides,
  };
}
