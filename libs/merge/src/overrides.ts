/**
 * School variants, one level below the trust: a school does not copy the trust's policy, it
 * keeps a list of clause overrides (replace, omit, add after) keyed by the trust's clause ids,
 * within the lock levels the trust sets. Rendering a school's policy is applying its overrides
 * to the trust's current version, so a trust change reaches every school at once.
 */
import { clausesOf, sectionsOf, validateDocument, type ClauseJSON, type PolicyDocument } from '@ratify/document';
import { clauseKey, copyJson } from './canonical';
import { indexDocument } from './document-index';
import { MergeError } from './errors';

export type Override =
  | { clauseId: string; kind: 'replace'; clause: ClauseJSON }
  | { clauseId: string; kind: 'omit' }
  /** `clauseId` is the trust clause the new clause follows. */
  | { clauseId: string; kind: 'add-after'; clause: ClauseJSON };

export interface SchoolVariant {
  overrides: Override[];
}

/**
 * Set by the trust per clause. 'locked': schools may not replace or omit it (statutory text).
 * 'editable' (the default): they may. 'school-specific': they are expected to (the trust's text
 * is a placeholder such as "Our designated safeguarding lead is …"); the rules here are those of
 * 'editable', the distinction is for the editor to prompt.
 */
export type LockLevel = 'locked' | 'editable' | 'school-specific';

export type ClauseLocks = Readonly<Record<string, LockLevel>>;

/** A clause's lock level: 'editable' when the trust set none; 'locked' for a value it does not know (fail closed). */
export function lockLevel(locks: ClauseLocks, clauseId: string): LockLevel {
  if (!Object.hasOwn(locks, clauseId)) return 'editable';
  const level: unknown = locks[clauseId];
  return level === 'editable' || level === 'school-specific' ? level : 'locked';
}

export type OverrideProblemCode =
  /** Not an override this lib knows (an unknown kind, no clause id, no clause). */
  | 'INVALID_OVERRIDE'
  /** A replace or omit of a clause the trust's document does not have. */
  | 'UNKNOWN_CLAUSE'
  /** A replace or omit of a clause the trust locked. */
  | 'LOCKED_CLAUSE'
  /** A second replace or omit of the same clause. */
  | 'DUPLICATE_OVERRIDE'
  /** An add-after following a clause the trust's document does not have. */
  | 'UNKNOWN_ANCHOR'
  /** An added clause whose id is already a trust section or clause, or another added clause. */
  | 'ADDED_ID_TAKEN'
  /** A replacement clause whose id is not the id of the clause it replaces. */
  | 'REPLACEMENT_ID_DIFFERS'
  /** A replacement or added clause that is not valid policy content. */
  | 'INVALID_CLAUSE';

export interface OverrideProblem {
  code: OverrideProblemCode;
  /** Position of the override in the list. */
  index: number;
  /** The clause concerned: the one overridden, or for ADDED_ID_TAKEN the added one. */
  clauseId: string;
  message: string;
}

function clauseProblem(clause: unknown): string | undefined {
  const result = validateDocument({ type: 'doc', content: [{ type: 'section', attrs: { sectionId: 'override' }, content: [{ type: 'sectionHeading' }, clause] }] });
  if (!result.ok) return result.problems[0] ?? 'invalid content';
  const attrs = (clause as { attrs?: { clauseId?: unknown } }).attrs;
  return typeof attrs?.clauseId === 'string' ? undefined : 'the clause has no id';
}

