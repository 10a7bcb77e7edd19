import fc from 'fast-check';
import { clausesOf, ensureUniqueIds, sectionsOf, validateDocument, type PolicyDocument } from '@ratify/document';
import { carryForward } from './carry-forward';
import { mergeDocuments } from './merge';
import type { Resolution } from './merge-types';
import { applyOverrides, validateOverrides, type Override } from './overrides';
import { resolveConflicts } from './resolve';
import { applyEdits, baseArb, scriptArb, textArb, type Model } from './testing/arbitraries';
import { clause, policy } from './testing/policies';

const RUNS = { numRuns: 200 };

/** A base policy and two independent edit scripts: the template's update and the trust's edits. */
const threeWay = fc.record({ base: baseArb, theirsScript: scriptArb, oursScript: scriptArb }).map(({ base, theirsScript, oursScript }) => ({
  base,
  theirs: applyEdits(base, theirsScript, 't'),
  ours: applyEdits(base, oursScript, 'o'),
}));

const docs = (models: { base: Model; theirs: Model; ours: Model }) => ({ base: policy(models.base), theirs: policy(models.theirs), ours: policy(models.ours) });

const clauseIds = (doc: PolicyDocument) => sectionsOf(doc).flatMap((part) => clausesOf(part).map((item) => item.attrs.clauseId));
const sectionIds = (doc: PolicyDocument) => sectionsOf(doc).map((part) => part.attrs.sectionId);

/** Valid by the API's own validator, and no id needed re-minting. */
function expectValidWithUniqueIds(doc: PolicyDocument): void {
  expect(validateDocument(doc)).toEqual({ ok: true, document: doc });
  expect(
    ensureUniqueIds(doc, () => {
      throw new Error('an id was missing or repeated');
    }),
  ).toEqual(doc);
}

