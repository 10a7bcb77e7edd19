/** Plain-text views of a policy: for search, diffs, previews and tests. */
import type { PolicyDocument } from './types';
import { blockText, clausesOf, headingOf, inlineText, sectionsOf } from './walk';

export interface ClauseListing {
  clauseId: string;
  sectionId: string;
  sectionHeading: string;
  text: string;
}

export function listClauses(doc: PolicyDocument, variables: Record<string, string> = {}): ClauseListing[] {
  return sectionsOf(doc).flatMap((section) =>
    clausesOf(section).map((clause) => ({
      clauseId: clause.attrs.clauseId,
      sectionId: section.attrs.sectionId,
      sectionHeading: inlineText(headingOf(section), variables),
      text: clause.content.map((block) => blockText(block, variables)).join('\n'),
    })),
  );
}

export function plainText(doc: PolicyDocument, variables: Record<string, string> = {}): string {
  return sectionsOf(doc)
    .map((section) =>
      [inlineText(headingOf(section), variables), ...clausesOf(section).map((clause) => clause.content.map((block) => blockText(block, variables)).join('\n'))].join('\n\n'),
    )
    .join('\n\n');
}