/** Every problem with a school's overrides against the trust's document and locks; empty when they can be applied. */
export function validateOverrides(trustDoc: PolicyDocument, locks: ClauseLocks, overrides: readonly Override[]): OverrideProblem[] {
  const trust = indexDocument(trustDoc, "trust's document");
  const problems: OverrideProblem[] = [];
  const overridden = new Set<string>();
  const addedIds = new Set<string>();
  overrides.forEach((override, index) => {
    const problem = (code: OverrideProblemCode, clauseId: string, message: string) => problems.push({ code, index, clauseId, message });
    const { clauseId, kind } = (override ?? {}) as { clauseId?: unknown; kind?: unknown };
    if (typeof clauseId !== 'string' || !['replace', 'omit', 'add-after'].includes(kind as string)) {
      problem('INVALID_OVERRIDE', String(clauseId), `Override ${index + 1} is not a replace, omit or add-after of a clause.`);
      return;
    }
    if (override.kind === 'add-after') {
      if (!trust.clauses.has(clauseId)) problem('UNKNOWN_ANCHOR', clauseId, `Override ${index + 1} adds a clause after "${clauseId}", which this version of the trust's policy does not have.`);
    } else {
      if (!trust.clauses.has(clauseId)) problem('UNKNOWN_CLAUSE', clauseId, `Override ${index + 1} ${override.kind === 'omit' ? 'omits' : 'replaces'} the clause "${clauseId}", which this version of the trust's policy does not have.`);
      else if (lockLevel(locks, clauseId) === 'locked') problem('LOCKED_CLAUSE', clauseId, `The trust has locked clause "${clauseId}"; schools cannot ${override.kind === 'omit' ? 'omit' : 'replace'} it.`);
      if (overridden.has(clauseId)) problem('DUPLICATE_OVERRIDE', clauseId, `Clause "${clauseId}" is replaced or omitted more than once; keep one override for it.`);
      overridden.add(clauseId);
    }
    if (override.kind === 'omit') return;
    const clause: unknown = override.clause;
    const invalid = clauseProblem(clause);
    if (invalid) {
      problem('INVALID_CLAUSE', clauseId, `The clause in override ${index + 1} is not valid policy content: ${invalid}`);
      return;
    }
    const ownId = override.clause.attrs.clauseId;
    if (override.kind === 'replace' && ownId !== clauseId) {
      problem('REPLACEMENT_ID_DIFFERS', clauseId, `The replacement for clause "${clauseId}" has the id "${ownId}"; a replacement keeps the id of the clause it replaces.`);
    }
    if (override.kind === 'add-after') {
      if (trust.clauses.has(ownId) || trust.sections.has(ownId) || addedIds.has(ownId)) {
        problem('ADDED_ID_TAKEN', ownId, `The added clause "${ownId}" has an id already used in the policy; give it a new id.`);
      }
      addedIds.add(ownId);
    }
  });
  return problems;
}

/**
 * The school's document: the trust's, with each replaced clause swapped in place, each omitted
 * clause left out and each added clause placed after the clause it follows (several after the
 * same clause keep their list order; one after an omitted clause still goes where that clause
 * was). Refuses, with INVALID_OVERRIDES, overrides that validateOverrides faults even without
 * locks, so the result is always valid with unique ids.
 */
export function applyOverrides(trustDoc: PolicyDocument, overrides: readonly Override[]): PolicyDocument {
  const problems = validateOverrides(trustDoc, {}, overrides);
  if (problems.length > 0) throw new MergeError('INVALID_OVERRIDES', `The school's overrides cannot be applied: ${problems.map((problem) => problem.message).join(' ')}`);
  const replaced = new Map<string, ClauseJSON>();
  const omitted = new Set<string>();
  const addedAfter = new Map<string, ClauseJSON[]>();
  for (const override of overrides) {
    if (override.kind === 'replace') replaced.set(override.clauseId, override.clause);
    else if (override.kind === 'omit') omitted.add(override.clauseId);
    else addedAfter.set(override.clauseId, [...(addedAfter.get(override.clauseId) ?? []), override.clause]);
  }
  const document: PolicyDocument = {
    type: 'doc',
    content: sectionsOf(trustDoc).map((section) => ({
      type: 'section',
      attrs: { sectionId: section.attrs.sectionId },
      content: [
        section.content[0],
        ...clausesOf(section).flatMap((clause) => {
          const id = clause.attrs.clauseId;
          return [...(omitted.has(id) ? [] : [replaced.get(id) ?? clause]), ...(addedAfter.get(id) ?? [])];
        }),
      ],
    })),
  };
  return copyJson(document);
}

export interface Divergence {
  /** Clauses in the trust's document. */
  trustClauses: number;
  /** Trust clauses the school shows as the trust wrote them. */
  keptAsIs: number;
  /** Trust clauses the school replaced with different content (a replacement identical to the trust's text is not a change). */
  changed: string[];
  omitted: string[];
  /** Ids of the clauses the school added. */
  added: string[];
}

/**
 * How far a school's policy is from the trust's: which clauses it changed, omitted and added.
 * Overrides of clauses the trust's document does not have are not counted (validateOverrides
 * reports them).
 */
export function divergence(trustDoc: PolicyDocument, overrides: readonly Override[]): Divergence {
  const trust = indexDocument(trustDoc, "trust's document");
  const changed = new Set<string>();
  const omitted = new Set<string>();
  const added: string[] = [];
  for (const override of overrides) {
    const original = trust.clauses.get(override.clauseId);
    if (!original) continue;
    if (override.kind === 'omit') omitted.add(override.clauseId);
    else if (override.kind === 'add-after') added.push(override.clause.attrs.clauseId);
    else if (clauseKey(override.clause) !== original.key) changed.add(override.clauseId);
  }
  for (const id of omitted) changed.delete(id);
  return { trustClauses: trust.clauses.size, keptAsIs: trust.clauses.size - changed.size - omitted.size, changed: [...changed], omitted: [...omitted], added };
}
