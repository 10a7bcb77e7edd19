import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvitationFieldsFragment, MemberFieldsFragment, Role } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

const willow = { id: 'school-willow', name: 'Willow Primary Academy' };

const members: MemberFieldsFragment[] = [
  { membershipId: 'm-sam', person: { id: 'person-1', displayName: 'Sam Head', email: 'sam.head@oak-trust.example' }, role: 'ADMIN', school: null, joinedAt: '2025-01-06T09:00:00Z' },
  { membershipId: 'm-olivia', person: { id: 'p-olivia', displayName: 'Olivia Grant', email: 'olivia@oak-trust.example' }, role: 'AUTHOR', school: null, joinedAt: '2025-01-07T09:00:00Z' },
  { membershipId: 'm-hannah', person: { id: 'p-hannah', displayName: 'Hannah Price', email: 'head@willow.example' }, role: 'PUBLISHER', school: willow, joinedAt: '2025-01-08T09:00:00Z' },
];

const pending: InvitationFieldsFragment = {
  id: 'inv-1',
  email: 'new.clerk@oak-trust.example',
  role: 'VIEWER',
  school: null,
  invitedBy: { id: 'person-1', name: 'Sam Head' },
  sentAt: '2026-11-20T10:00:00Z',
  expiresAt: '2026-12-04T10:00:00Z',
  expired: false,
};

function peopleApi(role: Role = 'ADMIN', invitations: InvitationFieldsFragment[] = [pending]) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    People: () => ({ data: { people: { members, invitations } } }),
    Schools: () => ({ data: { schools: [{ ...willow, slug: 'willow', kind: 'SCHOOL' }] } }),
    InviteMember: ({ input }) => ({ data: { inviteMember: { ...pending, id: 'inv-2', ...(input as object), school: null } } }),
    ResendInvitation: () => ({ data: { resendInvitation: pending } }),
    CancelInvitation: () => ({ data: { cancelInvitation: true } }),
    UpdateMembership: ({ input }) => ({ data: { updateMembership: { ...members[1]!, role: (input as { role: Role }).role, school: willow } } }),
    RemoveMembership: () => ({ data: { removeMembership: true } }),
  });
}

const rowOf = (wrapper: Awaited<ReturnType<typeof renderApp>>['wrapper'], name: string) => wrapper.findAll('tr').find((row) => row.find('th[scope="row"]').exists() && row.get('th[scope="row"]').text().startsWith(name))!;

