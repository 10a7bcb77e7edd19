import { validateDocument } from '@ratify/document';
import { applyOverrides, divergence, lockLevel, validateOverrides, type ClauseLocks, type Override } from './overrides';
import { clause, outlineOf, policy, section } from './testing/policies';
import { MODEL, MODEL_V1, TEXT } from './testing/social-media';

// Leaf Trust's policy; Willow Primary adapts it.
const trust = policy(MODEL_V1);
const locks: ClauseLocks = { 'c-applies': 'locked', 'c-monitor': 'locked', 'c-examples': 'school-specific' };

const WILLOW_EXAMPLES = 'At Willow Primary this includes the school’s Class Dojo and its X account.';
const WILLOW_PHONES = 'Staff keep personal phones in the staff room during lessons.';
const willow: Override[] = [
  { kind: 'replace', clauseId: 'c-examples', clause: clause('c-examples', WILLOW_EXAMPLES) },
  { kind: 'omit', clauseId: 'c-balance' },
  { kind: 'add-after', clauseId: 'c-distance', clause: clause('w-phones', WILLOW_PHONES) },
];

const problemCodes = (overrides: Override[], withLocks: ClauseLocks = locks) => validateOverrides(trust, withLocks, overrides).map((problem) => [problem.code, problem.index, problem.clauseId]);

describe('validateOverrides', () => {
  it('accepts a school’s replace, omit and add-after of editable clauses', () => {
    expect(validateOverrides(trust, locks, willow)).toEqual([]);
  });

  it('treats a clause with no lock as editable, an unknown level as locked, and ignores inherited keys', () => {
    expect(lockLevel(locks, 'c-commit')).toBe('editable');
    expect(lockLevel(locks, 'c-applies')).toBe('locked');
    expect(lockLevel(locks, 'constructor')).toBe('editable');
    expect(lockLevel({ 'c-commit': 'LOCKED' as never }, 'c-commit')).toBe('locked');
  });

  it('refuses replacing or omitting a locked clause, but allows adding after one', () => {
    expect(
      problemCodes([
        { kind: 'replace', clauseId: 'c-applies', clause: clause('c-applies', 'Only teachers.') },
        { kind: 'omit', clauseId: 'c-monitor' },
        { kind: 'add-after', clauseId: 'c-monitor', clause: clause('w-extra', 'Willow also monitors its Wi-Fi.') },
      ]),
    ).toEqual([
      ['LOCKED_CLAUSE', 0, 'c-applies'],
      ['LOCKED_CLAUSE', 1, 'c-monitor'],
    ]);
  });

  it('refuses overrides of clauses the trust’s document does not have', () => {
    expect(
      problemCodes([
        { kind: 'omit', clauseId: 'c-gone' },
        { kind: 'replace', clauseId: 'c-gone-too', clause: clause('c-gone-too', 'Text.') },
        { kind: 'add-after', clauseId: 'c-nowhere', clause: clause('w-new', 'Text.') },
      ]),
    ).toEqual([
      ['UNKNOWN_CLAUSE', 0, 'c-gone'],
      ['UNKNOWN_CLAUSE', 1, 'c-gone-too'],
      ['UNKNOWN_ANCHOR', 2, 'c-nowhere'],
    ]);
  });

  it('refuses an added clause whose id is already in the policy, and a replacement with another id', () => {
    expect(
      problemCodes([
        { kind: 'add-after', clauseId: 'c-commit', clause: clause('c-serious', 'A copy of a trust clause.') },
        { kind: 'add-after', clauseId: 'c-commit', clause: clause('s-scope', 'An id a section has.') },
        { kind: 'add-after', clauseId: 'c-commit', clause: clause('w-twice', 'First.') },
        { kind: 'add-after', clauseId: 'c-distance', clause: clause('w-twice', 'Second.') },
        { kind: 'replace', clauseId: 'c-commit', clause: clause('w-other', 'Replacement.') },
      ]),
    ).toEqual([
      ['ADDED_ID_TAKEN', 0, 'c-serious'],
      ['ADDED_ID_TAKEN', 1, 's-scope'],
      ['ADDED_ID_TAKEN', 3, 'w-twice'],
      ['REPLACEMENT_ID_DIFFERS', 4, 'c-commit'],
    ]);
  });

  it('refuses a clause overridden twice, content that is not a valid clause, and unknown kinds', () => {
    const hostile = { ...clause('w-bad', 'x'), content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] };
    expect(
      problemCodes([
        { kind: 'omit', clauseId: 'c-commit' },
        { kind: 'replace', clauseId: 'c-commit', clause: clause('c-commit', 'Text.') },
        { kind: 'add-after', clauseId: 'c-commit', clause: hostile as never },
        { kind: 'rewrite', clauseId: 'c-commit' } as never,
      ]),
    ).toEqual([
      ['DUPLICATE_OVERRIDE', 1, 'c-commit'],
      ['INVALID_CLAUSE', 2, 'c-commit'],
      ['INVALID_OVERRIDE', 3, 'c-commit'],
    ]);
  });

  it('gives each problem a message a person can act on', () => {
    const [problem] = validateOverrides(trust, locks, [{ kind: 'omit', clauseId: 'c-applies' }]);
    expect(problem?.message).toBe('The trust has locked clause "c-applies"; schools cannot omit it.');
  });
});

