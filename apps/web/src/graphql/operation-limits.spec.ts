/**
 * The API refuses a query deeper than 8 levels before running it (graphql-armor's max-depth, see
 * apps/api/src/graphql.config.ts), as a 400 the app can only call "something went wrong". Armor
 * counts a fragment spread as two levels (fragments are not flattened), so a fragment inside a
 * fragment costs four: this checks every operation the app sends, counted the same way.
 */
import { Kind, parse, type DefinitionNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as operations from './operations.generated';

const API_MAX_DEPTH = 8;

function depthOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, parent: number): number {
  let depth = parent;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) depth = Math.max(depth, selection.selectionSet ? depthOf(selection.selectionSet, fragments, parent + 1) : parent + 1);
    else if (selection.kind === Kind.INLINE_FRAGMENT) depth = Math.max(depth, depthOf(selection.selectionSet, fragments, parent + 1));
    else depth = Math.max(depth, depthOf(fragments.get(selection.name.value)?.selectionSet, fragments, parent + 2));
  }
  return depth;
}

function depthOfDocument(text: string): number {
  const definitions: readonly DefinitionNode[] = parse(text).definitions;
  const fragments = new Map(definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]));
  return Math.max(0, ...definitions.map((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? depthOf(definition.selectionSet, fragments, 0) : 0)));
}

const documents: [string, string][] = Object.entries(operations).flatMap(([name, value]) => (value instanceof operations.TypedDocumentString ? [[name, value.toString()] as [string, string]] : []));

describe('operations and the API’s query limits', () => {
  it('counts as the API does: the inbox with stage fields in a fragment of their own was refused as 9 deep', () => {
    const nested = 'query Inbox { approvalInbox { ...Summary } } fragment Summary on ApprovalRequest { stages { ...Stage } } fragment Stage on ApprovalStage { decision { decidedBy { id } } }';
    expect(depthOfDocument(nested)).toBe(9);
    expect(documents.map(([name]) => name)).toContain('PolicyDocument');
  });

  it.each(documents)('%s is no deeper than the API allows', (_name, document) => {
    expect(depthOfDocument(document)).toBeLessThanOrEqual(API_MAX_DEPTH);
  });
});
