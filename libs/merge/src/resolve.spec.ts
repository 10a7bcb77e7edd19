import { validateDocument } from '@ratify/document';
import { mergeDocuments } from './merge';
import type { Resolution } from './merge-types';
import { resolveConflicts } from './resolve';
import { clause, outlineOf, policy, section } from './testing/policies';
import { inserting, MODEL, MODEL_V1, reword, TEXT, without } from './testing/social-media';

const base = policy(MODEL_V1);

// The template: rewords c-media and c-monitor, removes c-examples, renames Scope.
const MEDIA_V2 = `${TEXT.media} This includes online gaming platforms.`;
const MONITOR_V2 = `${TEXT.monitor} Monitoring follows the Data Protection Act 2018.`;
const theirs = policy([
  MODEL.introduction,
  { ...MODEL.scope, heading: 'Who this policy covers' },
  without(reword(MODEL.definition, 'c-media', MEDIA_V2), 'c-examples'),
  reword(MODEL.breaches, 'c-monitor', MONITOR_V2),
]);

// The trust: its own c-media and c-examples wording, Scope renamed its own way, c-monitor deleted.
const MEDIA_LEAF = TEXT.media.replace('share data in a public forum', 'share data in a public forum, including online sources and gaming');
const EXAMPLES_LEAF = TEXT.examples.replace('constantly changing area', 'area that changes quickly');
const ours = policy([
  MODEL.introduction,
  { ...MODEL.scope, heading: 'Scope of this policy' },
  reword(reword(MODEL.definition, 'c-media', MEDIA_LEAF), 'c-examples', EXAMPLES_LEAF),
  without(MODEL.breaches, 'c-monitor'),
]);

const merge = mergeDocuments({ base, theirs, ours });

