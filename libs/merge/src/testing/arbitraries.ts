/**
 * fast-check generators for the merge properties: a base policy (sections of clauses with short
 * texts from a small vocabulary, so two sides often make the same change), and random edit
 * scripts that turn it into theirs or ours: edit, reformat, add, remove and move clauses; edit,
 * add, remove and move sections.
 */
import fc from 'fast-check';
import type { ClauseSpec, SectionSpec } from './policies';

const WORDS = ['staff', 'pupils', 'must', 'should', 'not', 'share', 'report', 'online', 'the', 'school', 'trust', 'safely', 'data'];
const HEADINGS = ['Introduction', 'Scope', 'Aims', 'Definitions', 'Use of social media', 'Breaches'];

export const textArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const headingArb = fc.constantFrom(...HEADINGS);

export type Model = SectionSpec[];

export const baseArb: fc.Arbitrary<Model> = fc
  .array(fc.record({ heading: headingArb, texts: fc.array(textArb, { maxLength: 4 }) }), { minLength: 1, maxLength: 4 })
  .map((sections) => {
    let clause = 0;
    return sections.map((part, index) => ({ id: `s${index}`, heading: part.heading, clauses: part.texts.map((text): ClauseSpec => [`c${clause++}`, text]) }));
  });

export type Edit =
  | { op: 'edit-clause'; at: number; text: string }
  | { op: 'reformat-clause'; at: number }
  | { op: 'remove-clause'; at: number }
  | { op: 'add-clause'; section: number; position: number; text: string }
  | { op: 'move-clause'; at: number; section: number; position: number }
  | { op: 'edit-heading'; section: number; heading: string }
  | { op: 'remove-section'; section: number }
  | { op: 'add-section'; section: number; heading: string; texts: string[] }
  | { op: 'move-section'; section: number; to: number };

const index = fc.nat({ max: 50 });

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  // Rewording is what trusts and publishers do most, and what makes conflicts.
  { arbitrary: fc.record({ op: fc.constant('edit-clause' as const), at: index, text: textArb }), weight: 4 },
  fc.record({ op: fc.constant('reformat-clause' as const), at: index }),
  fc.record({ op: fc.constant('remove-clause' as const), at: index }),
  fc.record({ op: fc.constant('add-clause' as const), section: index, position: index, text: textArb }),
  fc.record({ op: fc.constant('move-clause' as const), at: index, section: index, position: index }),
  fc.record({ op: fc.constant('edit-heading' as const), section: index, heading: headingArb }),
  fc.record({ op: fc.constant('remove-section' as const), section: index }),
  fc.record({ op: fc.constant('add-section' as const), section: index, heading: headingArb, texts: fc.array(textArb, { maxLength: 3 }) }),
  fc.record({ op: fc.constant('move-section' as const), section: index, to: index }),
);

export const scriptArb = fc.array(editArb, { maxLength: 8 });

/** Applies an edit script; new ids start with `prefix`, so two sides never mint the same id by chance. */
export function applyEdits(model: Model, script: readonly Edit[], prefix: string): Model {
  const sections = model.map((part) => ({ ...part, clauses: [...part.clauses] }));
  let minted = 0;
  const fresh = (kind: 's' | 'c') => `${prefix}${kind}${minted++}`;
  const flat = () => sections.flatMap((part, sectionIndex) => part.clauses.map((spec, clauseIndex) => ({ spec, sectionIndex, clauseIndex })));
  const pick = <T>(items: readonly T[], at: number): T | undefined => (items.length > 0 ? items[at % items.length] : undefined);

  for (const edit of script) {
    switch (edit.op) {
      case 'edit-clause':
      case 'reformat-clause':
      case 'remove-clause': {
        const target = pick(flat(), edit.at);
        if (!target) break;
        const clauses = (sections[target.sectionIndex] as SectionSpec).clauses as ClauseSpec[];
        const [id, text] = target.spec;
        if (edit.op === 'remove-clause') clauses.splice(target.clauseIndex, 1);
        else if (edit.op === 'edit-clause') clauses[target.clauseIndex] = [id, edit.text];
        else clauses[target.clauseIndex] = [id, /^\*\*.+\*\*$/.test(text) ? text.slice(2, -2) : `**${text}**`];
        break;
      }
      case 'add-clause': {
        const part = pick(sections, edit.section);
        if (!part) break;
        const clauses = part.clauses as ClauseSpec[];
        clauses.splice(edit.position % (clauses.length + 1), 0, [fresh('c'), edit.text]);
        break;
      }
      case 'move-clause': {
        const target = pick(flat(), edit.at);
        if (!target) break;
        ((sections[target.sectionIndex] as SectionSpec).clauses as ClauseSpec[]).splice(target.clauseIndex, 1);
        const into = pick(sections, edit.section) as SectionSpec;
        (into.clauses as ClauseSpec[]).splice(edit.position % (into.clauses.length + 1), 0, target.spec);
        break;
      }
      case 'edit-heading': {
        const part = pick(sections, edit.section);
        if (part) part.heading = edit.heading;
        break;
      }
      case 'remove-section':
        // A policy keeps at least one section.
        if (sections.length > 1) sections.splice(edit.section % sections.length, 1);
        break;
      case 'add-section':
        sections.splice(edit.section % (sections.length + 1), 0, { id: fresh('s'), heading: edit.heading, clauses: edit.texts.map((text): ClauseSpec => [fresh('c'), text]) });
        break;
      case 'move-section': {
        const from = edit.section % sections.length;
        const [moved] = sections.splice(from, 1);
        if (moved) sections.splice(edit.to % (sections.length + 1), 0, moved);
        break;
      }
    }
  }
  return sections;
}
