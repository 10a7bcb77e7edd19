/**
 * Westshire County Council's 2026 revision of its model Social Media Policy (template release
 * 1.1): two clauses reworded and one added. Leaf Trust adopted release 1.0 and had changed one
 * of the reworded clauses itself, so the demo shows every kind of upstream change: one taken
 * automatically, one conflict, one addition.
 */
import { clausesOf, sectionsOf, type ClauseJSON, type PolicyDocument } from '@ratify/document';
import { editWords, type WordEdit } from './recipes';

const WESTSHIRE_2026_EDITS: WordEdit[] = [
  // 1.2 — Leaf Trust reworded this clause too ("social networking etc, with pupils"): a conflict.
  [0, 1, 'with pupils either in or outside of school.', 'with pupils or their parents and carers, either in or outside of school, unless the Headteacher has agreed it.'],
  // 4.2 — untouched by Leaf Trust: its copy takes the new words automatically.
  [3, 1, 'in relation to any social media that they may use.', 'in relation to any social media, messaging service or artificial intelligence (AI) tool that they may use.'],
];

/** The id the added clause has in every database the demo seeds, so its lineage reads the same everywhere. */
export const WESTSHIRE_2026_ADDED_CLAUSE_ID = 'westshire-2026-report-concerns';

const ADDED: ClauseJSON = {
  type: 'clause',
  attrs: { clauseId: WESTSHIRE_2026_ADDED_CLAUSE_ID },
  content: [
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: "Staff who see anything online that raises a concern about a pupil's safety or welfare must report it to the designated safeguarding lead the same day, in line with Keeping Children Safe in Education.",
        },
      ],
    },
  ],
};

export function reviseWestshireModel2026(model: PolicyDocument): PolicyDocument {
  const edited = editWords(model, WESTSHIRE_2026_EDITS);
  // Added after 5.1, the principles on using social networking sites.
  const anchor = clausesOf(sectionsOf(edited)[4]!)[0]!.attrs.clauseId;
  return {
    type: 'doc',
    content: edited.content.map((section) => ({
      ...section,
      content: section.content.flatMap((child) => (child.type === 'clause' && child.attrs.clauseId === anchor ? [child, ADDED] : [child])) as typeof section.content,
    })),
  };
}
