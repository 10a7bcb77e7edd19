import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewScheduleChoicesQuery, Role } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';
import type { ReviewSchedule } from './reviews.store';

enableAutoUnmount(afterEach);

const safeguardingType = {
  key: 'child-protection',
  name: 'Child protection and safeguarding',
  statutory: true,
  maxCycleMonths: 12,
  advisedCycleMonths: null,
  onStatutoryChange: true,
  basis: 'Keeping children safe in education: reviewed at least annually.',
};

const schedule: ReviewSchedule = {
  policyType: safeguardingType,
  cycleMonths: 12,
  onStatutoryChange: true,
  dueOn: '2026-12-18',
  scheduledOn: '2026-12-18',
  term: { key: 'T2', name: 'Term 2', label: 'Term 2, 2026/27', startYear: 2026, startsOn: '2026-11-02', endsOn: '2026-12-18' },
  setToTerm: false,
  timing: 'DUE_THIS_TERM',
  flags: [{ id: 'f-1', dueOn: '2027-09-01', reason: 'Keeping children safe in education 2027' }],
  owner: { id: 'p-dsl', name: 'Dana Lowe' },
  ownerMembershipId: 'm-dana',
  reviews: [
    { id: 'r-1', outcome: 'NO_CHANGE', reviewedOn: '2025-12-10', note: 'FAR committee, December', versionNumber: '3.1', previousDueOn: '2025-12-19', nextReviewOn: '2026-12-18', reviewedBy: { id: 'p-1', name: 'Sam Head' } },
  ],
  warnings: [],
};

const choices: ReviewScheduleChoicesQuery = {
  policyTypes: [safeguardingType, { ...safeguardingType, key: 'charging', name: 'Charging and remissions', statutory: true, maxCycleMonths: null, advisedCycleMonths: 24, onStatutoryChange: false, basis: 'DfE advice.' }],
  termCalendar: {
    years: [{ id: 'y-2026', startYear: 2026, label: '2026/27', periods: [{ key: 'T1', name: 'Term 1' }, { key: 'T2', name: 'Term 2' }, { key: 'T3', name: 'Term 3' }] }],
  },
};

const policy = aPolicyDetail({
  id: 'p-5',
  title: 'Child Protection and Safeguarding',
  currentVersion: { id: 'v-5', number: '3.2', status: 'APPROVED', approvedOn: '2025-12-10', html: '<p>Text</p>' },
  review: { dueOn: '2026-12-18' },
});

function reviewApi(role: Role = 'AUTHOR') {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    Policy: () => ({ data: { policy } }),
    Schools: () => ({ data: { schools: [] } }),
    PolicyReview: () => ({ data: { policy: { id: 'p-5', review: schedule } } }),
    ReviewScheduleChoices: () => ({ data: choices }),
    OrganisationMembers: () => ({ data: { organisationMembers: [{ membershipId: 'm-dana', role: 'AUTHOR', school: null, person: { id: 'p-dsl', name: 'Dana Lowe' } }] } }),
  });
}

const facts = (wrapper: Awaited<ReturnType<typeof renderApp>>['wrapper']) =>
  Object.fromEntries(wrapper.findAll('.review-facts .facts__item').map((item) => [item.get('dt').text(), item.get('dd').text()]));