describe('applyOverrides', () => {
  it('builds the school’s policy: replaced in place, omitted left out, added after its clause', () => {
    const school = applyOverrides(trust, willow);
    expect(outlineOf(school).slice(0, 3)).toEqual([
      section('s-intro', 'Introduction', [
        ['c-commit', TEXT.commit],
        ['c-distance', TEXT.distance],
        ['w-phones', WILLOW_PHONES],
      ]),
      MODEL.scope,
      section('s-definition', 'Definition', [
        ['c-media', TEXT.media],
        ['c-examples', WILLOW_EXAMPLES],
      ]),
    ]);
    expect(validateDocument(school)).toEqual({ ok: true, document: school });
  });

  it('keeps several added clauses in list order, including after an omitted clause', () => {
    const school = applyOverrides(trust, [
      { kind: 'omit', clauseId: 'c-serious' },
      { kind: 'add-after', clauseId: 'c-serious', clause: clause('w-first', 'First.') },
      { kind: 'add-after', clauseId: 'c-serious', clause: clause('w-second', 'Second.') },
    ]);
    expect(outlineOf(school)[3]?.clauses.map(([id]) => id)).toEqual(['w-first', 'w-second', 'c-monitor']);
  });

  it('returns the trust’s document unchanged (as a copy) with no overrides', () => {
    const school = applyOverrides(trust, []);
    expect(school).toEqual(trust);
    expect(school).not.toBe(trust);
  });

  it('refuses overrides that cannot apply, rather than skipping them', () => {
    expect(() => applyOverrides(trust, [{ kind: 'omit', clauseId: 'c-gone' }])).toThrow(expect.objectContaining({ name: 'MergeError', code: 'INVALID_OVERRIDES' }));
    expect(() => applyOverrides(trust, [{ kind: 'add-after', clauseId: 'c-commit', clause: clause('c-monitor', 'Duplicate id.') }])).toThrow(/already used/);
  });
});

describe('divergence', () => {
  it('counts what the school changed, omitted and added', () => {
    expect(divergence(trust, willow)).toEqual({ trustClauses: 9, keptAsIs: 7, changed: ['c-examples'], omitted: ['c-balance'], added: ['w-phones'] });
  });

  it('does not count a replacement identical to the trust’s text as a change', () => {
    expect(divergence(trust, [{ kind: 'replace', clauseId: 'c-commit', clause: clause('c-commit', TEXT.commit) }])).toMatchObject({ changed: [], keptAsIs: 9 });
  });

  it('ignores overrides of clauses the trust’s document does not have', () => {
    expect(divergence(trust, [{ kind: 'omit', clauseId: 'c-gone' }])).toEqual({ trustClauses: 9, keptAsIs: 9, changed: [], omitted: [], added: [] });
  });
});
