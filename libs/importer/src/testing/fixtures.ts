/** Test support: the fixture files and plain views of an import that specs assert on. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OutlineSection } from '@ratify/document';
import type { ImportedPolicy } from '../types';

export const FIXTURES = join(__dirname, '..', '..', 'test-fixtures');

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function headings(policy: ImportedPolicy): string[] {
  return policy.sections.map((section) => section.heading);
}

export function section(policy: ImportedPolicy, heading: string): OutlineSection {
  const found = policy.sections.find((candidate) => candidate.heading === heading);
  if (!found) throw new Error(`no section "${heading}" in ${JSON.stringify(headings(policy))}`);
  return found;
}

/** The policy's text as a reader of the draft sees it: headings and clauses, no cover. */
export function bodyText(policy: ImportedPolicy): string {
  return policy.sections.flatMap((candidate) => [candidate.heading, ...candidate.clauses.map((clause) => clause.text)]).join('\n');
}

/** The cover as the draft keeps it: title and metadata values. */
export function coverText(policy: ImportedPolicy): string {
  return [policy.title, ...Object.values(policy.metadata)].join('\n');
}

export function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
