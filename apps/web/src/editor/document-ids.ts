/**
 * Sections and clause ids in document order, and what the server changed about them. After a
 * save the server answers with its normalised copy: the same text, but a missing or duplicated
 * id re-minted. Only those ids are applied to the editor (attribute changes: the text, and the
 * cursor in it, stay as they are).
 */
import type { PolicyDocument } from '@ratify/document';

export interface IdSlot {
  kind: 'section' | 'clause';
  id: string | null;
}

export function idSlots(doc: PolicyDocument): IdSlot[] {
  const slots: IdSlot[] = [];
  for (const section of doc.content ?? []) {
    slots.push({ kind: 'section', id: (section.attrs?.sectionId as string | undefined) ?? null });
    for (const child of section.content ?? []) {
      if (child.type === 'clause') slots.push({ kind: 'clause', id: (child.attrs?.clauseId as string | undefined) ?? null });
    }
  }
  return slots;
}

export type IdChanges =
  /** Same outline, same ids: nothing to apply. */
  | { kind: 'none' }
  /** Same outline, some ids re-minted: `ids[i]` is the id of the i-th section/clause slot. */
  | { kind: 'ids'; ids: IdSlot[] }
  /** The server's outline differs from what was sent. */
  | { kind: 'structure' };

export function idChanges(sent: PolicyDocument, returned: PolicyDocument): IdChanges {
  const before = idSlots(sent);
  const after = idSlots(returned);
  if (before.length !== after.length || before.some((slot, i) => slot.kind !== after[i]!.kind)) return { kind: 'structure' };
  return before.every((slot, i) => slot.id === after[i]!.id) ? { kind: 'none' } : { kind: 'ids', ids: after };
}

/** Key order and absent-versus-null attributes do not matter; everything else does. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== null && (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sameDocument(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
