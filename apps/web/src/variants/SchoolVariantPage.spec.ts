import { enableAutoUnmount, flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SchoolVariantFieldsFragment, SchoolVariantPageQuery, ViewerFieldsFragment } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi, type GraphQLAnswer } from '../test/fake-api';
import { aPolicyDetail, aPolicyDocument } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';
import type { Override } from './override-editing';

enableAutoUnmount(afterEach);

const WILLOW = { id: 's-willow', name: 'Willow Primary Academy', slug: 'willow-primary' };
const ROWAN = { id: 's-rowan', name: 'Rowan Primary Academy', slug: 'rowan-primary' };
const TRUST_TEXT = aPolicyDocument([
  ['c1', 'Staff must follow the law.'],
  ['c2', 'Staff keep a professional distance.'],
  ['c3', 'Report concerns to the head.'],
]);
const NONE = { changed: [], omitted: [], added: [], keptAsIs: 3, trustClauses: 3 };

function aVariant(overrides: Partial<SchoolVariantFieldsFragment> = {}): SchoolVariantFieldsFragment {
  return {
    policyId: 'policy-7',
    schoolId: WILLOW.id,
    basedOnVersionId: null,
    overrides: [],
    divergence: NONE,
    needsReconfirmation: [],
    html: '<div class="clause"><p>The school copy as saved.</p></div>',
    ...overrides,
  };
}

function aPage(variant = aVariant()): SchoolVariantPageQuery {
  return {
    policy: {
      id: 'policy-7',
      title: 'Social Media Policy',
      numbering: 'UNNUMBERED',
      currentVersion: { id: 'v-3', number: '1.0', status: 'APPROVED', html: '<div class="clause"><p>The trust text.</p></div>', content: TRUST_TEXT as unknown as Record<string, unknown> },
    },
    clauseLocks: [{ clauseId: 'c1', level: 'locked' }],
    schoolVariant: variant,
  };
}

interface Handlers {
  viewer?: ViewerFieldsFragment;
  page?: () => GraphQLAnswer;
  save?: (variables: Record<string, unknown>) => GraphQLAnswer;
  locks?: (variables: Record<string, unknown>) => GraphQLAnswer;
}

function variantApi({ viewer = aViewer(), page, save, locks }: Handlers = {}) {
  return installFakeApi({
    Me: () => ({ data: { me: viewer } }),
    Schools: () => ({ data: { schools: [ROWAN, WILLOW] } }),
    SchoolVariantPage: page ?? (() => ({ data: aPage() })),
    SaveSchoolVariant:
      save ??
      (({ input }) => {
        const sent = (input as { overrides: Override[] }).overrides;
        return { data: { saveSchoolVariant: aVariant({ overrides: sent as unknown as Record<string, unknown>[], divergence: { ...NONE, omitted: ['c2'], changed: ['c3'], keptAsIs: 1 }, html: '<div class="clause"><p>Our own words.</p></div>' }) } };
      }),
    SetClauseLocks: locks ?? (({ input }) => ({ data: { setClauseLocks: (input as { locks: unknown[] }).locks } })),
  });
}

const open = () => renderApp('/policies/policy-7/schools/s-willow');

function clause(wrapper: VueWrapper, place: string): DOMWrapper<Element> {
  const found = wrapper.findAll('.variant-clause').find((candidate) => candidate.get('h4').text() === place);
  if (!found) throw new Error(`No clause "${place}"`);
  return found;
}

const buttonsOf = (element: DOMWrapper<Element>) => element.findAll('button').map((button) => button.text().replace(/\s+/g, ' '));

