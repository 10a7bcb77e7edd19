import { describe, expect, it } from 'vitest';
import { bodyDraft, bodyInput, checkBody, checkRoute, moveRow, routeDraft, routeInput, type BodyDraft, type RouteDraft } from './governance-rules';

const far = (changes: Partial<BodyDraft> = {}): BodyDraft => ({
  id: null,
  name: 'Finance, Audit & Risk Committee',
  kind: 'COMMITTEE',
  schoolId: '',
  quorum: '2',
  members: [
    { key: 1, membershipId: 'm-charles', position: 'CHAIR' },
    { key: 2, membershipId: 'm-alex', position: 'CLERK' },
    { key: 3, membershipId: 'm-sam', position: 'MEMBER' },
  ],
  ...changes,
});

const route = (changes: Partial<RouteDraft> = {}): RouteDraft => ({
  id: 'route-1',
  name: 'Committee recommends, Trust Board ratifies',
  isDefault: false,
  authorMayApprove: false,
  minorChangeRole: 'ADMIN',
  localAdoption: 'NOTE',
  stages: [
    { key: 1, bodyId: 'far', action: 'APPROVE', appliesTo: 'ALL_CHANGES' },
    { key: 2, bodyId: 'board', action: 'RATIFY', appliesTo: 'MAJOR_CHANGES' },
  ],
  ...changes,
});

describe('a governance body', () => {
  it('is sent as the API takes it', () => {
    expect(checkBody(far(), { hasSchools: true, otherNames: ['Trust Board'] })).toEqual({ fields: {}, rows: {} });
    expect(bodyInput(far({ name: '  FAR  ' }))).toEqual({
      name: 'FAR',
      kind: 'COMMITTEE',
      quorum: 2,
      members: [
        { membershipId: 'm-charles', position: 'CHAIR' },
        { membershipId: 'm-alex', position: 'CLERK' },
        { membershipId: 'm-sam', position: 'MEMBER' },
      ],
    });
    expect(bodyInput(far({ id: 'b-1', quorum: '', kind: 'LOCAL_GOVERNING_BODY', schoolId: 's-1' }))).toMatchObject({ id: 'b-1', quorum: null, schoolId: 's-1' });
  });

  it('says what is wrong, by field and by member', () => {
    const members = [
      { key: 1, membershipId: 'm-charles', position: 'CHAIR' as const },
      { key: 2, membershipId: 'm-charles', position: 'CHAIR' as const },
      { key: 3, membershipId: '', position: 'MEMBER' as const },
    ];
    expect(checkBody(far({ name: 'trust board', kind: 'LOCAL_GOVERNING_BODY', quorum: '4', members }), { hasSchools: true, otherNames: ['Trust Board'] })).toEqual({
      fields: {
        name: 'There is already a body called “trust board”. Give this one another name.',
        schoolId: 'Choose the academy this local governing body governs.',
        members: 'A body has one chair: choose Member for the others.',
        quorum: 'A quorum of 4 needs at least 4 members on the body: it has 3.',
      },
      rows: { 2: 'This person is already on the body: remove this row.', 3: 'Choose a person, or remove this row.' },
    });
    expect(checkBody(far({ name: ' ', quorum: 'two' }), { hasSchools: false, otherNames: [] }).fields).toEqual({
      name: 'Enter the body’s name, for example Finance, Audit & Risk Committee.',
      quorum: 'Enter the quorum as a whole number, for example 3, or leave it empty.',
    });
  });

  it('starts from a saved body', () => {
    const draft = bodyDraft({ id: 'b-1', name: 'Trust Board', kind: 'BOARD', quorum: 2, school: null, members: [{ membershipId: 'm-1', position: 'CHAIR', person: { id: 'p-1', name: 'Beatrice Hale' } }] });
    expect(draft).toMatchObject({ id: 'b-1', name: 'Trust Board', kind: 'BOARD', quorum: '2', schoolId: '', members: [{ membershipId: 'm-1', position: 'CHAIR' }] });
  });
});

describe('an approval route', () => {
  it('is sent with its stages in order', () => {
    expect(checkRoute(route(), { otherNames: [] })).toEqual({ fields: {}, rows: {} });
    expect(routeInput(route({ minorChangeRole: '' }))).toEqual({
      id: 'route-1',
      name: 'Committee recommends, Trust Board ratifies',
      isDefault: false,
      authorMayApprove: false,
      minorChangeRole: null,
      localAdoption: 'NOTE',
      stages: [
        { bodyId: 'far', action: 'APPROVE', appliesTo: 'ALL_CHANGES' },
        { bodyId: 'board', action: 'RATIFY', appliesTo: 'MAJOR_CHANGES' },
      ],
    });
  });

  it('refuses a route that starts by ratifying, decides nothing minor, or names a body twice', () => {
    expect(checkRoute(route({ stages: [] }), { otherNames: [] }).fields.stages).toBe('Add at least one stage: the body that approves.');
    expect(checkRoute(route({ stages: moveRow(route().stages, 0, 1) }), { otherNames: [] }).fields.stages).toBe(
      'The first stage must approve: a body ratifies only what an earlier stage recommended.',
    );
    expect(checkRoute(route({ stages: [{ key: 1, bodyId: 'far', action: 'APPROVE', appliesTo: 'MAJOR_CHANGES' }] }), { otherNames: [] }).fields.stages).toBe(
      'At least one stage must decide every change, minor ones included.',
    );
    const twice = route({ stages: [...route().stages, { key: 3, bodyId: 'far', action: 'APPROVE', appliesTo: 'ALL_CHANGES' }] });
    expect(checkRoute(twice, { otherNames: [] }).rows).toEqual({ 3: 'This body is already a stage of the route: a body decides once.' });
  });

  it('starts from a saved route', () => {
    const draft = routeDraft({
      id: 'r-1',
      name: 'FAR approves',
      isDefault: true,
      authorMayApprove: true,
      minorChangeRole: null,
      localAdoption: 'ADOPT',
      stages: [{ position: 1, action: 'APPROVE', appliesTo: 'ALL_CHANGES', body: { id: 'far', name: 'FAR' } }],
    });
    expect(draft).toMatchObject({ id: 'r-1', isDefault: true, authorMayApprove: true, minorChangeRole: '', localAdoption: 'ADOPT', stages: [{ bodyId: 'far', action: 'APPROVE', appliesTo: 'ALL_CHANGES' }] });
  });
});

describe('moving a row', () => {
  it('swaps it with its neighbour, and stays put at either end', () => {
    expect(moveRow(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
