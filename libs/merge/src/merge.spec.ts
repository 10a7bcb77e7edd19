import { validateDocument } from '@ratify/document';
import { mergeDocuments } from './merge';
import type { MergeResult } from './merge-types';
import { outlineOf, policy, section } from './testing/policies';
import { inserting, MODEL, MODEL_V1, reword, TEXT, without } from './testing/social-media';

const base = policy(MODEL_V1);

// The publisher's v2: two clauses reworded, one clause added.
const DISTANCE_V2 = `${TEXT.distance.slice(0, -1)}, including through messaging apps.`;
const MEDIA_V2 = `${TEXT.media} This includes online gaming platforms.`;
const AI = 'Generative AI tools that publish content on a member of staff’s behalf are covered by this policy.';
const templateV2 = [
  reword(MODEL.introduction, 'c-distance', DISTANCE_V2),
  MODEL.scope,
  inserting(reword(MODEL.definition, 'c-media', MEDIA_V2), 'c-media', ['c-ai', AI]),
  MODEL.breaches,
];
const theirs = policy(templateV2);

// Leaf Trust's adaptation: "Governing Body" → "Trust", and its own wording of the definition.
const COMMIT_LEAF = TEXT.commit.replace('Governing Body of the school', 'Trust');
const BALANCE_LEAF = TEXT.balance.replace('Governing Body', 'Trust');
const MEDIA_LEAF = TEXT.media.replace('share data in a public forum', 'share data in a public forum, including online sources and gaming');
const leaf = [
  reword(reword(MODEL.introduction, 'c-commit', COMMIT_LEAF), 'c-balance', BALANCE_LEAF),
  MODEL.scope,
  reword(MODEL.definition, 'c-media', MEDIA_LEAF),
  MODEL.breaches,
];
const ours = policy(leaf);

const kinds = (merge: MergeResult) => Object.fromEntries(merge.clauses.map((clause) => [clause.clauseId, clause.kind]));
const notUnchanged = (merge: MergeResult) => merge.clauses.filter((clause) => clause.kind !== 'unchanged').map((clause) => [clause.clauseId, clause.kind]);
const textOf = (merge: MergeResult, clauseId: string) => outlineOf(merge.document).flatMap((part) => part.clauses).find(([id]) => id === clauseId)?.[1];
const expectValid = (merge: MergeResult) => expect(validateDocument(merge.document)).toEqual({ ok: true, document: merge.document });

