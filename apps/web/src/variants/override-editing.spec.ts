import { validateDocument, type ClauseJSON } from '@ratify/document';
import { describe, expect, it } from 'vitest';
import {
  addClauseAfter,
  addedAfter,
  clauseFromText,
  editAddedClause,
  omitClause,
  orphanedOverrides,
  overrideOf,
  removeAddedClause,
  replaceClause,
  textOfClause,
  undoOverride,
  type Override,
} from './override-editing';

const clause = (clauseId: string, text: string): ClauseJSON => clauseFromText(clauseId, text)!;

describe('clauseFromText', () => {
  it('makes a clause that keeps the clause id, one paragraph per line', () => {
    expect(clauseFromText('c2', '  Staff keep their distance.  ')).toEqual({
      type: 'clause',
      attrs: { clauseId: 'c2' },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Staff keep their distance.' }] }],
    });
  });

  it('turns "- " lines into a bullet list and known {{variables}} into variables', () => {
    const made = clauseFromText('c3', 'Report to {{school.dslName}} or {{not.a.variable}}.\n- by phone\n- in person\n\nThen write it down.')!;
    expect(made.content).toEqual([
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Report to ' },
          { type: 'variable', attrs: { name: 'school.dslName' } },
          { type: 'text', text: ' or {{not.a.variable}}.' },
        ],
      },
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'by phone' }] }] },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'in person' }] }] },
        ],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Then write it down.' }] },
    ]);
    expect(textOfClause(made)).toBe('Report to {{school.dslName}} or {{not.a.variable}}.\n- by phone\n- in person\nThen write it down.');
  });

  it('makes valid policy content, and nothing from blank text', () => {
    const made = clauseFromText('c9', 'Contact {{school.name}}.\n- first\n- second')!;
    const check = validateDocument({ type: 'doc', content: [{ type: 'section', attrs: { sectionId: 's1' }, content: [{ type: 'sectionHeading' }, made] }] });
    expect(check.ok).toBe(true);
    expect(clauseFromText('c9', ' \n  \n')).toBeNull();
  });
});

describe('editing overrides', () => {
  it('replaces, omits and undoes a trust clause, keeping one override per clause in place', () => {
    let overrides: Override[] = [{ clauseId: 'c1', kind: 'omit' }];
    overrides = replaceClause(overrides, clause('c2', 'Our own words.'));
    overrides = omitClause(overrides, 'c2');
    expect(overrides).toEqual([
      { clauseId: 'c1', kind: 'omit' },
      { clauseId: 'c2', kind: 'omit' },
    ]);
    overrides = replaceClause(overrides, clause('c1', 'Kept after all.'));
    expect(overrideOf(overrides, 'c1')).toMatchObject({ kind: 'replace', clause: { attrs: { clauseId: 'c1' } } });
    expect(overrides.map((override) => override.clauseId)).toEqual(['c1', 'c2']);
    expect(undoOverride(overrides, 'c2')).toEqual([overrides[0]]);
  });

  it('adds clauses after a trust clause in order, edits and removes them by their own id, apart from replace/omit', () => {
    let overrides: Override[] = [{ clauseId: 'c1', kind: 'omit' }];
    overrides = addClauseAfter(overrides, 'c1', clause('new-1', 'First added.'));
    overrides = addClauseAfter(overrides, 'c1', clause('new-2', 'Second added.'));
    expect(addedAfter(overrides, 'c1').map(textOfClause)).toEqual(['First added.', 'Second added.']);
    expect(undoOverride(overrides, 'c1')).toHaveLength(2);

    overrides = editAddedClause(overrides, clause('new-1', 'First, reworded.'));
    expect(addedAfter(overrides, 'c1').map(textOfClause)).toEqual(['First, reworded.', 'Second added.']);
    expect(addedAfter(removeAddedClause(overrides, 'new-2'), 'c1').map(textOfClause)).toEqual(['First, reworded.']);
  });

  it('finds overrides of clauses the trust no longer has', () => {
    const overrides: Override[] = [
      { clauseId: 'c1', kind: 'omit' },
      { clauseId: 'gone', kind: 'omit' },
      { clauseId: 'gone', kind: 'add-after', clause: clause('x', 'Ours.') },
    ];
    expect(orphanedOverrides(overrides, new Set(['c1', 'c2']))).toEqual(overrides.slice(1));
  });
});