describe('mergeDocuments properties', () => {
  it('with no change on our side, the result is the template’s new version', () => {
    fc.assert(
      fc.property(baseArb, scriptArb, (base, script) => {
        const theirs = policy(applyEdits(base, script, 't'));
        const merge = mergeDocuments({ base: policy(base), theirs, ours: policy(base) });
        expect(merge.document).toEqual(theirs);
        expect(merge.conflicts).toEqual([]);
      }),
      RUNS,
    );
  });

  it('with no change on the template’s side, the result is ours', () => {
    fc.assert(
      fc.property(baseArb, scriptArb, (base, script) => {
        const ours = policy(applyEdits(base, script, 'o'));
        const merge = mergeDocuments({ base: policy(base), theirs: policy(base), ours });
        expect(merge.document).toEqual(ours);
        expect(merge.conflicts).toEqual([]);
      }),
      RUNS,
    );
  });

  it('when both sides made the same changes, the result is that version', () => {
    fc.assert(
      fc.property(baseArb, scriptArb, (base, script) => {
        const same = policy(applyEdits(base, script, 'x'));
        const merge = mergeDocuments({ base: policy(base), theirs: same, ours: policy(applyEdits(base, script, 'x')) });
        expect(merge.document).toEqual(same);
        expect(merge.conflicts).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gives every clause and section id of base ∪ theirs ∪ ours exactly one outcome, and every conflict one owner', () => {
    fc.assert(
      fc.property(threeWay, (models) => {
        const { base, theirs, ours } = docs(models);
        const merge = mergeDocuments({ base, theirs, ours });
        const allClauses = new Set([base, theirs, ours].flatMap(clauseIds));
        const allSections = new Set([base, theirs, ours].flatMap(sectionIds));
        expect(merge.clauses.map((outcome) => outcome.clauseId).sort()).toEqual([...allClauses].sort());
        expect(merge.sections.map((outcome) => outcome.sectionId).sort()).toEqual([...allSections].sort());
        const owners = [...merge.clauses, ...merge.sections].flatMap((outcome) => (outcome.conflictId ? [outcome.conflictId] : []));
        expect(owners.sort()).toEqual(merge.conflicts.map((conflict) => conflict.id).sort());
        // The outcomes say where each clause is, and the document agrees.
        const placed = sectionsOf(merge.document).flatMap((part) => clausesOf(part).map((item) => [item.attrs.clauseId, part.attrs.sectionId]));
        expect(merge.clauses.filter((outcome) => outcome.sectionId !== null).map((outcome) => [outcome.clauseId, outcome.sectionId]).sort()).toEqual(placed.sort());
      }),
      RUNS,
    );
  });

  it('always produces a valid document with unique ids, before and after resolving', () => {
    fc.assert(
      fc.property(threeWay, fc.array(fc.constantFrom('theirs', 'ours'), { maxLength: 30 }), (models, choices) => {
        const merge = mergeDocuments(docs(models));
        expectValidWithUniqueIds(merge.document);
        const resolutions = Object.fromEntries(merge.conflicts.map((conflict, index): [string, Resolution] => [conflict.id, { take: choices[index] ?? 'theirs' }]));
        expectValidWithUniqueIds(resolveConflicts(merge, resolutions));
      }),
      RUNS,
    );
  });

  it('resolving every conflict as ours keeps every clause of ours the template did not remove unchanged', () => {
    fc.assert(
      fc.property(threeWay, (models) => {
        const { base, theirs, ours } = docs(models);
        const merge = mergeDocuments({ base, theirs, ours });
        const resolved = resolveConflicts(merge, Object.fromEntries(merge.conflicts.map((conflict): [string, Resolution] => [conflict.id, { take: 'ours' }])));
        const removedByTheirs = new Set(merge.clauses.filter((outcome) => outcome.kind === 'removed-theirs').map((outcome) => outcome.clauseId));
        const held = new Set(clauseIds(resolved));
        for (const id of clauseIds(ours)) expect(held.has(id)).toBe(!removedByTheirs.has(id));
        expect(resolved).toEqual(merge.document);
      }),
      RUNS,
    );
  });
});

describe('carryForward properties', () => {
  /** A trust version, its next version, and a school's overrides against the first. */
  const variant = fc
    .record({
      trust: baseArb.filter((model) => model.some((part) => part.clauses.length > 0)),
      script: scriptArb,
      picks: fc.array(fc.record({ kind: fc.constantFrom('replace', 'omit', 'add-after'), at: fc.nat(), text: textArb }), { maxLength: 6 }),
    })
    .map(({ trust, script, picks }) => {
      const ids = trust.flatMap((part) => part.clauses.map(([id]) => id));
      const used = new Set<string>();
      const overrides: Override[] = [];
      picks.forEach((pick, index) => {
        const target = ids[pick.at % ids.length] as string;
        if (pick.kind === 'add-after') overrides.push({ kind: 'add-after', clauseId: target, clause: clause(`school${index}`, pick.text) });
        else if (!used.has(target)) {
          used.add(target);
          overrides.push(pick.kind === 'omit' ? { kind: 'omit', clauseId: target } : { kind: 'replace', clauseId: target, clause: clause(target, pick.text) });
        }
      });
      return { oldDoc: policy(trust), newDoc: policy(applyEdits(trust, script, 'n')), overrides };
    });

  it('never drops an override: each is carried or waits for reconfirmation, and what is carried applies to the new version', () => {
    fc.assert(
      fc.property(variant, ({ oldDoc, newDoc, overrides }) => {
        expect(validateOverrides(oldDoc, {}, overrides)).toEqual([]);
        const result = carryForward(oldDoc, newDoc, overrides);
        for (const override of overrides) {
          const added = override.kind === 'add-after' ? override.clause.attrs.clauseId : null;
          const same = (other: Override) => (added ? other.kind === 'add-after' && other.clause.attrs.clauseId === added : other.kind === override.kind && other.clauseId === override.clauseId);
          expect(result.overrides.some(same) || result.needsReconfirmation.some((entry) => same(entry.override))).toBe(true);
        }
        expect(validateOverrides(newDoc, {}, result.overrides)).toEqual([]);
        expectValidWithUniqueIds(applyOverrides(newDoc, result.overrides));
      }),
      RUNS,
    );
  });
});