describe('mergeDocuments: a template update into a trust that changed nothing', () => {
  const merge = mergeDocuments({ base, theirs, ours: policy(MODEL_V1) });

  it('shows exactly the publisher’s three changes: two reworded clauses and one new clause', () => {
    expect(notUnchanged(merge)).toEqual([
      ['c-distance', 'took-theirs'],
      ['c-media', 'took-theirs'],
      ['c-ai', 'added-theirs'],
    ]);
    expect(merge.conflicts).toEqual([]);
    expect(merge.sections.map((part) => part.kind)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
  });

  it('produces the new template version itself', () => {
    expect(merge.document).toEqual(theirs);
    expectValid(merge);
  });
});

describe('mergeDocuments: a template update into Leaf Trust’s adapted copy', () => {
  const merge = mergeDocuments({ base, theirs, ours });

  it('updates a clause the trust never touched automatically', () => {
    expect(kinds(merge)['c-distance']).toBe('took-theirs');
    expect(textOf(merge, 'c-distance')).toBe(DISTANCE_V2);
  });

  it('keeps the trust’s own wording where the template did not change the clause', () => {
    expect(kinds(merge)).toMatchObject({ 'c-commit': 'kept-ours', 'c-balance': 'kept-ours' });
    expect(textOf(merge, 'c-commit')).toBe(COMMIT_LEAF);
  });

  it('makes a clause both changed differently a conflict, keeping the trust’s text in place meanwhile', () => {
    expect(kinds(merge)['c-media']).toBe('conflict');
    expect(merge.conflicts).toEqual([
      expect.objectContaining({
        id: 'clause:c-media',
        target: 'clause',
        kind: 'modify/modify',
        clauseId: 'c-media',
        sectionId: 's-definition',
        text: { base: TEXT.media, theirs: MEDIA_V2, ours: MEDIA_LEAF },
      }),
    ]);
    expect(merge.clauses.find((clause) => clause.clauseId === 'c-media')?.conflictId).toBe('clause:c-media');
    expect(outlineOf(merge.document)[2]).toEqual(
      section('s-definition', 'Definition', [
        ['c-media', MEDIA_LEAF],
        ['c-ai', AI],
        ['c-examples', TEXT.examples],
      ]),
    );
  });

  it('lists every clause once, in the merged document’s order', () => {
    expect(merge.clauses.map((clause) => clause.clauseId)).toEqual(['c-commit', 'c-distance', 'c-balance', 'c-applies', 'c-comply', 'c-media', 'c-ai', 'c-examples', 'c-serious', 'c-monitor']);
    expectValid(merge);
  });
});

describe('mergeDocuments: each outcome', () => {
  const merged = (theirsSpec: Parameters<typeof policy>[0], oursSpec: Parameters<typeof policy>[0]) => {
    const merge = mergeDocuments({ base, theirs: policy(theirsSpec), ours: policy(oursSpec) });
    expectValid(merge);
    return merge;
  };

  it('both-same: both sides made the identical change, taken once with no conflict', () => {
    const both = [reword(MODEL.introduction, 'c-commit', COMMIT_LEAF), MODEL.scope, MODEL.definition, MODEL.breaches];
    const merge = merged(both, both);
    expect(notUnchanged(merge)).toEqual([['c-commit', 'both-same']]);
    expect(merge.conflicts).toEqual([]);
    expect(textOf(merge, 'c-commit')).toBe(COMMIT_LEAF);
  });

  it('added-theirs: goes after its nearest preceding clause the trust still has, else at the section start', () => {
    const merge = merged(
      [MODEL.introduction, inserting(inserting(MODEL.scope, 'c-comply', ['c-new-late', 'Contractors are covered too.']), null, ['c-new-first', 'This policy is statutory.']), MODEL.definition, MODEL.breaches],
      // The trust removed c-comply, so the clause that followed it now follows c-applies.
      [MODEL.introduction, without(MODEL.scope, 'c-comply'), MODEL.definition, MODEL.breaches],
    );
    expect(outlineOf(merge.document)[1]?.clauses.map(([id]) => id)).toEqual(['c-new-first', 'c-applies', 'c-new-late']);
    expect(kinds(merge)).toMatchObject({ 'c-new-first': 'added-theirs', 'c-new-late': 'added-theirs', 'c-comply': 'removed-ours' });
  });

  it('added-theirs: a new section goes after its preceding section, with its clauses', () => {
    const aims = section('s-aims', 'Aims', [['c-aims', 'The policy aims to:\n- Enable staff to use social networking sites safely\n- Safeguard staff']]);
    const merge = merged([MODEL.introduction, MODEL.scope, aims, MODEL.definition, MODEL.breaches], [MODEL.introduction, MODEL.definition, MODEL.scope, MODEL.breaches]);
    expect(outlineOf(merge.document).map((part) => part.id)).toEqual(['s-intro', 's-definition', 's-scope', 's-aims', 's-breaches']);
    expect(merge.sections.find((part) => part.sectionId === 's-aims')).toMatchObject({ kind: 'added-theirs', present: true });
    expect(kinds(merge)['c-aims']).toBe('added-theirs');
  });

  it('added-ours: the trust’s own clause stays where the trust put it', () => {
    const merge = merged(MODEL_V1, [inserting(MODEL.introduction, 'c-commit', ['c-leaf', 'Leaf Trust adds this.']), MODEL.scope, MODEL.definition, MODEL.breaches]);
    expect(notUnchanged(merge)).toEqual([['c-leaf', 'added-ours']]);
    expect(outlineOf(merge.document)[0]?.clauses.map(([id]) => id)).toEqual(['c-commit', 'c-leaf', 'c-distance', 'c-balance']);
  });

  it('removed-theirs: a clause the template removed and the trust never changed goes, and is recorded', () => {
    const merge = merged([MODEL.introduction, MODEL.scope, MODEL.definition, without(MODEL.breaches, 'c-monitor')], MODEL_V1);
    expect(notUnchanged(merge)).toEqual([['c-monitor', 'removed-theirs']]);
    expect(merge.clauses.find((clause) => clause.clauseId === 'c-monitor')).toMatchObject({ sectionId: null, conflictId: null });
    expect(textOf(merge, 'c-monitor')).toBeUndefined();
  });

  it('removed-theirs-but-changed-ours: kept, and a delete/modify conflict', () => {
    const monitorLeaf = TEXT.monitor.replace('his/her', 'their');
    const merge = merged([MODEL.introduction, MODEL.scope, MODEL.definition, without(MODEL.breaches, 'c-monitor')], [MODEL.introduction, MODEL.scope, MODEL.definition, reword(MODEL.breaches, 'c-monitor', monitorLeaf)]);
    expect(notUnchanged(merge)).toEqual([['c-monitor', 'removed-theirs-but-changed-ours']]);
    expect(textOf(merge, 'c-monitor')).toBe(monitorLeaf);
    expect(merge.conflicts).toEqual([expect.objectContaining({ id: 'clause:c-monitor', kind: 'delete/modify', theirs: null, text: { base: TEXT.monitor, theirs: null, ours: monitorLeaf } })]);
  });

  it('removed-ours: stays removed; a modify/delete conflict only if the template changed it meanwhile', () => {
    const trustRemoved = [MODEL.introduction, MODEL.scope, MODEL.definition, without(MODEL.breaches, 'c-monitor')];
    const quiet = merged(MODEL_V1, trustRemoved);
    expect(notUnchanged(quiet)).toEqual([['c-monitor', 'removed-ours']]);
    expect(quiet.conflicts).toEqual([]);

    const monitorV2 = `${TEXT.monitor} Monitoring follows the Data Protection Act 2018.`;
    const contested = merged([MODEL.introduction, MODEL.scope, MODEL.definition, reword(MODEL.breaches, 'c-monitor', monitorV2)], trustRemoved);
    expect(contested.clauses.find((clause) => clause.clauseId === 'c-monitor')).toMatchObject({ kind: 'removed-ours', conflictId: 'clause:c-monitor', sectionId: null });
    expect(contested.conflicts).toEqual([expect.objectContaining({ kind: 'modify/delete', ours: null, text: { base: TEXT.monitor, theirs: monitorV2, ours: null } })]);
    expect(textOf(contested, 'c-monitor')).toBeUndefined();
  });

  it('removed-both: recorded though neither side has it', () => {
    const gone = [MODEL.introduction, MODEL.scope, MODEL.definition, without(MODEL.breaches, 'c-monitor')];
    expect(notUnchanged(merged(gone, gone))).toEqual([['c-monitor', 'removed-both']]);
  });

  it('add/add: both sides added the same id with different text, a conflict keeping ours', () => {
    const merge = merged(
      [inserting(MODEL.introduction, 'c-balance', ['c-shared', 'Template wording.']), MODEL.scope, MODEL.definition, MODEL.breaches],
      [inserting(MODEL.introduction, 'c-balance', ['c-shared', 'Trust wording.']), MODEL.scope, MODEL.definition, MODEL.breaches],
    );
    expect(merge.conflicts).toEqual([expect.objectContaining({ id: 'clause:c-shared', kind: 'add/add', base: null })]);
    expect(textOf(merge, 'c-shared')).toBe('Trust wording.');
  });

  it('added-theirs-to-removed-section: a new template clause in a section the trust deleted waits for the trust', () => {
    const merge = merged(
      [MODEL.introduction, MODEL.scope, MODEL.definition, inserting(MODEL.breaches, 'c-monitor', ['c-report', 'Breaches are reported to the board.'])],
      [MODEL.introduction, MODEL.scope, MODEL.definition],
    );
    expect(merge.clauses.find((clause) => clause.clauseId === 'c-report')).toMatchObject({ kind: 'added-theirs-to-removed-section', conflictId: 'clause:c-report', sectionId: null });
    expect(merge.conflicts).toEqual([expect.objectContaining({ kind: 'add/delete', sectionId: 's-breaches', ours: null })]);
    expect(merge.sections.find((part) => part.sectionId === 's-breaches')).toMatchObject({ kind: 'removed-ours', present: false });
    expect(outlineOf(merge.document).map((part) => part.id)).toEqual(['s-intro', 's-scope', 's-definition']);
  });
});

describe('mergeDocuments: sections', () => {
  it('merges headings like clauses: taken, kept, or a conflict', () => {
    const merge = mergeDocuments({
      base,
      theirs: policy([{ ...MODEL.introduction, heading: 'Purpose' }, { ...MODEL.scope, heading: 'Who this policy covers' }, MODEL.definition, MODEL.breaches]),
      ours: policy([MODEL.introduction, { ...MODEL.scope, heading: 'Scope of this policy' }, { ...MODEL.definition, heading: 'Definitions' }, MODEL.breaches]),
    });
    expect(merge.sections.map((part) => [part.sectionId, part.kind])).toEqual([
      ['s-intro', 'took-theirs'],
      ['s-scope', 'conflict'],
      ['s-definition', 'kept-ours'],
      ['s-breaches', 'unchanged'],
    ]);
    expect(outlineOf(merge.document).map((part) => part.heading)).toEqual(['Purpose', 'Scope of this policy', 'Definitions', 'Breaches of the Policy']);
    expect(merge.conflicts).toEqual([
      expect.objectContaining({ id: 'heading:s-scope', target: 'heading', kind: 'modify/modify', text: { base: 'Scope', theirs: 'Who this policy covers', ours: 'Scope of this policy' } }),
    ]);
  });

  it('removes a section the template removed, unless it still holds the trust’s clauses', () => {
    const monitorLeaf = TEXT.monitor.replace('his/her', 'their');
    const merge = mergeDocuments({
      base,
      theirs: policy([MODEL.introduction, MODEL.scope, MODEL.breaches]),
      ours: policy([MODEL.introduction, MODEL.scope, inserting(MODEL.definition, 'c-examples', ['c-leaf', 'Leaf adds a definition.']), reword(MODEL.breaches, 'c-monitor', monitorLeaf)]),
    });
    const definition = merge.sections.find((part) => part.sectionId === 's-definition');
    expect(definition).toMatchObject({ kind: 'removed-theirs', present: true, conflictId: null });
    expect(outlineOf(merge.document)[2]).toEqual(section('s-definition', 'Definition', [['c-leaf', 'Leaf adds a definition.']]));
    expect(kinds(merge)).toMatchObject({ 'c-media': 'removed-theirs', 'c-examples': 'removed-theirs', 'c-leaf': 'added-ours', 'c-monitor': 'kept-ours' });
  });

  it('a section the template removed while the trust renamed it is a delete/modify conflict, kept meanwhile', () => {
    const merge = mergeDocuments({ base, theirs: policy([MODEL.introduction, MODEL.scope, MODEL.breaches]), ours: policy([MODEL.introduction, MODEL.scope, { ...without(MODEL.definition, 'c-media', 'c-examples'), heading: 'Definitions' }, MODEL.breaches]) });
    expect(merge.sections.find((part) => part.sectionId === 's-definition')).toMatchObject({ kind: 'removed-theirs-but-changed-ours', conflictId: 'heading:s-definition', present: true });
    expect(merge.conflicts.map((conflict) => [conflict.id, conflict.kind])).toEqual([['heading:s-definition', 'delete/modify']]);
  });

  it('keeps at least one section when the two sides removed every section between them', () => {
    const merge = mergeDocuments({ base: policy([MODEL.introduction, MODEL.scope]), theirs: policy([MODEL.introduction]), ours: policy([MODEL.scope]) });
    expect(merge.sections.map((part) => [part.sectionId, part.kind, part.present])).toEqual([
      ['s-intro', 'removed-ours', false],
      ['s-scope', 'removed-theirs', true],
    ]);
    expect(outlineOf(merge.document)).toEqual([section('s-scope', 'Scope', [])]);
    expectValid(merge);
  });
});

describe('mergeDocuments: positions', () => {
  it('applies a move the template made when the trust did not move the clause', () => {
    const merge = mergeDocuments({
      base,
      theirs: policy([MODEL.introduction, MODEL.scope, without(MODEL.definition, 'c-examples'), inserting(MODEL.breaches, null, ['c-examples', TEXT.examples])]),
      ours: policy([reword(MODEL.introduction, 'c-commit', COMMIT_LEAF), MODEL.scope, MODEL.definition, MODEL.breaches]),
    });
    expect(merge.clauses.find((clause) => clause.clauseId === 'c-examples')).toMatchObject({ kind: 'unchanged', movedBy: 'theirs', sectionId: 's-breaches' });
    expect(outlineOf(merge.document)[3]?.clauses.map(([id]) => id)).toEqual(['c-examples', 'c-serious', 'c-monitor']);
  });

  it('keeps the trust’s place for a clause both sides moved', () => {
    const merge = mergeDocuments({
      base,
      theirs: policy([MODEL.introduction, MODEL.scope, without(MODEL.definition, 'c-examples'), inserting(MODEL.breaches, null, ['c-examples', TEXT.examples])]),
      ours: policy([inserting(MODEL.introduction, 'c-balance', ['c-examples', TEXT.examples]), MODEL.scope, without(MODEL.definition, 'c-examples'), MODEL.breaches]),
    });
    expect(merge.clauses.find((clause) => clause.clauseId === 'c-examples')).toMatchObject({ movedBy: 'both', sectionId: 's-intro' });
  });
});

describe('mergeDocuments: refusals', () => {
  it('refuses an id used as a section in one version and a clause in another', () => {
    const clash = policy([MODEL.introduction, MODEL.scope, MODEL.definition, section('c-serious', 'Breaches', [['c-monitor', TEXT.monitor]])]);
    expect(() => mergeDocuments({ base, theirs: clash, ours: base })).toThrow(expect.objectContaining({ name: 'MergeError', code: 'DUPLICATE_ID' }));
  });

  it('does not change its inputs, and shares no objects with them', () => {
    const snapshot = JSON.stringify([base, theirs, ours]);
    const merge = mergeDocuments({ base, theirs, ours });
    (merge.document.content[0]?.content[0] as { content?: unknown[] }).content = [];
    for (const conflict of merge.conflicts) (conflict.ours as { content?: unknown[] } | null)?.content?.splice(0);
    for (const planned of merge.plan.clauses) planned.clause?.content.splice(0);
    expect(JSON.stringify([base, theirs, ours])).toBe(snapshot);
  });
});
