import { policySchema, type PolicyDocument } from '@ratify/document';
import { EditorState, TextSelection, type Command } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { addClauseAfter, addSectionAfter, deleteClause, moveClause, placeOf } from './clause-commands';

const policy: PolicyDocument = {
  type: 'doc',
  content: [
    {
      type: 'section',
      attrs: { sectionId: 's1' },
      content: [
        { type: 'sectionHeading', content: [{ type: 'text', text: 'Introduction' }] },
        { type: 'clause', attrs: { clauseId: 'c1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] },
        { type: 'clause', attrs: { clauseId: 'c2' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Two' }] }] },
      ],
    },
    {
      type: 'section',
      attrs: { sectionId: 's2' },
      content: [
        { type: 'sectionHeading', content: [{ type: 'text', text: 'Scope' }] },
        { type: 'clause', attrs: { clauseId: 'c3' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Three' }] }] },
      ],
    },
  ],
};

/** A state with the cursor after the first occurrence of `text`. */
function stateAt(text: string, doc: PolicyDocument = policy): EditorState {
  const node = policySchema.nodeFromJSON(doc);
  let cursor = -1;
  node.descendants((child, pos) => {
    if (cursor < 0 && child.isText && child.text!.includes(text)) cursor = pos + child.text!.indexOf(text) + text.length;
  });
  if (cursor < 0) throw new Error(`"${text}" not found`);
  return EditorState.create({ doc: node, selection: TextSelection.create(node, cursor) });
}

function apply(state: EditorState, command: Command): EditorState {
  let next = state;
  const ran = command(state, (tr) => {
    next = state.apply(tr);
  });
  expect(ran).toBe(true);
  return next;
}

/** The outline as "section: clause texts (ids)". */
function outline(state: EditorState): string[] {
  const lines: string[] = [];
  state.doc.forEach((section) => {
    const clauses: string[] = [];
    section.forEach((child) => {
      if (child.type.name === 'clause') clauses.push(`${child.textContent || '∅'}(${child.attrs.clauseId})`);
    });
    lines.push(`${section.child(0).textContent || '∅'}: ${clauses.join(' ')}`);
  });
  return lines;
}

/** The text the cursor is in and its offset there. */
function cursorText(state: EditorState): string {
  const { $from } = state.selection;
  return `${$from.parent.textContent}@${$from.parentOffset}`;
}

describe('placeOf', () => {
  it('finds the section and clause holding the cursor', () => {
    const place = placeOf(stateAt('Tw'));
    expect(place).toMatchObject({ sectionIndex: 0, childIndex: 2 });
    expect(place?.clause?.attrs.clauseId).toBe('c2');
    expect(placeOf(stateAt('Intro'))?.clause).toBeNull();
  });
});

describe('addClauseAfter', () => {
  it('adds an empty clause after the current one, with a fresh id, cursor inside', () => {
    const next = apply(stateAt('One'), addClauseAfter);
    const lines = outline(next);
    expect(lines[0]).toMatch(/^Introduction: One\(c1\) ∅\([0-9a-f-]{36}\) Two\(c2\)$/);
    expect(placeOf(next)?.childIndex).toBe(2);
    expect(cursorText(next)).toBe('@0');
  });

  it('adds the first clause of the section from its heading', () => {
    const next = apply(stateAt('Scope'), addClauseAfter);
    expect(outline(next)[1]).toMatch(/^Scope: ∅\(.+\) Three\(c3\)$/);
  });
});

describe('addSectionAfter', () => {
  it('adds a section with an empty heading and clause after the current one, cursor in the heading', () => {
    const next = apply(stateAt('One'), addSectionAfter);
    expect(outline(next).map((line) => line.replace(/\(.+?\)/g, '()'))).toEqual(['Introduction: One() Two()', '∅: ∅()', 'Scope: Three()']);
    expect(next.selection.$from.parent.type.name).toBe('sectionHeading');
    expect(next.doc.child(1).attrs.sectionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('moveClause', () => {
  it('swaps a clause with the one before it, keeping its id and the cursor in it', () => {
    const next = apply(stateAt('Tw'), moveClause('up'));
    expect(outline(next)[0]).toBe('Introduction: Two(c2) One(c1)');
    expect(cursorText(next)).toBe('Two@2');
  });

  it('swaps a clause with the one after it', () => {
    const next = apply(stateAt('O'), moveClause('down'));
    expect(outline(next)[0]).toBe('Introduction: Two(c2) One(c1)');
    expect(cursorText(next)).toBe('One@1');
  });

  it('moves the last clause of a section to the start of the next one, and back', () => {
    const down = apply(stateAt('Two'), moveClause('down'));
    expect(outline(down)).toEqual(['Introduction: One(c1)', 'Scope: Two(c2) Three(c3)']);
    expect(cursorText(down)).toBe('Two@3');

    const up = apply(down, moveClause('up'));
    expect(outline(up)).toEqual(['Introduction: One(c1) Two(c2)', 'Scope: Three(c3)']);
    expect(cursorText(up)).toBe('Two@3');
  });

  it('cannot move the first clause up or the last clause down, nor a heading', () => {
    expect(moveClause('up')(stateAt('One'))).toBe(false);
    expect(moveClause('down')(stateAt('Three'))).toBe(false);
    expect(moveClause('down')(stateAt('Intro'))).toBe(false);
  });
});

describe('deleteClause', () => {
  it('deletes the current clause and puts the cursor at the end of what came before', () => {
    const next = apply(stateAt('Tw'), deleteClause);
    expect(outline(next)).toEqual(['Introduction: One(c1)', 'Scope: Three(c3)']);
    expect(cursorText(next)).toBe('One@3');
  });

  it('can leave a section with its heading only', () => {
    const next = apply(stateAt('Three'), deleteClause);
    expect(outline(next)).toEqual(['Introduction: One(c1) Two(c2)', 'Scope: ']);
  });

  it('does nothing in a heading', () => {
    expect(deleteClause(stateAt('Scope'))).toBe(false);
  });
});
