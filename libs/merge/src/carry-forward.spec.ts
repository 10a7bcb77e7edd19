import { carryForward } from './carry-forward';
import { applyOverrides, type Override } from './overrides';
import { clause, outlineOf, policy } from './testing/policies';
import { MODEL, MODEL_V1, reword, TEXT, without } from './testing/social-media';

const v1 = policy(MODEL_V1);

const replaceExamples: Override = { kind: 'replace', clauseId: 'c-examples', clause: clause('c-examples', 'At Willow this includes Class Dojo.') };
const omitBalance: Override = { kind: 'omit', clauseId: 'c-balance' };
const afterDistance: Override = { kind: 'add-after', clauseId: 'c-distance', clause: clause('w-phones', 'Staff keep personal phones in the staff room.') };
const afterMonitor: Override = { kind: 'add-after', clauseId: 'c-monitor', clause: clause('w-wifi', 'Willow also monitors its guest Wi-Fi.') };
const willow = [replaceExamples, omitBalance, afterDistance, afterMonitor];

describe('carryForward', () => {
  it('carries every override silently when the trust changed none of their clauses', () => {
    const v2 = policy([reword(MODEL.introduction, 'c-commit', TEXT.commit.replace('Governing Body', 'Trust')), MODEL.scope, MODEL.definition, MODEL.breaches]);
    expect(carryForward(v1, v2, willow)).toEqual({ overrides: willow, needsReconfirmation: [] });
  });

  it('keeps an override of a clause the trust changed, and flags it', () => {
    const v2 = policy([reword(MODEL.introduction, 'c-balance', `${TEXT.balance} This includes AI tools.`), MODEL.scope, reword(MODEL.definition, 'c-examples', `${TEXT.examples} New platforms appear every year.`), MODEL.breaches]);
    const result = carryForward(v1, v2, willow);
    expect(result.overrides).toEqual(willow);
    expect(result.needsReconfirmation).toEqual([
      { override: replaceExamples, reason: 'trust-changed-clause', carried: true },
      { override: omitBalance, reason: 'trust-changed-clause', carried: true },
    ]);
  });

  it('flags, and does not carry, an override of a clause the trust removed', () => {
    const v2 = policy([without(MODEL.introduction, 'c-balance'), MODEL.scope, MODEL.definition, MODEL.breaches]);
    const result = carryForward(v1, v2, willow);
    expect(result.overrides).toEqual([replaceExamples, afterDistance, afterMonitor]);
    expect(result.needsReconfirmation).toEqual([{ override: omitBalance, reason: 'trust-removed-clause', carried: false }]);
  });

  it('re-anchors a clause added after a removed clause to the previous surviving clause, and flags it', () => {
    const v2 = policy([without(MODEL.introduction, 'c-distance'), MODEL.scope, MODEL.definition, without(MODEL.breaches, 'c-monitor')]);
    const result = carryForward(v1, v2, willow);
    const phonesMoved = { ...afterDistance, clauseId: 'c-commit' };
    const wifiMoved = { ...afterMonitor, clauseId: 'c-serious' };
    expect(result.overrides).toEqual([replaceExamples, omitBalance, phonesMoved, wifiMoved]);
    expect(result.needsReconfirmation).toEqual([
      { override: phonesMoved, reason: 'trust-removed-clause', carried: true, previousAnchor: 'c-distance' },
      { override: wifiMoved, reason: 'trust-removed-clause', carried: true, previousAnchor: 'c-monitor' },
    ]);
    expect(outlineOf(applyOverrides(v2, result.overrides))[0]?.clauses.map(([id]) => id)).toEqual(['c-commit', 'w-phones']);
  });

  it('keeps the school’s added clauses in their old order when they land after the same clause', () => {
    const afterCommit: Override = { kind: 'add-after', clauseId: 'c-commit', clause: clause('w-first', 'Willow’s first addition.') };
    // Listed out of document order: the clause after c-distance first, then the one after c-commit.
    const v2 = policy([without(MODEL.introduction, 'c-distance'), MODEL.scope, MODEL.definition, MODEL.breaches]);
    const result = carryForward(v1, v2, [afterDistance, afterCommit]);
    expect(outlineOf(applyOverrides(v2, result.overrides))[0]?.clauses.map(([id]) => id)).toEqual(['c-commit', 'w-first', 'w-phones', 'c-balance']);
  });

  it('flags an added clause with nothing left before it to follow, rather than placing it anywhere', () => {
    const v2 = policy([without(MODEL.introduction, 'c-commit'), MODEL.scope, MODEL.definition, MODEL.breaches]);
    const afterCommit: Override = { kind: 'add-after', clauseId: 'c-commit', clause: clause('w-first', 'Willow’s first addition.') };
    expect(carryForward(v1, v2, [afterCommit])).toEqual({ overrides: [], needsReconfirmation: [{ override: afterCommit, reason: 'trust-removed-clause', carried: false }] });
  });

  it('flags a school clause the trust has adopted under the same id, instead of duplicating it', () => {
    const v2 = policy([MODEL.introduction, MODEL.scope, MODEL.definition, { ...MODEL.breaches, clauses: [...MODEL.breaches.clauses, ['w-wifi', 'The trust monitors guest Wi-Fi in every school.']] }]);
    const result = carryForward(v1, v2, willow);
    expect(result.overrides).toEqual([replaceExamples, omitBalance, afterDistance]);
    expect(result.needsReconfirmation).toEqual([{ override: afterMonitor, reason: 'trust-now-has-clause', carried: false }]);
  });
});
