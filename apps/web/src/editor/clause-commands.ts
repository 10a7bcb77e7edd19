/**
 * Structural edits of a policy, as ProseMirror commands: add a section, add a clause after the
 * current one, move a clause up or down (across section boundaries too), delete a clause.
 * Each is one transaction, so Undo brings it back. Called without `dispatch`, a command only
 * says whether it can run (for enabling toolbar buttons).
 *
 * New sections and clauses get fresh ids; moved clauses keep theirs.
 */
import { newId } from '@ratify/document';
import { Fragment, type Node as PmNode } from '@tiptap/pm/model';
import { Selection, TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state';

/** Where the selection is, in policy terms. */
export interface PolicyPlace {
  section: PmNode;
  sectionPos: number;
  sectionIndex: number;
  /** The section's child holding the selection: its heading (index 0) or a clause. */
  child: PmNode;
  childPos: number;
  childIndex: number;
  /** The clause, when the selection is in one. */
  clause: PmNode | null;
}

export function placeOf(state: EditorState): PolicyPlace | null {
  const $from = state.selection.$from;
  if ($from.depth < 1) return null;
  const section = $from.node(1);
  if (section.type.name !== 'section') return null;
  // At depth 1 the selection sits between the section's children (a clause selected as a node).
  const childIndex = $from.index(1);
  if (childIndex >= section.childCount) return null;
  const child = section.child(childIndex);
  return {
    section,
    sectionPos: $from.before(1),
    sectionIndex: $from.index(0),
    child,
    childPos: $from.posAtIndex(childIndex, 1),
    childIndex,
    clause: child.type.name === 'clause' ? child : null,
  };
}

export function isInHeading(state: EditorState): boolean {
  return placeOf(state)?.child.type.name === 'sectionHeading';
}

function emptyClause(state: EditorState): PmNode {
  const { clause, paragraph } = state.schema.nodes;
  return clause!.create({ clauseId: newId() }, paragraph!.create());
}

/** Keeps the selection where it was inside a clause that moved from `from` to `to`. */
function followClause(tr: Transaction, state: EditorState, from: number, to: number): Transaction {
  const { anchor, head } = state.selection;
  const moved = (pos: number) => to + (pos - from);
  try {
    return tr.setSelection(TextSelection.create(tr.doc, moved(anchor), moved(head)));
  } catch {
    return tr.setSelection(Selection.near(tr.doc.resolve(to + 1)));
  }
}

/** A new empty clause after the current clause (or first in the section, from its heading). */
export const addClauseAfter: Command = (state, dispatch) => {
  const place = placeOf(state);
  if (!place) return false;
  if (dispatch) {
    const at = place.childPos + place.child.nodeSize;
    const tr = state.tr.insert(at, emptyClause(state));
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView());
  }
  return true;
};

/** A new section (empty heading, one empty clause) after the current one, with the cursor in its heading. */
export const addSectionAfter: Command = (state, dispatch) => {
  const { section, sectionHeading } = state.schema.nodes;
  if (dispatch) {
    const place = placeOf(state);
    const at = place ? place.sectionPos + place.section.nodeSize : state.doc.content.size;
    const node = section!.create({ sectionId: newId() }, [sectionHeading!.create(), emptyClause(state)]);
    const tr = state.tr.insert(at, node);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView());
  }
  return true;
};

export function moveClause(direction: 'up' | 'down'): Command {
  return (state, dispatch) => {
    const place = placeOf(state);
    if (!place?.clause) return false;
    const { clause, childPos, childIndex, section, sectionPos, sectionIndex } = place;
    const size = clause.nodeSize;
    const doc = state.doc;

    let apply: ((tr: Transaction) => number) | null = null;
    if (direction === 'up') {
      if (childIndex > 1) {
        const previous = section.child(childIndex - 1);
        const previousPos = childPos - previous.nodeSize;
        apply = (tr) => {
          tr.replaceWith(previousPos, childPos + size, Fragment.fromArray([clause, previous]));
          return previousPos;
        };
      } else if (sectionIndex > 0) {
        // To the end of the previous section.
        const into = sectionPos - 1;
        apply = (tr) => {
          tr.delete(childPos, childPos + size).insert(into, clause);
          return into;
        };
      }
    } else if (childIndex < section.childCount - 1) {
      const next = section.child(childIndex + 1);
      apply = (tr) => {
        tr.replaceWith(childPos, childPos + size + next.nodeSize, Fragment.fromArray([next, clause]));
        return childPos + next.nodeSize;
      };
    } else if (sectionIndex < doc.childCount - 1) {
      // To the start of the next section, after its heading.
      const nextSectionPos = sectionPos + section.nodeSize;
      const into = nextSectionPos + 1 + doc.child(sectionIndex + 1).child(0).nodeSize;
      apply = (tr) => {
        tr.insert(into, clause).delete(childPos, childPos + size);
        return into - size;
      };
    }
    if (!apply) return false;
    if (dispatch) {
      const tr = state.tr;
      const to = apply(tr);
      dispatch(followClause(tr, state, childPos, to).scrollIntoView());
    }
    return true;
  };
}

/** Deletes the clause holding the selection; the cursor goes to the end of what came before. */
export const deleteClause: Command = (state, dispatch) => {
  const place = placeOf(state);
  if (!place?.clause) return false;
  if (dispatch) {
    const tr = state.tr.delete(place.childPos, place.childPos + place.clause.nodeSize);
    const $at = tr.doc.resolve(Math.min(place.childPos, tr.doc.content.size));
    dispatch(tr.setSelection(Selection.near($at, -1)).scrollIntoView());
  }
  return true;
};
