/**
 * Their version against mine, clause by clause, for the conflict panel's Compare view.
 * Sections and clauses are matched by their stable ids, so a clause moved, reworded or
 * added on either side lines up with its counterpart (or with a gap). Plain text only.
 *
 * (A pure function over stored JSON: a candidate for libs/document once the API needs a
 * clause diff too.)
 */
import { VARIABLES, blockText, clauseNumber, clausesOf, headingOf, inlineText, sectionNumber, sectionsOf, type NumberingStyle, type PolicyDocument } from '@ratify/document';

export type CompareChange = 'same' | 'changed' | 'onlyTheirs' | 'onlyMine';

export interface CompareRow {
  /** "heading:<sectionId>" or "clause:<clauseId>". */
  key: string;
  kind: 'heading' | 'clause';
  /** Where it is, for people: "2.1." in the numbered style, else "Scope, clause 1". */
  label: string;
  theirs: string | null;
  mine: string | null;
  change: CompareChange;
}

/** A heading or clause of a document, in reading order, with where it is for people. */
export interface OutlineItem {
  key: string;
  kind: 'heading' | 'clause';
  label: string;
  text: string;
}

/** Variables read as their labels in brackets: "[School name]". */
export const VARIABLE_TEXT: Record<string, string> = Object.fromEntries(VARIABLES.map((variable) => [variable.key, `[${variable.label}]`]));

export function outlineItems(doc: PolicyDocument, numbering: NumberingStyle): OutlineItem[] {
  return sectionsOf(doc).flatMap((section, s) => {
    const heading = inlineText(headingOf(section), VARIABLE_TEXT);
    const headingLabel = numbering === 'numbered' ? `Section ${sectionNumber(numbering, s)}` : `Section ${s + 1} heading`;
    const name = heading.trim() || `Section ${s + 1}`;
    return [
      { key: `heading:${section.attrs.sectionId}`, kind: 'heading' as const, label: headingLabel, text: heading },
      ...clausesOf(section).map((clause, c) => ({
        key: `clause:${clause.attrs.clauseId}`,
        kind: 'clause' as const,
        label: numbering === 'numbered' ? clauseNumber(numbering, s, c) : `${name}, clause ${c + 1}`,
        text: clause.content.map((block) => blockText(block, VARIABLE_TEXT)).join('\n'),
      })),
    ];
  });
}

export function compareClauses(theirs: PolicyDocument, mine: PolicyDocument, numbering: NumberingStyle): CompareRow[] {
  const mineItems = outlineItems(mine, numbering);
  const mineByKey = new Map(mineItems.map((item) => [item.key, item]));
  const theirItems = outlineItems(theirs, numbering);
  const theirKeys = new Set(theirItems.map((item) => item.key));

  const rows: CompareRow[] = theirItems.map((item) => {
    const own = mineByKey.get(item.key);
    return {
      key: item.key,
      kind: item.kind,
      label: own?.label ?? item.label,
      theirs: item.text,
      mine: own ? own.text : null,
      change: !own ? 'onlyTheirs' : own.text === item.text ? 'same' : 'changed',
    };
  });

  // Each clause only I have goes right after the item it follows in my version.
  let anchor = -1;
  for (const item of mineItems) {
    if (theirKeys.has(item.key)) {
      anchor = rows.findIndex((row) => row.key === item.key);
      continue;
    }
    anchor += 1;
    rows.splice(anchor, 0, { key: item.key, kind: item.kind, label: item.label, theirs: null, mine: item.text, change: 'onlyMine' });
  }
  return rows;
}

/** Where an item is, for a sentence: "clause 1.2", "Introduction, clause 2", "the heading “Scope”". */
export function placeOf(item: OutlineItem, numbering: NumberingStyle): string {
  if (item.kind === 'heading') return `the heading “${item.text.trim() || item.label}”`;
  return numbering === 'numbered' ? `clause ${item.label.replace(/\.$/, '')}` : item.label;
}

export interface OutlineSection {
  key: string;
  /** The heading's words (or "Section 2" when it has none). */
  heading: string;
  /** The heading itself, then its clauses, each with where it is. */
  items: Array<OutlineItem & { id: string; place: string }>;
}

/** The document section by section, for screens that list its headings and clauses. */
export function outlineSections(doc: PolicyDocument, numbering: NumberingStyle): OutlineSection[] {
  const sections: OutlineSection[] = [];
  for (const item of outlineItems(doc, numbering)) {
    if (item.kind === 'heading') sections.push({ key: item.key, heading: item.text.trim() || item.label, items: [] });
    sections[sections.length - 1]?.items.push({ ...item, id: item.key.slice(item.key.indexOf(':') + 1), place: placeOf(item, numbering) });
  }
  return sections;
}
