/**
 * When the trust approves a new version, each school's overrides move to it. An override whose
 * clause the trust left alone carries over silently. One whose clause the trust changed is
 * carried but flagged: the school changed text the trust has since changed, and should look
 * again. One whose clause the trust removed cannot apply and is flagged, never dropped in
 * silence. A clause the school added after a clause the trust removed moves to follow the
 * nearest earlier clause that survived, and is flagged.
 */
import type { PolicyDocument } from '@ratify/document';
import { clauseOrder, indexDocument } from './document-index';
import type { Override } from './overrides';

export type ReconfirmationReason =
  /** The trust changed the clause this override replaces or omits. */
  | 'trust-changed-clause'
  /** The trust removed the clause this override replaces, omits or follows. */
  | 'trust-removed-clause'
  /** The trust's new version contains the clause this override adds (it adopted the school's clause). */
  | 'trust-now-has-clause';

export interface Reconfirmation {
  /** The override as carried forward (re-anchored if it was), or as it was when it no longer applies. */
  override: Override;
  reason: ReconfirmationReason;
  /** Whether `override` is among the carried-forward overrides, or waits for the school to re-make it. */
  carried: boolean;
  /** For a re-anchored add-after: the removed clause it used to follow. */
  previousAnchor?: string;
}

export interface CarriedOverrides {
  /** The overrides that apply to the new version (valid against it, whatever their flags). */
  overrides: Override[];
  needsReconfirmation: Reconfirmation[];
}

export function carryForward(oldTrustDoc: PolicyDocument, newTrustDoc: PolicyDocument, overrides: readonly Override[]): CarriedOverrides {
  const before = indexDocument(oldTrustDoc, "trust's previous version");
  const after = indexDocument(newTrustDoc, "trust's new version");
  const oldOrder = clauseOrder(before);
  const oldPosition = new Map(oldOrder.map((id, position) => [id, position]));

  /** The clause the removed `clauseId` is replaced by as an anchor: the nearest earlier one that survived. */
  const survivingAnchor = (clauseId: string): string | undefined => {
    for (let position = (oldPosition.get(clauseId) ?? 0) - 1; position >= 0; position--) {
      const candidate = oldOrder[position] as string;
      if (after.clauses.has(candidate)) return candidate;
    }
    return undefined;
  };

  const carried: { override: Override; oldAnchorPosition: number; reanchored: boolean }[] = [];
  const needsReconfirmation: Reconfirmation[] = [];
  for (const override of overrides) {
    const oldClause = before.clauses.get(override.clauseId);
    const newClause = after.clauses.get(override.clauseId);
    const oldAnchorPosition = oldPosition.get(override.clauseId) ?? Number.MAX_SAFE_INTEGER;
    if (override.kind === 'add-after') {
      if (after.clauses.has(override.clause.attrs.clauseId) || after.sections.has(override.clause.attrs.clauseId)) {
        // Applying it would put the same id in the document twice.
        needsReconfirmation.push({ override, reason: 'trust-now-has-clause', carried: false });
      } else if (newClause) {
        carried.push({ override, oldAnchorPosition, reanchored: false });
      } else {
        const anchor = survivingAnchor(override.clauseId);
        if (anchor === undefined) {
          // Nothing before it survived: there is no clause for it to follow.
          needsReconfirmation.push({ override, reason: 'trust-removed-clause', carried: false });
        } else {
          const moved: Override = { ...override, clauseId: anchor };
          carried.push({ override: moved, oldAnchorPosition, reanchored: true });
          needsReconfirmation.push({ override: moved, reason: 'trust-removed-clause', carried: true, previousAnchor: override.clauseId });
        }
      }
    } else if (!newClause) {
      needsReconfirmation.push({ override, reason: 'trust-removed-clause', carried: false });
    } else {
      carried.push({ override, oldAnchorPosition, reanchored: false });
      if (!oldClause || oldClause.key !== newClause.key) needsReconfirmation.push({ override, reason: 'trust-changed-clause', carried: true });
    }
  }

  return { overrides: keepAddedOrder(carried), needsReconfirmation };
}

/**
 * Clauses added after the same clause render in list order. When re-anchoring puts a moved
 * add-after beside others, order that group by where their old anchors were, so the school's
 * clauses still read in the order they did; groups nothing moved into are left as they are.
 */
function keepAddedOrder(carried: { override: Override; oldAnchorPosition: number; reanchored: boolean }[]): Override[] {
  const groups = new Map<string, number[]>();
  carried.forEach(({ override }, slot) => {
    if (override.kind === 'add-after') groups.set(override.clauseId, [...(groups.get(override.clauseId) ?? []), slot]);
  });
  const result = carried.map(({ override }) => override);
  for (const slots of groups.values()) {
    if (!slots.some((slot) => carried[slot]?.reanchored)) continue;
    const ordered = [...slots].sort((a, b) => (carried[a]?.oldAnchorPosition ?? 0) - (carried[b]?.oldAnchorPosition ?? 0));
    slots.forEach((slot, position) => {
      result[slot] = carried[ordered[position] as number]?.override as Override;
    });
  }
  return result;
}