describe('a policy’s review', () => {
  it('shows the next review as a date and a term, how soon, why, the flags and the reviews done', async () => {
    reviewApi('VIEWER');
    const { wrapper } = await renderApp('/policies/p-5');

    expect(facts(wrapper)).toEqual({
      'Next review': '18 December 2026 · Term 2, 2026/27Due this term',
      Cycle: 'Every year and on statutory change',
      Type: 'Child protection and safeguarding',
      Owner: 'Dana Lowe',
    });
    expect(wrapper.get('.review-flags').text()).toContain('Keeping children safe in education 2027, by 1 September 2027');
    expect(wrapper.findAll('.review-list tbody td').map((cell) => cell.text())).toEqual(['Reviewed, no change', '3.1', 'Sam Head', '18 December 2026', 'FAR committee, December']);
    expect(wrapper.text()).not.toContain('Edit schedule');
  });

  it('sets the next review to a term, and shows the API’s warnings', async () => {
    const api = reviewApi();
    api.on('SetReviewSchedule', () => ({ data: { setReviewSchedule: { ...schedule, cycleMonths: 12, warnings: ['The DfE advises reviewing this policy at least every 2 years.'] } } }));
    const { wrapper } = await renderApp('/policies/p-5');

    await buttonByText(wrapper, 'Edit schedule').trigger('click');
    await flushPromises();
    expect(fieldByLabel(wrapper, 'Policy type').element.value).toBe('child-protection');
    expect(wrapper.text()).toContain('Statutory maximum: 1 year.');
    await wrapper.get('#schedule-next-term').setValue(true);
    await fieldByLabel(wrapper, 'Academic year').setValue('2026');
    await fieldByLabel(wrapper, 'Term').setValue('T3');
    await buttonByText(wrapper, 'Save the schedule').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetReviewSchedule')[0]?.variables).toEqual({
      input: { policyId: 'p-5', policyTypeKey: 'child-protection', cycleMonths: 12, onStatutoryChange: true, nextReview: { startYear: 2026, termKey: 'T3' }, ownerMembershipId: 'm-dana' },
    });
    expect(wrapper.get('.policy-review .form__status').text()).toBe('Saved the review schedule.');
    expect(wrapper.get('.review-warnings').text()).toBe('The DfE advises reviewing this policy at least every 2 years.');
  });

  it('says the API’s refusal as what to do, never its message', async () => {
    const api = reviewApi();
    api.on('SetReviewSchedule', () => gqlError('BAD_USER_INPUT', undefined, { reason: 'CYCLE_ABOVE_STATUTORY_MAXIMUM', maxCycleMonths: 12 }));
    const { wrapper } = await renderApp('/policies/p-5');

    await buttonByText(wrapper, 'Edit schedule').trigger('click');
    await flushPromises();
    await fieldByLabel(wrapper, 'Review cycle in months (optional)').setValue('24');
    await buttonByText(wrapper, 'Save the schedule').trigger('click');
    await flushPromises();

    const alert = wrapper.get('.review-schedule-form [role="alert"]').text();
    expect(alert).toBe('This type of policy must be reviewed at least every 1 year: choose a cycle of 12 months or fewer.');
    expect(alert).not.toContain('message text');
  });

  it('records "reviewed, no change" after confirming, and the history is loaded again', async () => {
    const api = reviewApi();
    api.on('CompleteReview', () => ({ data: { completeReview: { review: { id: 'r-2' }, schedule, draft: null } } }));
    const { wrapper } = await renderApp('/policies/p-5');

    await buttonByText(wrapper, 'Complete review').trigger('click');
    await flushPromises();
    await buttonByText(wrapper, 'Continue').trigger('click');
    expect(wrapper.text()).toContain('Choose what the review found.');
    await wrapper.get('#review-outcome-NO_CHANGE').setValue(true);
    await fieldByLabel(wrapper, 'Date of the review').setValue('2026-11-20');
    await fieldByLabel(wrapper, 'Note (optional)').setValue('FAR committee');
    await buttonByText(wrapper, 'Continue').trigger('click');
    expect(wrapper.get('.confirm-panel__question').text()).toBe('Record that Child Protection and Safeguarding was reviewed on 20 November 2026 with no change?');
    expect(api.callsOf('CompleteReview')).toHaveLength(0);
    await buttonByText(wrapper, 'Record the review').trigger('click');
    await flushPromises();

    expect(api.callsOf('CompleteReview')[0]?.variables).toEqual({
      input: { policyId: 'p-5', outcome: 'NO_CHANGE', reviewedOn: '2026-11-20', note: 'FAR committee', nextReview: null },
    });
    expect(api.callsOf('Policy')).toHaveLength(2);
    expect(wrapper.get('.policy-review .form__status').text()).toBe('Recorded the review. The history below shows it.');
  });

  it('follows the re-publish a review with no change starts, for those who publish', async () => {
    const api = reviewApi('ADMIN');
    const place = { id: 'org-1', name: 'Oak Academy Trust', kind: 'TRUST' as const };
    const republish = { id: 'job-9', versionNumber: '3.2', reason: 'REVIEWED' as const, status: 'RUNNING' as const, total: 1, done: 0, failed: 0, items: [{ publishedFor: place, status: 'PENDING' as const, error: null, path: '/p/oak/child-protection' }] };
    let reviewed = false;
    api.on('PolicyPublishing', () => ({ data: { policy: { id: 'p-5', publications: [], publishJobs: reviewed ? [republish] : [] } } }));
    api.on('PublishJob', () => ({ data: { publishJob: republish } }));
    api.on('CompleteReview', () => {
      reviewed = true;
      return { data: { completeReview: { review: { id: 'r-2' }, schedule, draft: null } } };
    });
    const { wrapper } = await renderApp('/policies/p-5');
    await flushPromises();

    await buttonByText(wrapper, 'Complete review').trigger('click');
    await flushPromises();
    await wrapper.get('#review-outcome-NO_CHANGE').setValue(true);
    await buttonByText(wrapper, 'Continue').trigger('click');
    await buttonByText(wrapper, 'Record the review').trigger('click');
    await flushPromises();

    expect(api.callsOf('PolicyPublishing')).toHaveLength(2);
    expect(wrapper.get('.policy-publishing [role="status"][aria-live="polite"]').text()).toBe(
      'Publishing again after the review of version 3.2 for 1 place. It carries on if you leave this page.',
    );
  });

  it('starts a new draft and opens the editor on it', async () => {
    const api = reviewApi();
    api.on('CompleteReview', () => ({ data: { completeReview: { review: { id: 'r-2' }, schedule, draft: { id: 'v-6' } } } }));
    const { wrapper, router } = await renderApp('/policies/p-5');

    await buttonByText(wrapper, 'Complete review').trigger('click');
    await flushPromises();
    await wrapper.get('#review-outcome-NEW_DRAFT').setValue(true);
    await buttonByText(wrapper, 'Continue').trigger('click');
    await buttonByText(wrapper, 'Start the draft').trigger('click');
    // The editor is its own chunk (tiptap): it takes a moment to load.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/policies/p-5/edit'), { timeout: 5000 });
    expect(api.callsOf('CompleteReview')[0]?.variables).toMatchObject({ input: { outcome: 'NEW_DRAFT', nextReview: null } });
  });

  it('says why a review cannot be recorded', async () => {
    const api = reviewApi();
    api.on('CompleteReview', () => gqlError('BAD_USER_INPUT', undefined, { reason: 'DATE_IN_FUTURE' }));
    const { wrapper } = await renderApp('/policies/p-5');

    await buttonByText(wrapper, 'Complete review').trigger('click');
    await flushPromises();
    await wrapper.get('#review-outcome-NO_CHANGE').setValue(true);
    await buttonByText(wrapper, 'Continue').trigger('click');
    await buttonByText(wrapper, 'Record the review').trigger('click');
    await flushPromises();
    expect(wrapper.get('.complete-review-form [role="alert"]').text()).toBe('A review cannot be recorded for a date in the future: choose today or an earlier date.');
  });
});
