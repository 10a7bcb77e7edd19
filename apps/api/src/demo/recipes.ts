/**
 * Demo recipes: edits written down as "in section s, clause c, these words become those", so the
 * demo data is built from the real model policy the way a person would have changed it, and a
 * recipe fails loudly if the model is not the text it was written for.
 */
import { sectionsOf, type PolicyDocument } from '@ratify/document';

/** [section index, clause index or 'heading', words in the text, the new words] */
export type WordEdit = [number, number | 'heading', string, string];

/** Replaces the first occurrence of `from` inside a node's text, or fails if it is not there. */
function replaceWords<T>(node: T, from: string, to: string, where: string): T {
  let found = false;
  const visit = (value: unknown): unknown => {
    const current = value as { type?: string; text?: string; content?: unknown[] };
    if (!found && current.type === 'text' && current.text?.includes(from)) {
      found = true;
      return { ...current, text: current.text.replace(from, to) };
    }
    return current.content ? { ...current, content: current.content.map(visit) } : current;
  };
  const result = visit(node) as T;
  if (!found) throw new Error(`The model has no "${from}" in ${where}: it is not the text this recipe was written for.`);
  return result;
}

/** The document with each edit made, in order; ids are kept. */
export function editWords(doc: PolicyDocument, edits: readonly WordEdit[]): PolicyDocument {
  const sections = sectionsOf(doc).map((section) => [...section.content] as typeof section.content);
  for (const [s, c, from, to] of edits) {
    const section = sections[s];
    if (!section) throw new Error(`The model has no section ${s + 1}.`);
    const index = c === 'heading' ? 0 : c + 1;
    section[index] = replaceWords(section[index]!, from, to, `section ${s + 1}, ${c === 'heading' ? 'heading' : `clause ${c + 1}`}`);
  }
  return { type: 'doc', content: doc.content.map((section, s) => ({ ...section, content: sections[s]! })) };
}
