/**
 * The variables a policy can contain ({{school.name}} …): placeholders resolved per school
 * when a copy is rendered. Values come from the trust and each school (a later issue makes
 * them typed settings); this catalogue is what the editor offers and the validator accepts.
 */
import type { InlineJSON, PolicyDocument } from './types';
import { clausesOf, headingOf, sectionsOf } from './walk';

export interface VariableDefinition {
  key: string;
  label: string;
  description: string;
}

export const VARIABLES: readonly VariableDefinition[] = [
  { key: 'trust.name', label: 'Trust name', description: 'The trust’s name, e.g. “Leaf Trust”.' },
  { key: 'trust.boardName', label: 'Board name', description: 'What the trust calls its board, e.g. “Trust Board”.' },
  { key: 'trust.localGoverningBodyName', label: 'Local governing body name', description: 'What the trust calls a school’s local tier, e.g. “Local Governing Body”.' },
  { key: 'school.name', label: 'School name', description: 'The school’s name, e.g. “Willow Primary Academy”.' },
  { key: 'school.headTitle', label: 'Head’s title', description: 'Headteacher, Principal, Head of School…' },
  { key: 'school.headName', label: 'Head’s name', description: 'The head’s full name.' },
  { key: 'school.dslName', label: 'Designated safeguarding lead', description: 'The DSL’s full name.' },
  { key: 'school.address', label: 'School address', description: 'The school’s postal address.' },
  { key: 'school.phone', label: 'School phone', description: 'The school office’s telephone number.' },
  { key: 'school.email', label: 'School email', description: 'The school office’s email address.' },
];

const KEYS = new Set(VARIABLES.map((variable) => variable.key));

export function isKnownVariable(name: unknown): name is string {
  return typeof name === 'string' && KEYS.has(name);
}

function inlineVariables(content: InlineJSON[] | undefined, into: Set<string>): void {
  for (const node of content ?? []) if (node.type === 'variable') into.add(node.attrs.name);
}

/** Every variable the document uses, in order of first use. */
export function variablesUsed(doc: PolicyDocument): string[] {
  const names = new Set<string>();
  const visitBlocks = (blocks: { type: string; content?: unknown[] }[]) => {
    for (const block of blocks) {
      if (block.type === 'paragraph') inlineVariables(block.content as InlineJSON[], names);
      else visitBlocks((block.content ?? []).flatMap((item) => ((item as { content?: unknown[] }).content ?? []) as { type: string; content?: unknown[] }[]));
    }
  };
  for (const section of sectionsOf(doc)) {
    inlineVariables(headingOf(section), names);
    for (const clause of clausesOf(section)) visitBlocks(clause.content);
  }
  return [...names];
}

/** The variables the document uses that have no (non-blank) value: what must be filled before publishing. */
export function unresolvedVariables(doc: PolicyDocument, values: Record<string, string | undefined>): string[] {
  return variablesUsed(doc).filter((name) => !values[name]?.trim());
}
