/**
 * The variables form's rules: which input a variable gets, where its effective value comes from
 * (in words), which values changed (only those are sent; an emptied one clears), and the checks
 * the API makes on a value (shared from @ratify/document), so a mistake shows by its field.
 */
import { variableDefinition, variableValueProblem, type VariableDefinition } from '@ratify/document';
import type { VariableFieldsFragment } from '../graphql/operations.generated';

export type Variable = VariableFieldsFragment;

/** The level the form sets values for: the whole trust, or one school. */
export type VariableLevel = 'trust' | 'school';

export function inputType(kind: string): 'email' | 'tel' | 'text' {
  if (kind === 'email') return 'email';
  if (kind === 'phone') return 'tel';
  return 'text';
}

/** Where the value a policy uses comes from, seen from the level being edited. */
export function sourceText(source: string | null, level: VariableLevel): string {
  if (source === level) return 'set here';
  if (source === 'trust') return 'from the trust';
  if (source === 'default') return 'default';
  return 'not set';
}

/** A variable a school cannot set for itself (one value for the whole trust). */
export function isTrustOnly(variable: Variable, level: VariableLevel): boolean {
  return level === 'school' && variable.scope === 'trust';
}

/** The values typed that differ from what is set at this level; an emptied field clears its value. */
export function changedValues(variables: readonly Variable[], typed: Readonly<Record<string, string>>): { key: string; value: string }[] {
  return variables
    .filter((variable) => Object.hasOwn(typed, variable.key) && (typed[variable.key] ?? '').trim() !== (variable.value ?? ''))
    .map((variable) => ({ key: variable.key, value: (typed[variable.key] ?? '').trim() }));
}

/** What is wrong with each changed value, by key (the API's own checks). */
export function valueProblems(variables: readonly Variable[], changes: readonly { key: string; value: string }[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const change of changes) {
    const variable = variables.find((candidate) => candidate.key === change.key);
    if (!variable) continue;
    const definition: VariableDefinition = variableDefinition(change.key) ?? {
      key: variable.key,
      label: variable.label,
      description: variable.description,
      scope: variable.scope === 'trust' ? 'trust' : 'school',
      required: variable.required,
      kind: variable.kind === 'email' || variable.kind === 'phone' ? variable.kind : 'text',
    };
    const problem = variableValueProblem(definition, change.value);
    if (problem) problems[change.key] = problem;
  }
  return problems;
}
