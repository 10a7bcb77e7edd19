import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role, TerminologyDraftQuery } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi, type GraphQLAnswer } from '../test/fake-api';
import { aPolicyDetail, aPolicyDocument } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';
import type { TermProposal } from './proposal-groups';

enableAutoUnmount(afterEach);

const document1 = aPolicyDocument([
  ['c1', 'The Governing Body is committed to this.'],
  ['c2', 'Staff keep a professional distance.'],
  ['c3', 'The governors review it.'],
]);

function policyWithDraft(revision = 4, draft: boolean = true): TerminologyDraftQuery {
  return {
    policy: { id: 'policy-7', title: 'Social Media Policy', numbering: 'UNNUMBERED', draft: draft ? { id: 'v-9', revision, content: document1 as unknown as Record<string, unknown> } : null },
    terminology: [
      { from: 'Governing Body', to: 'Trust' },
      { from: 'governors', to: 'trustees' },
    ],
  };
}

function aProposal(id: string, before: string, after: string, from: string, to: string): TermProposal {
  return { id, where: 'clause', before, after, replacements: [{ from, to, count: 1 }] };
}

const governingBody = aProposal('c1', 'The Governing Body is committed to this.', 'The Trust is committed to this.', 'Governing Body', 'Trust');
const governors = aProposal('c3', 'The governors review it.', 'The trustees review it.', 'governors', 'trustees');

function reviewApi(options: { role?: Role; draft?: () => TerminologyDraftQuery; proposals?: () => TermProposal[]; apply?: (variables: Record<string, unknown>) => GraphQLAnswer } = {}) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role: options.role ?? 'AUTHOR' }) } }),
    TerminologyDraft: () => ({ data: (options.draft ?? (() => policyWithDraft()))() }),
    TerminologyProposals: () => ({ data: { terminologyProposals: (options.proposals ?? (() => [governingBody, governors]))() } }),
    ApplyTerminology: options.apply ?? (() => ({ data: { applyTerminology: { id: 'v-9', revision: 5 } } })),
  });
}

function proposal(wrapper: VueWrapper, where: string) {
  const found = wrapper.findAll('li.proposal').find((item) => item.get('h3').text() === where);
  if (!found) throw new Error(`No proposal for ${where}`);
  return found;
}

const marked = (element: ReturnType<typeof proposal>) => element.findAll('mark').map((mark) => mark.text());