describe('resolveConflicts', () => {
  it('starts from four conflicts, one of each kind the trust must decide', () => {
    expect(merge.conflicts.map((conflict) => [conflict.id, conflict.kind])).toEqual([
      ['heading:s-scope', 'modify/modify'],
      ['clause:c-media', 'modify/modify'],
      ['clause:c-examples', 'delete/modify'],
      ['clause:c-monitor', 'modify/delete'],
    ]);
  });

  it('builds the final draft from the decisions: edited, theirs (a deletion and a reinstatement) and ours', () => {
    const mediaAgreed = `${MEDIA_LEAF} This includes online gaming platforms.`;
    const document = resolveConflicts(merge, {
      'heading:s-scope': { take: 'ours' },
      'clause:c-media': { edited: clause('c-media', mediaAgreed) },
      'clause:c-examples': { take: 'theirs' },
      'clause:c-monitor': { take: 'theirs' },
    });
    expect(outlineOf(document)).toEqual([
      section('s-intro', 'Introduction', MODEL.introduction.clauses),
      section('s-scope', 'Scope of this policy', MODEL.scope.clauses),
      section('s-definition', 'Definition', [['c-media', mediaAgreed]]),
      // The template's reworded clause comes back where the template has it.
      section('s-breaches', 'Breaches of the Policy', [
        ['c-serious', TEXT.serious],
        ['c-monitor', MONITOR_V2],
      ]),
    ]);
    expect(validateDocument(document)).toEqual({ ok: true, document });
  });

  it('resolving every conflict as ours gives the merged draft', () => {
    const allOurs = Object.fromEntries(merge.conflicts.map((conflict): [string, Resolution] => [conflict.id, { take: 'ours' }]));
    expect(resolveConflicts(merge, allOurs)).toEqual(merge.document);
  });

  it('resolving every conflict as theirs gives the template’s text for each', () => {
    const allTheirs = Object.fromEntries(merge.conflicts.map((conflict): [string, Resolution] => [conflict.id, { take: 'theirs' }]));
    const document = resolveConflicts(merge, allTheirs);
    expect(outlineOf(document).map((part) => part.heading)).toEqual(['Introduction', 'Who this policy covers', 'Definition', 'Breaches of the Policy']);
    expect(outlineOf(document)[2]?.clauses).toEqual([['c-media', MEDIA_V2]]);
  });

  it('accepts an edited heading', () => {
    const document = resolveConflicts(merge, {
      'heading:s-scope': { edited: { type: 'sectionHeading', content: [{ type: 'text', text: 'Who this policy applies to' }] } },
      'clause:c-media': { take: 'ours' },
      'clause:c-examples': { take: 'ours' },
      'clause:c-monitor': { take: 'ours' },
    });
    expect(outlineOf(document)[1]?.heading).toBe('Who this policy applies to');
  });

  it('does not change the merge it resolves', () => {
    const before = JSON.stringify(merge);
    resolveConflicts(merge, { 'heading:s-scope': { take: 'theirs' }, 'clause:c-media': { take: 'theirs' }, 'clause:c-examples': { take: 'theirs' }, 'clause:c-monitor': { take: 'theirs' } });
    expect(JSON.stringify(merge)).toBe(before);
  });

  it('brings back a section the trust deleted when the trust takes the template’s new clause in it', () => {
    const withReport = policy([MODEL.introduction, MODEL.scope, MODEL.definition, inserting(MODEL.breaches, 'c-monitor', ['c-report', 'Breaches are reported to the board.'])]);
    const noBreaches = policy([MODEL.introduction, MODEL.scope, MODEL.definition]);
    const added = mergeDocuments({ base, theirs: withReport, ours: noBreaches });
    expect(outlineOf(resolveConflicts(added, { 'clause:c-report': { take: 'theirs' } })).at(-1)).toEqual(section('s-breaches', 'Breaches of the Policy', [['c-report', 'Breaches are reported to the board.']]));
    expect(outlineOf(resolveConflicts(added, { 'clause:c-report': { take: 'ours' } })).map((part) => part.id)).toEqual(['s-intro', 's-scope', 's-definition']);
  });

  describe('refuses', () => {
    const complete: Record<string, Resolution> = {
      'heading:s-scope': { take: 'ours' },
      'clause:c-media': { take: 'ours' },
      'clause:c-examples': { take: 'ours' },
      'clause:c-monitor': { take: 'ours' },
    };

    it.each([
      ['an unknown conflict id', { ...complete, 'clause:c-nowhere': { take: 'ours' } }, 'UNKNOWN_CONFLICT', 'clause:c-nowhere'],
      ['a prototype-polluting key', JSON.parse(`{"__proto__": {"take": "ours"}, ${JSON.stringify(complete).slice(1)}`), 'UNKNOWN_CONFLICT', '__proto__'],
      ['a missing resolution', { 'heading:s-scope': { take: 'ours' }, 'clause:c-media': { take: 'ours' }, 'clause:c-examples': { take: 'ours' } }, 'MISSING_RESOLUTION', 'clause:c-monitor'],
      ['an edited clause with another clause’s id', { ...complete, 'clause:c-media': { edited: clause('c-examples', 'Text.') } }, 'CLAUSE_ID_MISMATCH', 'clause:c-media'],
      ['an edited clause that is not valid content', { ...complete, 'clause:c-media': { edited: { ...clause('c-media', 'x'), content: [{ type: 'script', text: 'alert(1)' }] } } }, 'INVALID_RESOLUTION', 'clause:c-media'],
      ['a heading given for a clause conflict', { ...complete, 'clause:c-media': { edited: { type: 'sectionHeading', content: [] } } }, 'INVALID_RESOLUTION', 'clause:c-media'],
      ['a clause given for a heading conflict', { ...complete, 'heading:s-scope': { edited: clause('c-x', 'Text.') } }, 'INVALID_RESOLUTION', 'heading:s-scope'],
      ['a resolution that is neither take nor edited', { ...complete, 'clause:c-media': { take: 'both' } }, 'INVALID_RESOLUTION', 'clause:c-media'],
    ])('%s', (_name, resolutions, code, conflictId) => {
      expect(() => resolveConflicts(merge, resolutions as Record<string, Resolution>)).toThrow(expect.objectContaining({ name: 'MergeError', code, conflictId }));
    });
  });
});
