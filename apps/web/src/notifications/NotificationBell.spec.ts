import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationsQuery, OutboxQuery } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, renderApp, settingsOffered } from '../test/render-app';

enableAutoUnmount(afterEach);

const notifications: NotificationsQuery['notifications'] = [
  { id: 'n-2', message: 'Use of Social Media Policy awaits your decision', link: '/approvals/r-1', createdAt: '2026-11-21T10:42:00Z', readAt: null },
  { id: 'n-1', message: 'Lettings Policy: Trust Board ratified it', link: '/policies/p-2', createdAt: '2026-11-20T09:00:00Z', readAt: '2026-11-20T10:00:00Z' },
];

function bellApi() {
  let unread = 1;
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role: 'APPROVER' }) } }),
    Policies: () => ({ data: { policies: [] } }),
    HeaderCounts: () => ({ data: { unreadNotificationCount: unread, approvalInbox: [{ id: 'r-1' }, { id: 'r-2' }] } }),
    Notifications: () => ({ data: { notifications } }),
    MarkNotificationsRead: ({ ids }) => {
      unread = 0;
      return { data: { markNotificationsRead: (ids as string[]).length || 1 } };
    },
    ApprovalRequest: () => gqlError('NOT_FOUND'),
  });
}

describe('notifications', () => {
  it('counts the unread ones on the bell, and the requests awaiting a decision beside Approvals', async () => {
    bellApi();
    const { wrapper } = await renderApp('/policies');

    expect(wrapper.get('.notifications__button').text()).toBe('Notifications1 unread');
    const approvals = wrapper.get('nav[aria-label="Main"]').findAll('a').find((link) => link.text().startsWith('Approvals'));
    expect(approvals?.text()).toBe('Approvals2 awaiting your decision');
  });

  it('lists the newest first, links each to what it is about, and marks one read when followed', async () => {
    const api = bellApi();
    const { wrapper, router } = await renderApp('/policies');

    const bell = wrapper.get('.notifications__button');
    await bell.trigger('click');
    await flushPromises();
    expect(bell.attributes('aria-expanded')).toBe('true');
    expect(document.activeElement?.id).toBe('notifications-title');
    const items = wrapper.findAll('.notification');
    expect(items.map((item) => item.get('.notification__message').text().replace(/\s+/g, ' '))).toEqual(['New: Use of Social Media Policy awaits your decision', 'Lettings Policy: Trust Board ratified it']);
    expect(items[0]?.text()).toContain('21 November 2026 at 10:42');

    await items[0]!.get('a').trigger('click');
    await flushPromises();

    expect(api.callsOf('MarkNotificationsRead')[0]?.variables).toEqual({ ids: ['n-2'] });
    // The request page is its own chunk: the navigation finishes once it has loaded.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/approvals/r-1'));
    await flushPromises();
    expect(wrapper.find('#notifications-panel').exists()).toBe(false);
    expect(wrapper.get('.notifications__button').text()).toBe('Notifications');
  });

  it('marks all read, and closes with Escape, back on the bell', async () => {
    const api = bellApi();
    const { wrapper } = await renderApp('/policies');

    await wrapper.get('.notifications__button').trigger('click');
    await flushPromises();
    await buttonByText(wrapper, 'Mark all as read').trigger('click');
    await flushPromises();
    expect(api.callsOf('MarkNotificationsRead')[0]?.variables).toEqual({ ids: [] });
    expect(wrapper.findAll('.notification--unread')).toHaveLength(0);

    await wrapper.get('#notifications-panel').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('#notifications-panel').exists()).toBe(false);
    expect(document.activeElement?.classList.contains('notifications__button')).toBe(true);
  });

  it('says when there are none', async () => {
    const api = bellApi();
    api.on('Notifications', () => ({ data: { notifications: [] } }));
    const { wrapper } = await renderApp('/policies');

    await wrapper.get('.notifications__button').trigger('click');
    await flushPromises();
    expect(wrapper.get('#notifications-panel').text()).toContain('Nothing yet.');
  });
});

describe('email outbox', () => {
  const outbox: OutboxQuery['outbox'] = {
    delivering: false,
    emails: [{ id: 'e-1', to: 'chair.far@leaftrust.example', subject: 'Use of Social Media Policy awaits your decision', body: 'Open it in Ratify', createdAt: '2026-11-21T10:42:00Z', sentAt: null, attempts: 0, lastError: null }],
  };

  it('shows administrators each email and that it waits for a mail server', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer({ role: 'ADMIN' }) } }), Outbox: () => ({ data: { outbox } }) });
    const { wrapper } = await renderApp('/settings/outbox');

    expect(wrapper.get('h1').text()).toBe('Email outbox');
    const cells = wrapper.findAll('tbody td').map((cell) => cell.text());
    expect(cells[0]).toBe('chair.far@leaftrust.example');
    expect(cells[1]).toContain('Use of Social Media Policy awaits your decision');
    expect(cells[3]).toBe('Waiting: no mail server is configured');
    expect((await settingsOffered(wrapper)).get('Email outbox')).toBe('/settings/outbox');
  });

  it('is for administrators only', async () => {
    const api = installFakeApi({ Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }) });
    const { wrapper } = await renderApp('/settings/outbox');

    expect(wrapper.text()).toContain('Only administrators can see the organisation’s email.');
    expect(api.callsOf('Outbox')).toHaveLength(0);
    const offered = await settingsOffered(wrapper);
    expect(offered.get('Terminology')).toBe('/settings/terminology');
    expect(offered.has('Email outbox')).toBe(false);
  });
});
