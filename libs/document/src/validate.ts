/**
 * Validates a policy document from outside (a browser, an import, an API client) before
 * anything is stored or rendered. Limits are checked first, without recursion, so hostile
 * shapes (10,000-deep nesting, 5 MB text nodes, huge node counts) are refused before
 * ProseMirror sees them. Then a clean copy is built key by key from what the schema allows
 * (so `__proto__`, `onclick`, `style` … can never ride along), attribute values are checked
 * (ids, variable names, link protocols), and the schema checks the structure.
 */
import { isAllowedHref } from './links';
import { policySchema } from './schema';
import type { PolicyDocument } from './types';
import { isKnownVariable } from './variables';

export const DOCUMENT_LIMITS = {
  /** Nesting of JSON objects/arrays; a real policy needs about a dozen. */
  maxDepth: 40,
  maxNodes: 100_000,
  maxTextLength: 20_000,
  maxTotalText: 2_000_000,
} as const;

export type ValidationResult = { ok: true; document: PolicyDocument } | { ok: false; problems: string[] };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Size, depth and shape limits, checked iteratively. Returns the first problem found. */
function checkLimits(input: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value: input, depth: 0 }];
  let nodes = 0;
  let totalText = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > DOCUMENT_LIMITS.maxDepth) return `The document is nested too deeply (more than ${DOCUMENT_LIMITS.maxDepth} levels).`;
    if (typeof value === 'string') {
      if (value.length > DOCUMENT_LIMITS.maxTextLength) return `A piece of text is too long (${value.length} characters; at most ${DOCUMENT_LIMITS.maxTextLength}).`;
      totalText += value.length;
      if (totalText > DOCUMENT_LIMITS.maxTotalText) return `The document is too long (more than ${DOCUMENT_LIMITS.maxTotalText} characters).`;
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    if (value !== null && typeof value === 'object') {
      if (!isPlainObject(value)) return 'The document contains something that is not plain JSON.';
      if (++nodes > DOCUMENT_LIMITS.maxNodes) return `The document has too many parts (more than ${DOCUMENT_LIMITS.maxNodes}).`;
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return `The document contains a forbidden key "${key}".`;
        stack.push({ value: value[key], depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** A missing id is allowed (a fresh one is minted); a present one must look like an id. */
const optionalId = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && ID.test(value));

/** Attribute checks per node and mark type: the only attributes each may carry, and their values. */
const NODE_ATTRIBUTES: Record<string, Record<string, (value: unknown) => boolean>> = {
  section: { sectionId: optionalId },
  clause: { clauseId: optionalId },
  variable: { name: isKnownVariable },
};
const MARK_ATTRIBUTES: Record<string, Record<string, (value: unknown) => boolean>> = {
  link: {
    href: isAllowedHref,
    // tiptap's link mark carries these; they must be empty here.
    target: (value) => value === null || value === undefined,
    rel: (value) => value === null || value === undefined || value === 'noopener noreferrer nofollow',
    class: (value) => value === null || value === undefined,
    title: (value) => value === null || value === undefined || (typeof value === 'string' && value.length <= 200),
  },
};

function cleanAttributes(kind: string, type: string, attrs: unknown, rules: Record<string, (value: unknown) => boolean> | undefined, path: string, problems: string[]): Json | undefined {
  if (attrs !== undefined && attrs !== null && !isPlainObject(attrs)) {
    problems.push(`${path}: the ${kind} "${type}" has attributes that are not an object.`);
    return undefined;
  }
  const given = (attrs ?? {}) as Json;
  const clean: Json = {};
  for (const name of Object.keys(given)) {
    if (!rules || !(name in rules)) problems.push(`${path}: the ${kind} "${type}" cannot have the attribute "${name}".`);
  }
  for (const [name, valid] of Object.entries(rules ?? {})) {
    const value = given[name];
    if (valid(value)) {
      if (value !== undefined && value !== null) clean[name] = value;
    } else if (name === 'href') {
      problems.push(`${path}: the link "${String(value).slice(0, 80)}" is not allowed (only http, https, mailto, tel and relative links).`);
    } else if (type === 'variable') {
      problems.push(`${path}: "${String(value).slice(0, 80)}" is not a variable Ratify knows.`);
    } else {
      problems.push(`${path}: the ${kind} "${type}" has an invalid "${name}".`);
    }
  }
  return Object.keys(clean).length ? clean : undefined;
}

function cleanNode(input: unknown, path: string, problems: string[]): Json | undefined {
  if (!isPlainObject(input)) {
    problems.push(`${path}: expected a node object.`);
    return undefined;
  }
  const type = input.type;
  if (typeof type !== 'string' || !policySchema.nodes[type]) {
    problems.push(`${path}: "${String(type).slice(0, 40)}" is not a kind of content a policy can contain.`);
    return undefined;
  }
  for (const key of Object.keys(input)) if (!NODE_KEYS.has(key)) problems.push(`${path}: a "${type}" cannot have the field "${key}".`);
  const node: Json = { type };
  const attrs = cleanAttributes('node', type, input.attrs, NODE_ATTRIBUTES[type], path, problems);
  if (attrs) node.attrs = attrs;
  if (type === 'text') {
    if (typeof input.text !== 'string' || input.text.length === 0) problems.push(`${path}: a text node needs some text.`);
    else node.text = input.text;
  } else if (input.text !== undefined) problems.push(`${path}: only text nodes have text.`);
  if (input.marks !== undefined) {
    if (!Array.isArray(input.marks)) problems.push(`${path}: marks must be a list.`);
    else {
      node.marks = input.marks.flatMap((mark, index) => {
        const markPath = `${path}.marks[${index}]`;
        if (!isPlainObject(mark) || typeof mark.type !== 'string' || !policySchema.marks[mark.type]) {
          problems.push(`${markPath}: "${isPlainObject(mark) ? String(mark.type).slice(0, 40) : 'this'}" is not a kind of formatting a policy can have.`);
          return [];
        }
        for (const key of Object.keys(mark)) if (!MARK_KEYS.has(key)) problems.push(`${markPath}: a mark cannot have the field "${key}".`);
        const markAttrs = cleanAttributes('mark', mark.type, mark.attrs, MARK_ATTRIBUTES[mark.type], markPath, problems);
        return [markAttrs ? { type: mark.type, attrs: markAttrs } : { type: mark.type }];
      });
    }
  }
  if (input.content !== undefined) {
    if (!Array.isArray(input.content)) problems.push(`${path}: content must be a list.`);
    else node.content = input.content.map((child, index) => cleanNode(child, `${path}.content[${index}]`, problems)).filter(Boolean);
  }
  return node;
}

export function validateDocument(input: unknown): ValidationResult {
  const limit = checkLimits(input);
  if (limit) return { ok: false, problems: [limit] };
  const problems: string[] = [];
  const clean = cleanNode(input, 'document', problems);
  if (clean && clean.type !== 'doc') problems.push('document: the top level must be a policy document ("doc").');
  if (problems.length) return { ok: false, problems: problems.slice(0, 20) };
  try {
    policySchema.nodeFromJSON(clean).check();
  } catch (error) {
    return { ok: false, problems: [`document: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return { ok: true, document: clean as unknown as PolicyDocument };
}
