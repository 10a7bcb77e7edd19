/**
 * The editor's extensions: the shared document model (`policyExtensions` from
 * @ratify/document, the same schema the API validates against) plus what only a browser
 * needs: node views that show numbers as they will print and variables as chips, undo/redo,
 * placeholders, and keyboard shortcuts for the clause commands.
 *
 * Numbers are never stored. A plugin computes them from position ("1.", "1.1.") as node
 * decorations, and the node views show the decoration's number in a non-editable label. The
 * decorations are rebuilt only when the outline's shape changes (a section or clause added,
 * removed or moved); typing inside a clause just maps them.
 */
import {
  UniqueIds,
  VARIABLES,
  clauseNumber,
  policyExtensions,
  sectionNumber,
  type NumberingStyle,
} from '@ratify/document';
import { Extension, type AnyExtension, type NodeViewRendererProps } from '@tiptap/core';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type NodeView, type ViewMutationRecord } from '@tiptap/pm/view';
import { addClauseAfter, isInHeading, moveClause } from './clause-commands';

const LABELS = new Map(VARIABLES.map((variable) => [variable.key, variable]));

// ---------------------------------------------------------------------------------------------
// Numbering

interface NumberingState {
  /** Children per section, e.g. "3,5,1": numbers only change when this does. */
  shape: string;
  decorations: DecorationSet;
}

export const numberingKey = new PluginKey<NumberingState>('ratifyNumbering');

function shapeOf(doc: PmNode): string {
  const counts: number[] = [];
  doc.forEach((section) => counts.push(section.childCount));
  return counts.join(',');
}

function numberDecorations(doc: PmNode, style: NumberingStyle): DecorationSet {
  if (style !== 'numbered') return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.forEach((section, sectionOffset, s) => {
    section.forEach((child, childOffset, c) => {
      const from = sectionOffset + 1 + childOffset;
      const number = c === 0 ? sectionNumber(style, s) : clauseNumber(style, s, c - 1);
      decorations.push(Decoration.node(from, from + child.nodeSize, {}, { number }));
    });
  });
  return DecorationSet.create(doc, decorations);
}

function numberingPlugin(style: NumberingStyle): Plugin<NumberingState> {
  const build = (state: EditorState): NumberingState => ({ shape: shapeOf(state.doc), decorations: numberDecorations(state.doc, style) });
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_config, state) => build(state),
      apply(tr, value, _old, state) {
        if (!tr.docChanged) return value;
        const shape = shapeOf(state.doc);
        if (style !== 'numbered' || shape !== value.shape) return build(state);
        const decorations = value.decorations.map(tr.mapping, tr.doc);
        // A heading or clause replaced wholesale loses its decoration when mapped: rebuild then.
        const expected = shape.split(',').reduce((sum, count) => sum + Number(count), 0);
        if (decorations.find().length !== expected) return build(state);
        return { shape, decorations };
      },
    },
    props: {
      decorations: (state) => numberingKey.getState(state)?.decorations,
    },
  });
}

