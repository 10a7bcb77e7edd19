import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';
import type { PolicyDetail } from './policies.store';

enableAutoUnmount(afterEach);

const behaviour: PolicyDetail = {
  id: 'policy-5',
  title: 'Behaviour',
  slug: 'behaviour',
  statutory: true,
  reviewCycleMonths: 24,
  review: { dueOn: '2027-01-13' },
  currentVersion: {
    id: 'v-5',
    number: '2.1',
    status: 'APPROVED',
    approvedOn: '2025-01-13',
    html: '<h2>Purpose</h2><p>We expect <strong>kindness</strong>.</p>',
  },
  availableUpdate: null,
  draft: null,
  upstream: null,
  approvalRoute: null,
  pendingApproval: null,
  history: [{ versionId: 'v-5', version: '2.1', date: '2025-01-13', change: 'Updated contact details', origin: 'EDITORIAL', approvedBy: 'Trust Board', reviewed: false }],
  versions: [{ id: 'v-5', number: '2.1', status: 'APPROVED', approvedOn: '2025-01-13', effectiveOn: '2025-01-13', changeSummary: 'Updated contact details' }],
};

/** The trust has no academies: the policy page asks, and shows no school copies. */
const noSchools = { Schools: () => ({ data: { schools: [] } }) };

function facts(wrapper: Awaited<ReturnType<typeof renderApp>>['wrapper']): Record<string, string> {
  return Object.fromEntries(
    wrapper.findAll('.facts__item').map((item) => [item.get('dt').text(), item.get('dd').text()]),
  );
}

