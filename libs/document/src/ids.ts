/**
 * Stable ids for sections and clauses. Every clause keeps its id across edits, versions and
 * clones; a copy-pasted clause must get a new one, or two clauses would share an identity.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { AttrStep, type Step } from '@tiptap/pm/transform';
import type { Slice } from '@tiptap/pm/model';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { IdFactory } from './outline';
import type { PolicyDocument } from './types';

const ID_ATTRIBUTE: Record<string, 'sectionId' | 'clauseId'> = { section: 'sectionId', clause: 'clauseId' };

export const newId: IdFactory = () => globalThis.crypto.randomUUID();

/** A copy of the document in which every section and clause id is present and unique (first one wins). */
export function ensureUniqueIds(doc: PolicyDocument, mint: IdFactory = newId): PolicyDocument {
  const seen = new Set<string>();
  const unique = (id: unknown): string => {
    const fresh = typeof id === 'string' && id.length > 0 && !seen.has(id) ? id : mint();
    seen.add(fresh);
    return fresh;
  };
  return {
    type: 'doc',
    content: doc.content.map((section) => ({
      ...section,
      attrs: { sectionId: unique(section.attrs?.sectionId) },
      content: section.content.map((child) => (child.type === 'clause' ? { ...child, attrs: { clauseId: unique(child.attrs?.clauseId) } } : child)) as typeof section.content,
    })),
  };
}

const uniqueIdsKey = new PluginKey('ratifyUniqueIds');

/**
 * Whether any step could have added a section or clause (or changed one's attributes). Typing
 * and deleting text cannot, so the full walk below is skipped for them: it runs per keystroke.
 */
function mayAddIdentifiedNodes(transactions: readonly Transaction[]): boolean {
  return transactions.some((transaction) =>
    transaction.steps.some((step: Step) => {
      if (step instanceof AttrStep) return true;
      const slice = (step as { slice?: Slice }).slice;
      if (!slice) return false;
      let found = false;
      slice.content.descendants((node) => {
        if (ID_ATTRIBUTE[node.type.name]) found = true;
        return !found;
      });
      return found;
    }),
  );
}

/**
 * Editor side of the same rule: after any change, a section or clause whose id is missing or
 * already taken gets a new one. When a clause is duplicated, the copy at the position the
 * original moved to keeps the id; the other gets a fresh one.
 */
export function uniqueIdsPlugin(): Plugin {
  return new Plugin({
        key: uniqueIdsKey,
        appendTransaction(transactions, oldState, newState) {
          if (!transactions.some((transaction) => transaction.docChanged) || !mayAddIdentifiedNodes(transactions)) return null;
          // Where each id was before the change, mapped to where it is now.
          const keeperAt = new Map<string, number>();
          oldState.doc.descendants((node, pos) => {
            const attribute = ID_ATTRIBUTE[node.type.name];
            const id = attribute ? node.attrs[attribute] : null;
            if (!id) return;
            let mapped: number | null = pos;
            for (const transaction of transactions) {
              const result = transaction.mapping.mapResult(mapped);
              mapped = result.deleted ? null : result.pos;
              if (mapped === null) break;
            }
            if (mapped !== null) keeperAt.set(id, mapped);
          });
          const byId = new Map<string, { pos: number; node: PmNode }[]>();
          const missing: { pos: number; node: PmNode }[] = [];
          newState.doc.descendants((node, pos) => {
            const attribute = ID_ATTRIBUTE[node.type.name];
            if (!attribute) return;
            const id = node.attrs[attribute];
            if (!id) missing.push({ pos, node });
            else byId.set(id, [...(byId.get(id) ?? []), { pos, node }]);
          });
          const remint = [...missing];
          for (const [id, places] of byId) {
            if (places.length < 2) continue;
            const keeper = places.find((place) => place.pos === keeperAt.get(id)) ?? places[0];
            remint.push(...places.filter((place) => place !== keeper));
          }
          if (remint.length === 0) return null;
          const transaction = newState.tr;
          for (const { pos, node } of remint) {
            transaction.setNodeMarkup(pos, undefined, { ...node.attrs, [ID_ATTRIBUTE[node.type.name] ?? 'clauseId']: newId() });
          }
          return transaction;
        },
  });
}

export const UniqueIds = Extension.create({
  name: 'uniqueIds',
  addProseMirrorPlugins() {
    return [uniqueIdsPlugin()];
  },
});
