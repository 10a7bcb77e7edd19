import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewSettingsQuery, Role } from '../graphql/operations.generated';
import { aViewer, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp, settingsOffered } from '../test/render-app';

enableAutoUnmount(afterEach);

const headsOutlook = { id: 'feed-1', label: 'Head’s Outlook', createdAt: '2026-11-02T09:00:00Z', revokedAt: null, createdBy: { id: 'p-1', name: 'Sam Head' } };
const kcsie = {
  id: 'g-1',
  title: 'Keeping children safe in education',
  edition: '2026',
  inForceOn: '2026-09-01',
  note: null,
  flaggedCount: 31,
  openCount: 4,
  registeredAt: '2026-06-01T09:00:00Z',
  policyTypes: [{ key: 'child-protection', name: 'Child protection and safeguarding' }],
};

const settings: ReviewSettingsQuery = {
  reminderSettings: { leadDays: [60, 30, 7, 0], overdueWeekly: true },
  calendarFeeds: [headsOutlook],
  guidanceEditions: [kcsie],
  policyTypes: [
    { key: 'child-protection', name: 'Child protection and safeguarding', statutory: true },
    { key: 'behaviour', name: 'Behaviour', statutory: true },
  ],
};

function settingsApi(role: Role = 'ADMIN') {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    ReviewSettings: () => ({ data: settings }),
    CreateCalendarFeed: () => ({
      data: { createCalendarFeed: { url: 'https://ratify.example/api/reviews/calendar/s3cr3t.ics', feed: { ...headsOutlook, id: 'feed-2', label: 'Clerk’s Google' } } },
    }),
    RevokeCalendarFeed: () => ({ data: { revokeCalendarFeed: { ...headsOutlook, revokedAt: '2026-11-21T10:00:00Z' } } }),
    SetReminderSettings: ({ input }) => ({ data: { setReminderSettings: input } }),
    RegisterGuidanceEdition: () => ({ data: { registerGuidanceEdition: { ...kcsie, id: 'g-2', edition: '2027', inForceOn: '2027-09-01', flaggedCount: 14, openCount: 14 } } }),
  });
}

describe('review settings', () => {
  it('shows a new calendar address once, with a copy button and how to subscribe', async () => {
    const api = settingsApi();
    const { wrapper } = await renderApp('/settings/reviews');

    await fieldByLabel(wrapper, 'What is the address for?').setValue('Clerk’s Google');
    await buttonByText(wrapper, 'Make an address').trigger('click');
    await flushPromises();

    expect(api.callsOf('CreateCalendarFeed')[0]?.variables).toEqual({ input: { label: 'Clerk’s Google' } });
    expect(fieldByLabel(wrapper, 'Calendar address').element.value).toBe('https://ratify.example/api/reviews/calendar/s3cr3t.ics');
    expect(wrapper.get('.feed-created').text()).toContain('Copy it now: Ratify will not show it again.');
    expect(wrapper.get('.feed-created').text()).toContain('Subscribe from web');
    expect(wrapper.findAll('button').map((button) => button.text())).toContain('Copy the address');

    await buttonByText(wrapper, 'I have copied it').trigger('click');
    expect(wrapper.text()).not.toContain('s3cr3t');
  });

  it('revokes an address only once confirmed', async () => {
    const api = settingsApi();
    const { wrapper } = await renderApp('/settings/reviews');

    await buttonByText(wrapper, 'Revoke Head’s Outlook').trigger('click');
    expect(wrapper.get('.confirm-panel__question').text()).toBe('Revoke “Head’s Outlook”?');
    expect(api.callsOf('RevokeCalendarFeed')).toHaveLength(0);
    await buttonByText(wrapper, 'Revoke the address').trigger('click');
    await flushPromises();
    expect(api.callsOf('RevokeCalendarFeed')[0]?.variables).toEqual({ id: 'feed-1' });
    expect(wrapper.get('.calendar-feeds .form__status').text()).toBe('Revoked “Head’s Outlook”: calendars subscribed to it no longer update.');
  });

  it('changes the reminder days, checking them first', async () => {
    const api = settingsApi();
    const { wrapper } = await renderApp('/settings/reviews');

    await fieldByLabel(wrapper, 'Reminder 4, days before').setValue('7');
    await buttonByText(wrapper, 'Save reminders').trigger('click');
    expect(wrapper.get('.reminder-settings [role="alert"]').text()).toContain('Each reminder must be a different number of days.');
    await buttonByText(wrapper, 'Remove reminder 4').trigger('click');
    await buttonByText(wrapper, 'Add a reminder').trigger('click');
    await fieldByLabel(wrapper, 'Reminder 4, days before').setValue('14');
    await fieldByLabel(wrapper, 'Remind every week while a review is overdue').setValue(false);
    await buttonByText(wrapper, 'Save reminders').trigger('click');
    await flushPromises();
    expect(api.callsOf('SetReminderSettings')[0]?.variables).toEqual({ input: { leadDays: [60, 30, 14, 7], overdueWeekly: false } });
    expect(wrapper.text()).toContain('Saved the reminders.');
  });

  it('registers guidance and says how many policies it flagged', async () => {
    const api = settingsApi();
    const { wrapper } = await renderApp('/settings/reviews');

    expect(wrapper.get('.guidance-list').text()).toContain('Keeping children safe in education 2026, in force 1 September 2026: Child protection and safeguarding.');
    await buttonByText(wrapper, 'Register guidance').trigger('click');
    expect(wrapper.get('.guidance-form').text()).toContain('Choose the types of policy it affects.');
    await fieldByLabel(wrapper, 'Title').setValue('Keeping children safe in education');
    await fieldByLabel(wrapper, 'Edition').setValue('2027');
    await fieldByLabel(wrapper, 'In force from').setValue('2027-09-01');
    await fieldByLabel(wrapper, 'Child protection and safeguarding').setValue(true);
    await buttonByText(wrapper, 'Register guidance').trigger('click');
    await flushPromises();

    expect(api.callsOf('RegisterGuidanceEdition')[0]?.variables).toEqual({
      input: { title: 'Keeping children safe in education', edition: '2027', inForceOn: '2027-09-01', note: null, policyTypeKeys: ['child-protection'] },
    });
    expect(wrapper.get('.guidance-editions .form__status').text()).toBe(
      'Registered Keeping children safe in education 2027: 14 policies flagged “review required” by 1 September 2027.',
    );
  });

  it('is for administrators', async () => {
    const api = settingsApi('AUTHOR');
    const { wrapper } = await renderApp('/settings/reviews');
    expect(wrapper.text()).toContain('Only administrators can change the review settings.');
    expect(api.callsOf('ReviewSettings')).toHaveLength(0);
    const offered = await settingsOffered(wrapper);
    expect(offered.get('Terminology')).toBe('/settings/terminology');
    expect(offered.has('Review settings')).toBe(false);
  });
});