/** The number a node decoration gives a heading or clause ("" when unnumbered). */
function numberFrom(decorations: readonly Decoration[]): string {
  for (const decoration of decorations) {
    const number = (decoration.spec as { number?: unknown }).number;
    if (typeof number === 'string') return number;
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// Node views (plain DOM: there can be thousands of clauses, and these must be cheap)

function numberLabel(className: string): HTMLSpanElement {
  const label = document.createElement('span');
  label.className = className;
  label.contentEditable = 'false';
  return label;
}

function setNumber(label: HTMLElement, number: string): void {
  if (label.textContent !== number) label.textContent = number;
  label.hidden = number === '';
}

/** Changes outside the editable part are the view's own (numbers), not the person's. */
function ignoreOutside(contentDOM: HTMLElement) {
  return (mutation: ViewMutationRecord) => mutation.type !== 'selection' && !contentDOM.contains(mutation.target);
}

function sectionHeadingView({ node, decorations }: NodeViewRendererProps): NodeView {
  const dom = document.createElement('h2');
  dom.className = 'section-heading';
  const label = numberLabel('section-heading__number');
  const contentDOM = document.createElement('span');
  contentDOM.className = 'section-heading__text';
  dom.append(label, contentDOM);
  setNumber(label, numberFrom(decorations));
  return {
    dom,
    contentDOM,
    update(next, nextDecorations) {
      if (next.type !== node.type) return false;
      setNumber(label, numberFrom(nextDecorations));
      return true;
    },
    ignoreMutation: ignoreOutside(contentDOM),
  };
}

function clauseView({ node, decorations }: NodeViewRendererProps): NodeView {
  const dom = document.createElement('div');
  dom.className = 'clause';
  const label = numberLabel('clause__number');
  const contentDOM = document.createElement('div');
  contentDOM.className = 'clause__body';
  dom.append(label, contentDOM);
  const setId = (id: unknown) => {
    if (typeof id === 'string') dom.dataset.clauseId = id;
    else delete dom.dataset.clauseId;
  };
  setId(node.attrs.clauseId);
  setNumber(label, numberFrom(decorations));
  return {
    dom,
    contentDOM,
    update(next, nextDecorations) {
      if (next.type !== node.type) return false;
      setId(next.attrs.clauseId);
      setNumber(label, numberFrom(nextDecorations));
      return true;
    },
    ignoreMutation: ignoreOutside(contentDOM),
  };
}

/** A variable as a chip reading its label ("School name"), not its key. */
function variableView({ node }: NodeViewRendererProps): NodeView {
  const dom = document.createElement('span');
  dom.className = 'variable-chip';
  dom.contentEditable = 'false';
  const render = (name: unknown) => {
    const key = typeof name === 'string' ? name : '';
    const known = LABELS.get(key);
    dom.dataset.variable = key;
    dom.textContent = known?.label ?? key;
    dom.title = known ? `Variable: ${known.description}` : `Unknown variable {{${key}}}`;
    dom.classList.toggle('variable-chip--unknown', !known);
  };
  render(node.attrs.name);
  return {
    dom,
    update(next) {
      if (next.type !== node.type) return false;
      render(next.attrs.name);
      return true;
    },
    ignoreMutation: () => true,
  };
}

const NODE_VIEWS: Record<string, (props: NodeViewRendererProps) => NodeView> = {
  sectionHeading: sectionHeadingView,
  clause: clauseView,
  variable: variableView,
};

// ---------------------------------------------------------------------------------------------
// The list

const PolicyKeys = Extension.create({
  name: 'ratifyPolicyKeys',
  // Before tiptap's own Enter handling and HardBreak's Mod-Enter.
  priority: 1000,
  addKeyboardShortcuts() {
    const run = (command: typeof addClauseAfter) => () => command(this.editor.state, this.editor.view.dispatch);
    return {
      // Enter in a heading starts the section's first clause (a heading cannot split in two).
      Enter: () => isInHeading(this.editor.state) && run(addClauseAfter)(),
      'Mod-Enter': run(addClauseAfter),
      'Alt-Shift-ArrowUp': run(moveClause('up')),
      'Alt-Shift-ArrowDown': run(moveClause('down')),
    };
  },
});

export interface PolicyEditorOptions {
  numbering: NumberingStyle;
}

export function policyEditorExtensions({ numbering }: PolicyEditorOptions): AnyExtension[] {
  const shared = policyExtensions.map((extension) => {
    const view = NODE_VIEWS[extension.name];
    return view ? extension.extend({ addNodeView: () => view }) : extension;
  });
  const hasUniqueIds = shared.some((extension) => extension.name === UniqueIds.name);
  return [
    ...shared,
    ...(hasUniqueIds ? [] : [UniqueIds]),
    UndoRedo,
    Placeholder.configure({
      includeChildren: true,
      showOnlyCurrent: false,
      placeholder: ({ node }) => (node.type.name === 'sectionHeading' ? 'Section heading' : 'Clause text'),
    }),
    PolicyKeys,
    Extension.create({ name: 'ratifyNumbering', addProseMirrorPlugins: () => [numberingPlugin(numbering)] }),
  ];
}