describe('people settings', () => {
  it('lists the members with their email, role and academy, and the invitations waiting, with en-GB dates', async () => {
    peopleApi();
    const { wrapper } = await renderApp('/settings/people');

    expect(document.title).toBe('People – Ratify');
    expect(wrapper.get('h1').text()).toBe('People');
    expect(rowOf(wrapper, 'Sam Head').text()).toContain('(you)');
    const hannah = rowOf(wrapper, 'Hannah Price').findAll('td').map((cell) => cell.text());
    expect(hannah.slice(0, 3)).toEqual(['head@willow.example', 'Publisher', 'Willow Primary Academy']);
    expect(rowOf(wrapper, 'Olivia Grant').findAll('td')[2]?.text()).toBe('Whole trust');
    const invitation = rowOf(wrapper, 'new.clerk@oak-trust.example').findAll('td').map((cell) => cell.text());
    expect(invitation).toEqual(['Viewer', 'Whole trust', 'Sam Head', '20 November 2026', '4 December 2026', expect.stringContaining('Send again')]);
  });

  it('tells someone who is not an admin that only admins can see it, and asks for nothing', async () => {
    const api = peopleApi('AUTHOR');
    const { wrapper } = await renderApp('/settings/people');
    expect(wrapper.text()).toContain('Only administrators can see and change the organisation’s people.');
    expect(api.callsOf('People')).toHaveLength(0);
  });

  it('invites someone to an academy, says so, and lists the invitation', async () => {
    const api = peopleApi();
    const { wrapper } = await renderApp('/settings/people');

    await buttonByText(wrapper, 'Invite someone').trigger('click');
    expect(document.activeElement?.id).toBe('invite-email');
    await fieldByLabel(wrapper, 'Email address').setValue(' priya@willow.example ');
    await fieldByLabel(wrapper, 'Role').setValue('PUBLISHER');
    await fieldByLabel(wrapper, 'Where they work').setValue(willow.id);
    await buttonByText(wrapper, 'Send the invitation').trigger('submit');
    await flushPromises();

    expect(api.callsOf('InviteMember')[0]?.variables).toEqual({ input: { email: 'priya@willow.example', role: 'PUBLISHER', schoolId: willow.id } });
    expect(api.callsOf('People')).toHaveLength(2);
    expect(wrapper.get('[role="status"]').text()).toBe('Invitation sent to priya@willow.example.');
    expect(document.activeElement?.id).toBe('open-invite');
  });

  it('says what is wrong before sending: no email, or an approver at an academy', async () => {
    const api = peopleApi();
    const { wrapper } = await renderApp('/settings/people');

    await buttonByText(wrapper, 'Invite someone').trigger('click');
    await fieldByLabel(wrapper, 'Role').setValue('APPROVER');
    await fieldByLabel(wrapper, 'Where they work').setValue(willow.id);
    await buttonByText(wrapper, 'Send the invitation').trigger('submit');
    await flushPromises();

    expect(wrapper.get('#invite-email-error').text()).toBe('Enter the email address of the person to invite.');
    expect(wrapper.get('#invite-place-error').text()).toContain('Administrators and approvers work for the whole trust');
    expect(document.activeElement?.id).toBe('invite-email');
    expect(api.callsOf('InviteMember')).toHaveLength(0);
  });

  it('explains a refusal by its reason: someone who is already a member', async () => {
    const api = peopleApi();
    api.on('InviteMember', () => gqlError('BAD_USER_INPUT', 'server words', { reason: 'ALREADY_MEMBER', field: 'email' }));
    const { wrapper } = await renderApp('/settings/people');

    await buttonByText(wrapper, 'Invite someone').trigger('click');
    await fieldByLabel(wrapper, 'Email address').setValue('olivia@oak-trust.example');
    await buttonByText(wrapper, 'Send the invitation').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toBe('That person is already a member: they are in the list of members, where you can change their role.');
    expect(wrapper.text()).not.toContain('server words');
  });

  it('sends an invitation again and cancels one, announcing each', async () => {
    const api = peopleApi();
    const { wrapper } = await renderApp('/settings/people');

    await buttonByText(wrapper, 'Send again to new.clerk@oak-trust.example').trigger('click');
    await flushPromises();
    expect(api.callsOf('ResendInvitation')[0]?.variables).toEqual({ id: 'inv-1' });
    expect(wrapper.get('[role="status"]').text()).toBe('Sent a new invitation to new.clerk@oak-trust.example; the link in the earlier one no longer works.');

    await buttonByText(wrapper, 'Cancel the invitation to new.clerk@oak-trust.example').trigger('click');
    await flushPromises();
    expect(api.callsOf('CancelInvitation')[0]?.variables).toEqual({ id: 'inv-1' });
    expect(wrapper.get('[role="status"]').text()).toBe('Cancelled the invitation to new.clerk@oak-trust.example; its link no longer works.');
  });

  it('changes a member’s role and academy', async () => {
    const api = peopleApi();
    const { wrapper } = await renderApp('/settings/people');

    await buttonByText(wrapper, 'Change role of Olivia Grant').trigger('click');
    expect(document.activeElement?.id).toBe('membership-m-olivia-role');
    await fieldByLabel(wrapper, 'Role of Olivia Grant').setValue('PUBLISHER');
    await fieldByLabel(wrapper, 'Where they work (Olivia Grant)').setValue(willow.id);
    await buttonByText(wrapper, 'Save changes').trigger('submit');
    await flushPromises();

    expect(api.callsOf('UpdateMembership')[0]?.variables).toEqual({ input: { membershipId: 'm-olivia', role: 'PUBLISHER', schoolId: willow.id } });
    expect(wrapper.get('[role="status"]').text()).toBe('Olivia Grant is now publisher at Willow Primary Academy.');
    expect(document.activeElement?.id).toBe('change-m-olivia');
  });

  it('asks before removing someone, and removes them only when confirmed', async () => {
    const api = peopleApi();
    const { wrapper } = await renderApp('/settings/people');

    await buttonByText(wrapper, 'Remove Olivia Grant').trigger('click');
    expect(wrapper.get('.confirm-panel__question').text()).toBe('Remove Olivia Grant from Oak Academy Trust?');
    expect(document.activeElement?.id).toBe('confirm-remove-m-olivia-question');
    await buttonByText(wrapper, 'Cancel').trigger('click');
    expect(api.callsOf('RemoveMembership')).toHaveLength(0);
    expect(wrapper.find('.confirm-panel').exists()).toBe(false);

    await buttonByText(wrapper, 'Remove Olivia Grant').trigger('click');
    await buttonByText(wrapper, 'Remove').trigger('click');
    await flushPromises();
    expect(api.callsOf('RemoveMembership')[0]?.variables).toEqual({ membershipId: 'm-olivia' });
    expect(wrapper.get('[role="status"]').text()).toBe('Removed Olivia Grant from Oak Academy Trust.');
  });

  it('says why the last admin cannot be removed', async () => {
    const api = peopleApi();
    api.on('RemoveMembership', () => gqlError('CONFLICT', 'server words', { reason: 'LAST_ADMIN' }));
    const { wrapper } = await renderApp('/settings/people');

    await buttonByText(wrapper, 'Remove Sam Head').trigger('click');
    await buttonByText(wrapper, 'Remove').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toBe('This is the organisation’s only administrator, so they cannot be removed or given another role. Make someone else an administrator first.');
    expect(wrapper.get('[role="status"]').text()).toBe('');
  });
});
