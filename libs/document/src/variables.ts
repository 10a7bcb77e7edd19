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
  /** 'trust': one value for the whole trust. 'school': each school's own (a trust-wide value is the default). */
  scope: 'trust' | 'school';
  /** Publishing is refused while a required variable the policy uses has no value. */
  required: boolean;
  kind: 'text' | 'email' | 'phone';
}

export const VARIABLES: readonly VariableDefinition[] = [
  { key: 'trust.name', label: 'Trust name', description: 'The trust’s name, e.g. “Leaf Trust”.', scope: 'trust', required: true, kind: 'text' },
  { key: 'trust.boardName', label: 'Board name', description: 'What the trust calls its board, e.g. “Trust Board”.', scope: 'trust', required: true, kind: 'text' },
  { key: 'trust.localGoverningBodyName', label: 'Local governing body name', description: 'What the trust calls a school’s local tier, e.g. “Local Governing Body”.', scope: 'trust', required: true, kind: 'text' },
  { key: 'school.name', label: 'School name', description: 'The school’s name, e.g. “Willow Primary Academy”.', scope: 'school', required: true, kind: 'text' },
  { key: 'school.headTitle', label: 'Head’s title', description: 'Headteacher, Principal, Head of School…', scope: 'school', required: true, kind: 'text' },
  { key: 'school.headName', label: 'Head’s name', description: 'The head’s full name.', scope: 'school', required: true, kind: 'text' },
  { key: 'school.dslName', label: 'Designated safeguarding lead', description: 'The DSL’s full name.', scope: 'school', required: true, kind: 'text' },
  { key: 'school.address', label: 'School address', description: 'The school’s postal address.', scope: 'school', required: false, kind: 'text' },
  { key: 'school.phone', label: 'School phone', description: 'The school office’s telephone number.', scope: 'school', required: false, kind: 'phone' },
  { key: 'school.email', label: 'School email', description: 'The school office’s email address.', scope: 'school', required: false, kind: 'email' },
];

export function variableDefinition(key: string): VariableDefinition | undefined {
  return VARIABLES.find((variable) => variable.key === key);
}

/** Why a value cannot be stored for this variable, in words for the person typing it; undefined when it can. */
export function variableValueProblem(definition: VariableDefinition, value: string): string | undefined {
  if (value.length > 300) return `${definition.label} can be at most 300 characters.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) return `${definition.label} contains characters that cannot be printed.`;
  if (definition.kind === 'email' && value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return `${definition.label} must be an email address, like office@school.org.uk.`;
  if (definition.kind === 'phone' && value && !/^\+?[0-9 ()-]{6,20}$/.test(value)) return `${definition.label} must be a telephone number, like 01234 567890.`;
  return undefined;
}

export interface VariableLayers {
  /** Values the trust set, for the whole trust (and as defaults for its schools). */
  trust: Record<string, string>;
  /** The school's own values (school-scoped variables only). */
  school?: Record<string, string>;
  /** What Ratify knows anyway: the trust's and school's names. */
  defaults: Record<string, string>;
}

export type VariableSource = 'school' | 'trust' | 'default';

/** Each variable's value for a copy: the school's own, else the trust's, else Ratify's default. */
export function resolveVariableValues(layers: VariableLayers): Record<string, { value: string; source: VariableSource }> {
  const resolved: Record<string, { value: string; source: VariableSource }> = {};
  for (const variable of VARIABLES) {
    const own = variable.scope === 'school' ? layers.school?.[variable.key]?.trim() : undefined;
    const trust = layers.trust[variable.key]?.trim();
    const fallback = layers.defaults[variable.key]?.trim();
    if (own) resolved[variable.key] = { value: own, source: 'school' };
    else if (trust) resolved[variable.key] = { value: trust, source: 'trust' };
    else if (fallback) resolved[variable.key] = { value: fallback, source: 'default' };
  }
  return resolved;
}

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