describe('terminology review', () => {
  it('is linked from the policy page of a policy with a draft, for authors', async () => {
    installFakeApi({
      Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }),
      Policy: () => ({ data: { policy: aPolicyDetail({ id: 'policy-7', title: 'Social Media Policy', slug: 's', draft: { id: 'v-9', revision: 1 } }) } }),
      Schools: () => ({ data: { schools: [] } }),
    });
    const { wrapper } = await renderApp('/policies/policy-7');
    const link = wrapper.findAll('main a').find((candidate) => candidate.text() === 'Review terminology in the draft');
    expect(link?.attributes('href')).toBe('/policies/policy-7/terminology');
  });

  it('shows each change clause by clause, words highlighted, all ticked, and changes nothing by itself', async () => {
    const api = reviewApi();
    const { wrapper } = await renderApp('/policies/policy-7/terminology');

    expect(api.callsOf('TerminologyProposals')[0]?.variables).toEqual({ versionId: 'v-9' });
    expect(wrapper.get('h1').text()).toBe('Review terminology');
    expect(wrapper.get('h2').text()).toBe('Introduction');
    const first = proposal(wrapper, 'Introduction, clause 1');
    expect(marked(first)).toEqual(['Governing Body', 'Trust']);
    expect(first.get('.term-counts').text()).toBe('“Governing Body” → “Trust”, once');
    expect(marked(proposal(wrapper, 'Introduction, clause 3'))).toEqual(['governors', 'trustees']);
    expect(fieldByLabel(wrapper, 'Apply the change to Introduction, clause 1').element.checked).toBe(true);
    expect(fieldByLabel(wrapper, 'Apply the change to Introduction, clause 3').element.checked).toBe(true);
    expect(wrapper.get('.proposal-tools').text()).toContain('2 of 2 changes selected');
    expect(api.callsOf('ApplyTerminology')).toHaveLength(0);
  });

  it('applies only the ticked changes, to the revision it was shown, then shows what is left', async () => {
    let applied = false;
    const api = reviewApi({
      draft: () => policyWithDraft(applied ? 5 : 4),
      proposals: () => (applied ? [governors] : [governingBody, governors]),
      apply: () => {
        applied = true;
        return { data: { applyTerminology: { id: 'v-9', revision: 5 } } };
      },
    });
    const { wrapper } = await renderApp('/policies/policy-7/terminology');

    await fieldByLabel(wrapper, 'Apply the change to Introduction, clause 3').setValue(false);
    expect(wrapper.get('.proposal-tools').text()).toContain('1 of 2 changes selected');
    await buttonByText(wrapper, 'Apply selected changes').trigger('click');
    await flushPromises();

    expect(api.callsOf('ApplyTerminology')[0]?.variables).toEqual({ input: { versionId: 'v-9', expectedRevision: 4, accept: ['c1'] } });
    expect(wrapper.get('[role="status"]').text()).toContain('Applied 1 change to the draft.');
    expect(wrapper.findAll('li.proposal').map((item) => item.get('h3').text())).toEqual(['Introduction, clause 3']);
    // What was left unticked stays unticked.
    expect(fieldByLabel(wrapper, 'Apply the change to Introduction, clause 3').element.checked).toBe(false);
  });

  it('on CONFLICT says the draft changed elsewhere, applies nothing and reloads the proposals', async () => {
    let conflicted = false;
    const api = reviewApi({
      draft: () => policyWithDraft(conflicted ? 6 : 4),
      apply: ({ input }) => {
        if ((input as { expectedRevision: number }).expectedRevision === 4) {
          conflicted = true;
          return gqlError('CONFLICT', 'x', { currentRevision: 6 });
        }
        return { data: { applyTerminology: { id: 'v-9', revision: 7 } } };
      },
    });
    const { wrapper } = await renderApp('/policies/policy-7/terminology');

    await buttonByText(wrapper, 'Apply selected changes').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Someone changed this draft since you opened this page, so nothing was applied. The changes below are checked again against the draft as it is now: look them over and apply again.',
    );
    expect(api.callsOf('TerminologyDraft')).toHaveLength(2);
    expect(api.callsOf('TerminologyProposals')).toHaveLength(2);

    await buttonByText(wrapper, 'Apply selected changes').trigger('click');
    await flushPromises();
    expect(api.callsOf('ApplyTerminology')[1]?.variables).toMatchObject({ input: { expectedRevision: 6 } });
  });

  it('asks for at least one change before applying', async () => {
    const api = reviewApi();
    const { wrapper } = await renderApp('/policies/policy-7/terminology');

    await buttonByText(wrapper, 'Select none').trigger('click');
    await buttonByText(wrapper, 'Apply selected changes').trigger('click');
    await flushPromises();

    expect(api.callsOf('ApplyTerminology')).toHaveLength(0);
    expect(wrapper.get('#apply-error').text()).toBe('Tick at least one change to apply.');
  });

  it('says there is no draft to review, without asking for proposals', async () => {
    const api = reviewApi({ draft: () => policyWithDraft(1, false) });
    const { wrapper } = await renderApp('/policies/policy-7/terminology');

    expect(wrapper.get('.empty').text()).toContain('Social Media Policy has no open draft.');
    expect(api.callsOf('TerminologyProposals')).toHaveLength(0);
  });

  it('points to the settings when the organisation has no terminology', async () => {
    reviewApi({ draft: () => ({ ...policyWithDraft(), terminology: [] }) });
    const { wrapper } = await renderApp('/policies/policy-7/terminology');

    const link = wrapper.get('.empty a');
    expect(link.text()).toBe('Set your organisation’s words');
    expect(link.attributes('href')).toBe('/settings/terminology');
  });

  it('shows the changes to someone who may not apply them, without ticks or Apply', async () => {
    reviewApi({ role: 'APPROVER' });
    const { wrapper } = await renderApp('/policies/policy-7/terminology');

    expect(wrapper.findAll('li.proposal')).toHaveLength(2);
    expect(wrapper.find('input[type="checkbox"]').exists()).toBe(false);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Apply selected changes')).toBe(false);
  });

  it('says the policy was not found on NOT_FOUND', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), TerminologyDraft: () => gqlError('NOT_FOUND') });
    const { wrapper } = await renderApp('/policies/nope/terminology');
    expect(wrapper.get('h1').text()).toBe('Policy not found');
  });
});