describe('policy page', () => {
  it('tells an author when the template it came from has a new release, and leads to the comparison', async () => {
    const availableUpdate = { id: 'tv-2', number: '1.1', releasedOn: '2026-09-01', template: { id: 't-1', title: 'Social Media Policy', provider: { id: 'o-1', name: 'Westshire County Council' } } };
    installFakeApi({ Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }), Policy: () => ({ data: { policy: { ...behaviour, availableUpdate } } }) });

    const { wrapper } = await renderApp('/policies/policy-5');

    expect(wrapper.text()).toContain('Westshire County Council has released Social Media Policy 1.1 (1 September 2026).');
    expect(wrapper.get('a[href="/policies/policy-5/update"]').text()).toBe('Review the update');
  });

  it('shows the title, the facts and the document', async () => {
    const api = installFakeApi({ ...noSchools, Me: () => ({ data: { me: aViewer() } }), Policy: () => ({ data: { policy: behaviour } }) });

    const { wrapper } = await renderApp('/policies/policy-5');

    expect(api.callsOf('Policy')[0]?.variables).toEqual({ id: 'policy-5' });
    expect(wrapper.get('h1').text()).toBe('Behaviour');
    expect(facts(wrapper)).toEqual({
      Version: '2.1',
      Status: 'Approved',
      'Approved on': '13 January 2025',
      'Next review': '13 January 2027',
      'Review cycle': '2 years',
      Statutory: 'Yes',
    });
    const article = wrapper.get('article');
    expect(article.get('h2').text()).toBe('Purpose');
    expect(article.get('strong').text()).toBe('kindness');
    expect(document.title).toBe('Behaviour – Ratify');
    expect(api.callsOf('Schools')).toHaveLength(1);
    expect(wrapper.find('.school-copies').exists()).toBe(false);
  });

  it('offers the PDF of the version in force and of a draft, the draft marked as such', async () => {
    installFakeApi({ ...noSchools, Me: () => ({ data: { me: aViewer() } }), Policy: () => ({ data: { policy: { ...behaviour, draft: { id: 'v-6', revision: 3 } } } }) });
    const { wrapper } = await renderApp('/policies/policy-5');
    const links = wrapper.findAll('.policy-pdfs a').map((link) => [link.text(), link.attributes('href')]);
    expect(links).toEqual([
      ['PDF of version 2.1 of Behaviour', '/api/versions/v-5.pdf'],
      ['PDF of the draft, marked DRAFT (Behaviour)', '/api/versions/v-6.pdf'],
    ]);
  });

  it('offers Edit to authors and administrators only', async () => {
    installFakeApi({ ...noSchools, Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }), Policy: () => ({ data: { policy: behaviour } }) });
    const { wrapper } = await renderApp('/policies/policy-5');
    const edit = wrapper.findAll('main a').find((link) => link.text() === 'Edit Behaviour');
    expect(edit?.attributes('href')).toBe('/policies/policy-5/edit');
    wrapper.unmount();

    installFakeApi({ ...noSchools, Me: () => ({ data: { me: aViewer({ role: 'VIEWER' }) } }), Policy: () => ({ data: { policy: behaviour } }) });
    const { wrapper: forViewer } = await renderApp('/policies/policy-5');
    expect(forViewer.findAll('main a').some((link) => link.text().startsWith('Edit'))).toBe(false);
  });

  it('says which template release the policy is based on, linked to the library', async () => {
    installFakeApi({ ...noSchools,
      Me: () => ({ data: { me: aViewer() } }),
      Policy: () => ({
        data: {
          policy: {
            ...behaviour,
            upstream: {
              id: 'tv-1',
              number: '1.0',
              releasedOn: '2017-03-01',
              template: { id: 'template-1', title: 'Social Media Policy', provider: { id: 'org-la', name: 'Westshire County Council' } },
            },
          },
        },
      }),
    });

    const { wrapper } = await renderApp('/policies/policy-5');

    const lineage = wrapper.get('.lineage');
    expect(lineage.text().replace(/\s+/g, ' ')).toBe('Based on Social Media Policy 1.0 from Westshire County Council, released 1 March 2017.');
    expect(lineage.get('a').attributes('href')).toBe('/templates#template-template-1');
  });

  it('says nothing about lineage for a policy written from scratch', async () => {
    installFakeApi({ ...noSchools, Me: () => ({ data: { me: aViewer() } }), Policy: () => ({ data: { policy: behaviour } }) });
    const { wrapper } = await renderApp('/policies/policy-5');
    expect(wrapper.find('.lineage').exists()).toBe(false);
  });

  it('shows a draft as not numbered yet', async () => {
    installFakeApi({ ...noSchools,
      Me: () => ({ data: { me: aViewer() } }),
      Policy: () => ({ data: { policy: { ...behaviour, currentVersion: { ...behaviour.currentVersion!, number: null, status: 'DRAFT', approvedOn: null } } } }),
    });

    const { wrapper } = await renderApp('/policies/policy-5');

    expect(facts(wrapper)).toMatchObject({ Version: 'Not numbered yet', Status: 'Draft' });
  });

  it('says the policy was not found on NOT_FOUND, with a way back', async () => {
    installFakeApi({ ...noSchools, Me: () => ({ data: { me: aViewer() } }), Policy: () => gqlError('NOT_FOUND') });

    const { wrapper } = await renderApp('/policies/someone-elses');

    expect(wrapper.get('h1').text()).toBe('Policy not found');
    expect(wrapper.find('article').exists()).toBe(false);
    const back = wrapper.findAll('main a').find((link) => link.text() === 'Back to policies');
    expect(back?.attributes('href')).toBe('/policies');
  });

  it('loads the next policy when the address changes', async () => {
    const api = installFakeApi({ ...noSchools,
      Me: () => ({ data: { me: aViewer() } }),
      Policy: ({ id }) =>
        id === 'policy-5' ? { data: { policy: behaviour } } : { data: { policy: { ...behaviour, id, title: 'Complaints', currentVersion: null } } },
    });
    const { wrapper, router } = await renderApp('/policies/policy-5');

    await router.push('/policies/policy-6');
    await flushPromises();

    expect(api.callsOf('Policy').map((call) => call.variables.id)).toEqual(['policy-5', 'policy-6']);
    expect(wrapper.get('h1').text()).toBe('Complaints');
    expect(wrapper.text()).toContain('This policy has no content yet.');
  });
});
