import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewDashboardQuery } from '../graphql/operations.generated';
import { aViewer, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

const term2 = { key: 'T2', name: 'Term 2', label: 'Term 2, 2026/27', startYear: 2026, startsOn: '2026-11-02', endsOn: '2026-12-18' };
const term3 = { key: 'T3', name: 'Term 3', label: 'Term 3, 2026/27', startYear: 2026, startsOn: '2027-01-04', endsOn: '2027-02-12' };

type Row = ReviewDashboardQuery['reviewDashboard']['rows'][number];
const row = (overrides: Partial<Row>): Row => ({
  policyId: 'p-1',
  policySlug: 'attendance',
  title: 'Attendance',
  statutory: false,
  school: null,
  status: 'CURRENT',
  statuses: ['CURRENT'],
  dueOn: '2027-07-16',
  dueTerm: 'Term 6, 2026/27',
  versionNumber: '1.0',
  approvedOn: '2025-07-16',
  committeeId: 'far',
  committee: 'Finance, Audit & Risk Committee',
  reviewRequired: [],
  ...overrides,
});

const dashboard: ReviewDashboardQuery['reviewDashboard'] = {
  today: '2026-11-21',
  currentTerm: term2,
  nextTerm: term3,
  counts: [
    { status: 'OVERDUE', count: 12 },
    { status: 'DUE_THIS_TERM', count: 40 },
    { status: 'CURRENT', count: 3008 },
  ],
  total: 3060,
  rows: [
    row({
      policyId: 'p-5',
      title: 'Child Protection and Safeguarding',
      statutory: true,
      school: { id: 's-1', name: 'Oakfield Primary' },
      status: 'DUE_THIS_TERM',
      statuses: ['DUE_THIS_TERM', 'REVIEW_REQUIRED'],
      dueOn: '2026-12-18',
      dueTerm: 'Term 2, 2026/27',
      versionNumber: '3.2',
      reviewRequired: ['Keeping children safe in education 2026'],
    }),
    row({}),
  ],
};

function dashboardApi(viewer = aViewer()) {
  return installFakeApi({
    Me: () => ({ data: { me: viewer } }),
    ReviewDashboard: () => ({ data: { reviewDashboard: dashboard } }),
    Governance: () => ({ data: { governanceBodies: [{ id: 'far', name: 'Finance, Audit & Risk Committee', kind: 'COMMITTEE', quorum: null, school: null, members: [] }], approvalRoutes: [] } }),
    Schools: () => ({ data: { schools: [{ id: 's-1', name: 'Oakfield Primary', slug: 'oakfield-primary' }] } }),
  });
}

describe('reviews dashboard', () => {
  it('is in the main navigation', async () => {
    dashboardApi();
    const { wrapper } = await renderApp('/reviews');
    const link = wrapper.get('nav[aria-label="Main"]').findAll('a').find((candidate) => candidate.text() === 'Reviews');
    expect(link?.attributes('href')).toBe('/reviews');
  });

  it('shows the counts, with this term named, and the rows with their due date and term', async () => {
    const api = dashboardApi();
    const { wrapper } = await renderApp('/reviews');

    expect(api.callsOf('ReviewDashboard')[0]?.variables).toEqual({ filter: {}, first: 100, offset: 0 });
    const counts = wrapper.findAll('.review-count').map((button) => button.text());
    expect(counts[0]).toBe('12Overdue');
    expect(counts[2]).toBe('40Due this term (Term 2, 2026/27)');
    expect(counts[3]).toBe('0Due next term (Term 3, 2026/27)');
    expect(counts[7]).toBe('3,008Current');
    expect(wrapper.get('.review-showing').text()).toBe('Showing 1–100 of 3,060');

    const cells = wrapper.findAll('.review-table tbody tr').map((tr) => tr.findAll('th, td').map((cell) => cell.text()));
    expect(cells[0]).toEqual([
      'Child Protection and Safeguarding (statutory)',
      'Oakfield Primary',
      'Due this term',
      '18 December 2026 · Term 2, 2026/27',
      '3.2',
      'Finance, Audit & Risk Committee',
      'Keeping children safe in education 2026',
    ]);
    expect(cells[1]?.[1]).toBe('Trust-wide');
    expect(wrapper.get('.review-table a').attributes('href')).toBe('/policies/p-5');
    expect(wrapper.findAll('a').find((link) => link.text() === 'Download CSV')?.attributes('href')).toBe('/api/reviews/dashboard.csv');
  });

  it('asks the API again with the filter, and the CSV link and the address carry it', async () => {
    const api = dashboardApi();
    const { wrapper, router } = await renderApp('/reviews');

    await buttonByText(wrapper, '12Overdue').trigger('click');
    await fieldByLabel(wrapper, 'Committee').setValue('far');
    await fieldByLabel(wrapper, 'Statutory').setValue('yes');
    await fieldByLabel(wrapper, 'Academy').setValue('trust');
    await fieldByLabel(wrapper, 'Words in the title').setValue(' safeguarding ');
    await buttonByText(wrapper, 'Search').trigger('click');
    await flushPromises();

    expect(api.callsOf('ReviewDashboard').at(-1)?.variables).toEqual({
      filter: { status: 'OVERDUE', committeeId: 'far', statutory: true, schoolId: 'trust', search: 'safeguarding' },
      first: 100,
      offset: 0,
    });
    expect(wrapper.get('.review-count[aria-pressed="true"]').text()).toBe('12Overdue');
    expect(wrapper.findAll('a').find((link) => link.text() === 'Download CSV')?.attributes('href')).toBe(
      '/api/reviews/dashboard.csv?status=overdue&schoolId=trust&committeeId=far&statutory=true&search=safeguarding',
    );

    expect(router.currentRoute.value.fullPath).toBe('/reviews?status=overdue&schoolId=trust&committeeId=far&statutory=true&search=safeguarding');

    await buttonByText(wrapper, 'Next 100').trigger('click');
    await flushPromises();
    expect(api.callsOf('ReviewDashboard').at(-1)?.variables).toMatchObject({ first: 100, offset: 100 });
  });

  it('starts from the filters in the address', async () => {
    const api = dashboardApi();
    const { wrapper } = await renderApp('/reviews?status=review_required&statutory=false&search=safeguarding');

    expect(api.callsOf('ReviewDashboard')[0]?.variables).toEqual({ filter: { status: 'REVIEW_REQUIRED', statutory: false, search: 'safeguarding' }, first: 100, offset: 0 });
    expect(fieldByLabel(wrapper, 'Words in the title').element.value).toBe('safeguarding');
    expect(fieldByLabel(wrapper, 'Statutory').element.value).toBe('no');
  });

  it('shows an academy’s staff only their academy, without the academy filter', async () => {
    const api = dashboardApi(aViewer({ role: 'PUBLISHER', school: { id: 's-1', name: 'Oakfield Primary' } }));
    const { wrapper } = await renderApp('/reviews');

    expect(wrapper.findAll('label').map((label) => label.text())).not.toContain('Academy');
    expect(api.callsOf('Schools')).toHaveLength(0);
  });

  it('says when nothing matches', async () => {
    const api = dashboardApi();
    api.on('ReviewDashboard', () => ({ data: { reviewDashboard: { ...dashboard, counts: [], total: 0, rows: [] } } }));
    const { wrapper } = await renderApp('/reviews');
    expect(wrapper.get('.empty').text()).toBe('No policy matches these filters. Choose fewer filters, or another status.');
  });
});
