import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../graphql/operations.generated';
import { aViewer, installFakeApi } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { aRedline } from '../test/redline-fixtures';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

const policy = aPolicyDetail({
  id: 'p-1',
  title: 'Use of Social Media Policy',
  history: [
    { versionId: 'v-1', version: '1.0', date: '2025-01-13', change: 'New Policy – adopted from existing LA Policy', origin: null, approvedBy: 'Finance, Audit & Risk Committee', reviewed: false },
    { versionId: 'v-2', version: '1.1', date: '2026-11-20', change: 'New DSL contact details', origin: 'EDITORIAL', approvedBy: null, reviewed: false },
    { versionId: 'v-2', version: '1.1', date: '2027-11-18', change: 'Reviewed – no change', origin: null, approvedBy: null, reviewed: true },
  ],
  versions: [
    { id: 'v-3', number: null, status: 'DRAFT', approvedOn: null, effectiveOn: null, changeSummary: null },
    { id: 'v-2', number: '1.1', status: 'APPROVED', approvedOn: '2026-11-20', effectiveOn: '2026-12-01', changeSummary: 'New DSL contact details' },
    { id: 'v-1', number: '1.0', status: 'SUPERSEDED', approvedOn: '2025-01-13', effectiveOn: '2025-01-13', changeSummary: 'New Policy – adopted from existing LA Policy' },
  ],
});

function historyApi(role: Role) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    Policy: () => ({ data: { policy } }),
    Schools: () => ({ data: { schools: [] } }),
    CompareVersions: () => ({ data: { policy: { id: 'p-1', title: policy.title, numbering: 'UNNUMBERED' }, compareVersions: aRedline() } }),
  });
}

describe('a policy’s history', () => {
  it('shows the generated "History of policy changes" table', async () => {
    historyApi('VIEWER');
    const { wrapper } = await renderApp('/policies/p-1');

    const rows = wrapper.findAll('.history-table tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(wrapper.findAll('.history-table thead th').map((cell) => cell.text())).toEqual(['Version', 'Date', 'Change', 'Origin', 'Approved by']);
    expect(rows).toEqual([
      ['1.0', '13 January 2025', 'New Policy – adopted from existing LA Policy', '—', 'Finance, Audit & Risk Committee'],
      ['1.1', '20 November 2026', 'New DSL contact details', 'Editorial (typos, contact details)', 'Delegated approval'],
      ['1.1 (reviewed, same version)', '18 November 2027', 'Reviewed – no change', '—', '—'],
    ]);
    expect(wrapper.findAll('.history-table tbody tr').map((row) => row.classes('history-table__reviewed'))).toEqual([false, false, true]);
  });

  it('compares any two versions, the newest two by default', async () => {
    historyApi('VIEWER');
    const { wrapper, router } = await renderApp('/policies/p-1');

    expect(fieldByLabel(wrapper, 'Earlier version').element.value).toBe('v-2');
    expect(fieldByLabel(wrapper, 'Later version').element.value).toBe('v-3');
    expect([...fieldByLabel(wrapper, 'Earlier version').element.querySelectorAll('option')].map((option) => option.textContent?.trim())).toEqual(['Draft', 'Version 1.1', 'Version 1.0']);

    await fieldByLabel(wrapper, 'Later version').setValue('v-2');
    await buttonByText(wrapper, 'Compare').trigger('click');
    expect(wrapper.get('.compare-form [role="alert"]').text()).toBe('Choose two different versions to compare.');

    await fieldByLabel(wrapper, 'Earlier version').setValue('v-1');
    await wrapper.get('.compare-form').trigger('submit');
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/policies/p-1/compare?from=v-1&to=v-2'));
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('Changes from version 1.0 to the version in approval');
  });

  it('offers the audit trail to administrators and approvers only', async () => {
    historyApi('APPROVER');
    const { wrapper } = await renderApp('/policies/p-1');
    const link = wrapper.findAll('a').find((candidate) => candidate.text() === 'Download audit trail (CSV)');
    expect(link?.attributes('href')).toBe('/api/policies/p-1/audit.csv');
    wrapper.unmount();

    historyApi('AUTHOR');
    const { wrapper: forAuthor } = await renderApp('/policies/p-1');
    expect(forAuthor.text()).not.toContain('Download audit trail');
  });

  it('says when nothing is approved yet', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer({ role: 'VIEWER' }) } }), Policy: () => ({ data: { policy: aPolicyDetail() } }), Schools: () => ({ data: { schools: [] } }) });
    const { wrapper } = await renderApp('/policies/policy-1');
    expect(wrapper.get('.policy-history .empty').text()).toBe('No version has been approved yet. The table fills in as versions are approved.');
  });
});
