import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { buttonByText, renderApp } from '../test/render-app';
import type { PolicySummary } from './policies.store';

enableAutoUnmount(afterEach);

const safeguarding: PolicySummary = {
  id: 'policy-1',
  title: 'Child protection and safeguarding',
  numbering: 'NUMBERED',
  currentVersion: { id: 'v-1', number: '3.0', status: 'APPROVED', approvedOn: '2025-01-13' },
  review: { dueOn: '2026-01-13' },
};
const attendance: PolicySummary = {
  id: 'policy-2',
  title: 'Attendance',
  numbering: 'NUMBERED',
  currentVersion: { id: 'v-2', number: '0.1', status: 'IN_APPROVAL', approvedOn: null },
  review: { dueOn: null },
};
const uniform: PolicySummary = { id: 'policy-3', title: 'Uniform', numbering: 'NUMBERED', currentVersion: null, review: { dueOn: null } };

function tableRows(wrapper: Awaited<ReturnType<typeof renderApp>>['wrapper']): string[][] {
  return wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()));
}

describe('policies page', () => {
  it('lists the policies with their versions, statuses and UK dates', async () => {
    installFakeApi({
      Me: () => ({ data: { me: aViewer({ organisationName: 'Oak Academy Trust' }) } }),
      Policies: () => ({ data: { policies: [safeguarding, attendance, uniform] } }),
    });

    const { wrapper } = await renderApp('/policies');

    expect(wrapper.get('h1').text()).toBe('Policies');
    expect(wrapper.get('caption').text()).toBe('Policies of Oak Academy Trust');
    expect(wrapper.findAll('thead th').map((th) => [th.text(), th.attributes('scope')])).toEqual([
      ['Title', 'col'],
      ['Version', 'col'],
      ['Status', 'col'],
      ['Approved', 'col'],
      ['Next review', 'col'],
    ]);
    expect(tableRows(wrapper)).toEqual([
      ['Child protection and safeguarding', '3.0', 'Approved', '13 January 2025', '13 January 2026'],
      ['Attendance', '0.1', 'In approval', 'Not approved', 'Not set'],
      ['Uniform', 'No version yet'],
    ]);
    expect(wrapper.get('tbody time').attributes('datetime')).toBe('2025-01-13');
  });

  it('links each title to its policy', async () => {
    installFakeApi({
      Me: () => ({ data: { me: aViewer() } }),
      Policies: () => ({ data: { policies: [safeguarding] } }),
      Policy: ({ id }) => ({
        data: { policy: aPolicyDetail({ id: String(id), title: safeguarding.title, slug: 'safeguarding', statutory: true, reviewCycleMonths: 12 }) },
      }),
    });
    const { wrapper, router } = await renderApp('/policies');

    const link = wrapper.get('tbody a');
    expect(link.attributes('href')).toBe('/policies/policy-1');
    await link.trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/policies/policy-1');
    expect(wrapper.get('h1').text()).toBe('Child protection and safeguarding');
  });

  it('asks only for the fields the list shows, not the documents', async () => {
    const api = installFakeApi({ Me: () => ({ data: { me: aViewer() } }), Policies: () => ({ data: { policies: [] } }) });

    await renderApp('/policies');

    const [call] = api.callsOf('Policies');
    expect(call?.query).not.toMatch(/\bhtml\b|\bcontent\b/);
  });

  it('says so when there are no policies', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), Policies: () => ({ data: { policies: [] } }) });

    const { wrapper } = await renderApp('/policies');

    expect(wrapper.find('table').exists()).toBe(false);
    expect(wrapper.text()).toContain('There are no policies yet.');
  });

  it('offers to try again after a failure', async () => {
    const api = installFakeApi({ Me: () => ({ data: { me: aViewer() } }), Policies: () => gqlError('INTERNAL_SERVER_ERROR') });
    const { wrapper } = await renderApp('/policies');
    expect(wrapper.get('[role="alert"]').text()).toContain('something went wrong loading the policies');

    api.on('Policies', () => ({ data: { policies: [attendance] } }));
    await buttonByText(wrapper, 'Try again').trigger('click');
    await flushPromises();

    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(tableRows(wrapper)).toHaveLength(1);
  });

  it('sends the person to sign in when their session has ended, then back here', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), Policies: () => gqlError('UNAUTHENTICATED') });

    const { wrapper, router } = await renderApp('/policies');

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/policies');
    expect(wrapper.find('header').exists()).toBe(false);
  });
});