describe('school copy page', () => {
  it('shows how the copy differs, and the trust’s text and the school’s copy side by side, labelled', async () => {
    variantApi({ page: () => ({ data: aPage(aVariant({ divergence: { ...NONE, changed: ['c2', 'c3'], omitted: ['c1'], added: ['x'], keptAsIs: 0 } })) }) });
    const { wrapper } = await open();

    expect(wrapper.get('h1').text()).toBe('Willow Primary Academy’s copy');
    expect(document.title).toBe('Willow Primary Academy’s copy – Social Media Policy – Ratify');
    expect(wrapper.get('.variant-summary__text').text()).toBe('2 clauses changed, 1 omitted, 1 added');
    const sides = wrapper.get('.side-by-side').findAll('section');
    expect(sides.map((side) => side.get('h3').text())).toEqual(['The trust’s text', 'Willow Primary Academy’s copy']);
    expect(sides[0]!.get('article').text()).toBe('The trust text.');
    expect(sides[1]!.get('article').attributes('aria-label')).toBe('Willow Primary Academy’s copy of Social Media Policy');
    expect(sides[1]!.get('article').text()).toBe('The school copy as saved.');
  });

  it('offers a locked clause no override, and says why', async () => {
    variantApi();
    const { wrapper } = await open();

    const locked = clause(wrapper, 'Introduction, clause 1');
    expect(locked.text()).toContain('The trust has locked this clause, so schools cannot change or leave it out.');
    expect(buttonsOf(locked)).toEqual(['Add a clause after Introduction, clause 1']);
    expect(buttonsOf(clause(wrapper, 'Introduction, clause 2'))).toEqual([
      'Replace text of Introduction, clause 2',
      'Omit Introduction, clause 2',
      'Add a clause after Introduction, clause 2',
    ]);
  });

  it('omits one clause and replaces another, then saves exactly those overrides and shows the new summary', async () => {
    const api = variantApi();
    const { wrapper } = await open();

    await buttonByText(wrapper, 'Omit Introduction, clause 2').trigger('click');
    expect(clause(wrapper, 'Introduction, clause 2').text()).toContain('Left out of Willow Primary Academy’s copy.');
    await buttonByText(wrapper, 'Replace text of Introduction, clause 3').trigger('click');
    const field = fieldByLabel(wrapper, 'New text for Introduction, clause 3');
    expect(field.element.value).toBe('Report concerns to the head.');
    expect(document.activeElement).toBe(field.element);
    await field.setValue('Report concerns to {{school.dslName}}.');
    await buttonByText(wrapper, 'Use this text').trigger('click');
    expect(wrapper.get('.variant-actions__status').text()).toBe('You have changes that are not saved yet.');
    expect(api.callsOf('SaveSchoolVariant')).toHaveLength(0);

    await buttonByText(wrapper, 'Save school copy').trigger('click');
    await flushPromises();

    expect(api.callsOf('SaveSchoolVariant')[0]?.variables).toEqual({
      input: {
        policyId: 'policy-7',
        schoolId: 's-willow',
        overrides: [
          { clauseId: 'c2', kind: 'omit' },
          {
            clauseId: 'c3',
            kind: 'replace',
            clause: {
              type: 'clause',
              attrs: { clauseId: 'c3' },
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Report concerns to ' }, { type: 'variable', attrs: { name: 'school.dslName' } }, { type: 'text', text: '.' }] }],
            },
          },
        ],
      },
    });
    expect(wrapper.get('.variant-summary__text').text()).toBe('1 clause changed, 1 omitted');
    expect(wrapper.get('.side-by-side').findAll('article')[1]!.text()).toBe('Our own words.');
    expect(wrapper.get('.variant-actions__status').text()).toBe('Saved Willow Primary Academy’s copy: 1 clause changed, 1 omitted.');
  });

  it('adds a clause after a trust clause with an id of its own, and undoes an override', async () => {
    const api = variantApi();
    const { wrapper } = await open();

    await buttonByText(wrapper, 'Add a clause after Introduction, clause 1').trigger('click');
    await fieldByLabel(wrapper, 'Clause to add after Introduction, clause 1').setValue('Our school also follows the diocese’s guidance.');
    await buttonByText(wrapper, 'Add this clause').trigger('click');
    await buttonByText(wrapper, 'Omit Introduction, clause 2').trigger('click');
    await buttonByText(wrapper, 'Undo override of Introduction, clause 2').trigger('click');
    await buttonByText(wrapper, 'Save school copy').trigger('click');
    await flushPromises();

    const [sent] = (api.callsOf('SaveSchoolVariant')[0]?.variables.input as { overrides: Override[] }).overrides;
    expect(api.callsOf('SaveSchoolVariant')[0]?.variables.input).toMatchObject({ overrides: [{ clauseId: 'c1', kind: 'add-after' }] });
    expect(sent?.kind === 'add-after' && sent.clause.attrs.clauseId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('closes a text form with Escape, changing nothing, and puts focus back on the clause’s actions', async () => {
    variantApi();
    const { wrapper } = await open();

    await buttonByText(wrapper, 'Replace text of Introduction, clause 2').trigger('click');
    const field = fieldByLabel(wrapper, 'New text for Introduction, clause 2');
    await field.setValue('Something else');
    await field.trigger('keydown', { key: 'Escape' });
    await flushPromises();

    expect(wrapper.find('textarea').exists()).toBe(false);
    expect(clause(wrapper, 'Introduction, clause 2').text()).toContain('Willow Primary Academy uses the trust’s text.');
    expect(document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Replace text of Introduction, clause 2');
  });

  it('lists the API’s problems on BAD_USER_INPUT and keeps the changes on the page', async () => {
    variantApi({ save: () => gqlError('BAD_USER_INPUT', 'x', { problems: ['The trust has locked clause "c2"; schools cannot omit it.'] }) });
    const { wrapper } = await open();

    await buttonByText(wrapper, 'Omit Introduction, clause 2').trigger('click');
    await buttonByText(wrapper, 'Save school copy').trigger('click');
    await flushPromises();

    const alert = wrapper.get('.variant-actions [role="alert"]');
    expect(alert.get('p').text()).toBe('Ratify could not save the school copy:');
    expect(alert.findAll('li').map((item) => item.text())).toEqual(['The trust has locked clause "c2"; schools cannot omit it.']);
    expect(clause(wrapper, 'Introduction, clause 2').text()).toContain('Left out of Willow Primary Academy’s copy.');
  });

  it('says in words why a save was refused', async () => {
    variantApi({ save: () => gqlError('FORBIDDEN') });
    const { wrapper } = await open();

    await buttonByText(wrapper, 'Omit Introduction, clause 3').trigger('click');
    await buttonByText(wrapper, 'Save school copy').trigger('click');
    await flushPromises();

    expect(wrapper.get('.variant-actions [role="alert"]').text()).toBe('Only the trust’s administrators and Willow Primary Academy’s own staff can change its copy.');
  });

  it('lets a trust author set lock levels for every school, without offering to change the school’s copy', async () => {
    const api = variantApi({ viewer: aViewer({ role: 'AUTHOR' }) });
    const { wrapper } = await open();

    expect(wrapper.findAll('button').some((button) => button.text().startsWith('Omit'))).toBe(false);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Save school copy')).toBe(false);
    expect(fieldByLabel(wrapper, 'Lock level for Introduction, clause 1').element.value).toBe('locked');

    await wrapper.get<HTMLSelectElement>(`#${fieldByLabel(wrapper, 'Lock level for Introduction, clause 2').attributes('id')}`).setValue('school-specific');
    await buttonByText(wrapper, 'Save lock levels').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetClauseLocks')[0]?.variables).toEqual({
      input: {
        policyId: 'policy-7',
        locks: [
          { clauseId: 'c1', level: 'locked' },
          { clauseId: 'c2', level: 'school-specific' },
        ],
      },
    });
    expect(wrapper.get('.variant-actions__status').text()).toBe('Lock levels saved. They apply to every school’s copy of this policy.');
  });

  it('shows a school’s head the lock levels read-only, and lets them change their own copy', async () => {
    variantApi({ viewer: aViewer({ role: 'PUBLISHER', school: WILLOW }) });
    const { wrapper } = await open();

    expect(wrapper.find('select').exists()).toBe(false);
    expect(clause(wrapper, 'Introduction, clause 1').text()).toContain('Lock level: Locked');
    expect(wrapper.findAll('button').some((button) => button.text() === 'Save school copy')).toBe(true);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Save lock levels')).toBe(false);
  });

  it('refuses to save a change to a clause the trust has just locked, saying which', async () => {
    const api = variantApi({ viewer: aViewer({ role: 'ADMIN' }) });
    const { wrapper } = await open();

    await buttonByText(wrapper, 'Omit Introduction, clause 2').trigger('click');
    await wrapper.get<HTMLSelectElement>(`#${fieldByLabel(wrapper, 'Lock level for Introduction, clause 2').attributes('id')}`).setValue('locked');
    await buttonByText(wrapper, 'Save school copy').trigger('click');
    await flushPromises();

    expect(api.callsOf('SaveSchoolVariant')).toHaveLength(0);
    expect(wrapper.get('.variant-actions [role="alert"] li').text()).toBe('Undo the change to Introduction, clause 2: the trust has locked it.');
  });

  it('lists what needs re-confirming with the reason in words', async () => {
    variantApi({
      page: () => ({
        data: aPage(
          aVariant({
            overrides: [{ clauseId: 'c3', kind: 'omit' }],
            needsReconfirmation: [
              { clauseId: 'c3', reason: 'trust-changed-clause' },
              { clauseId: 'gone', reason: 'trust-removed-clause' },
            ],
          }),
        ),
      }),
    });
    const { wrapper } = await open();

    const warning = wrapper.findAll('.banner--warning').find((banner) => banner.get('h3').text() === 'Needs re-confirming');
    expect(warning?.findAll('li').map((item) => item.text())).toEqual([
      'Introduction, clause 3: The trust has changed this clause since the school changed it. Check the school’s text still fits.',
      'A clause the trust has removed: The trust has removed the clause this change was made to.',
    ]);
  });

  it('says the copy was not found on NOT_FOUND', async () => {
    variantApi({ page: () => gqlError('NOT_FOUND') });
    const { wrapper } = await open();
    expect(wrapper.get('h1').text()).toBe('School copy not found');
  });
});

describe('school copies on the policy page', () => {
  it('lists each school with how far its copy is from the trust’s text, flagged when it needs re-confirming', async () => {
    const api = installFakeApi({
      Me: () => ({ data: { me: aViewer() } }),
      Policy: () => ({
        data: {
          policy: aPolicyDetail({
            id: 'policy-7',
            title: 'Social Media Policy',
            slug: 'social-media-policy',
            reviewCycleMonths: 24,
            review: { dueOn: null },
            currentVersion: { id: 'v-3', number: '1.0', status: 'APPROVED', approvedOn: '2025-01-13', html: '<p>Text</p>' },
          }),
        },
      }),
      Schools: () => ({ data: { schools: [ROWAN, WILLOW] } }),
      SchoolVariantSummary: ({ schoolId }) => ({
        data: {
          schoolVariant:
            schoolId === WILLOW.id
              ? aVariant({ divergence: { ...NONE, changed: ['c1', 'c2'], omitted: ['c3'], added: ['x'] }, needsReconfirmation: [{ clauseId: 'c1', reason: 'trust-changed-clause' }] })
              : aVariant({ schoolId: schoolId as string }),
        },
      }),
    });
    const { wrapper } = await renderApp('/policies/policy-7');

    expect(api.callsOf('SchoolVariantSummary').map((call) => call.variables)).toEqual([
      { policyId: 'policy-7', schoolId: 's-rowan' },
      { policyId: 'policy-7', schoolId: 's-willow' },
    ]);
    const rows = wrapper.get('.school-copies').findAll('tbody tr');
    expect(rows.map((row) => [row.get('th').text(), row.get('td').text().replace(/\s+/g, ' ')])).toEqual([
      ['Rowan Primary Academy', 'Same as the trust’s text'],
      ['Willow Primary Academy', '2 clauses changed, 1 omitted, 1 added Needs re-confirming'],
    ]);
    expect(rows[1]!.get('a').attributes('href')).toBe('/policies/policy-7/schools/s-willow');
  });
});

describe('leaving a school copy with changes not saved', () => {
  it('asks first, and stays when the person says no', async () => {
    variantApi();
    const { wrapper, router } = await open();
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);

    await buttonByText(wrapper, 'Omit Introduction, clause 2').trigger('click');
    await router.push('/policies').catch(() => undefined);
    await flushPromises();

    expect(confirm).toHaveBeenCalledExactlyOnceWith('You have changes to this school copy that are not saved. Leave without saving them?');
    expect(router.currentRoute.value.name).toBe('school-variant');
  });
});
