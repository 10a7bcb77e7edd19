import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { InvitationFactsQuery } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';
const facts: InvitationFactsQuery['invitation'] = { organisationName: 'Leaf Trust', role: 'PUBLISHER', schoolName: 'Willow Primary Academy', email: 'priya@willow.example' };
const joined = aViewer({ displayName: 'Priya Shah', organisationName: 'Leaf Trust', role: 'PUBLISHER', school: { id: 'school-willow', name: 'Willow Primary Academy' } });

function invitationApi(me: ReturnType<typeof aViewer> | null = null) {
  return installFakeApi({
    Me: () => ({ data: { me } }),
    InvitationFacts: () => ({ data: { invitation: facts } }),
    AcceptInvitation: () => ({ data: { acceptInvitation: { ...joined, person: { ...joined.person, email: facts.email } } } }),
    SignOut: () => ({ data: { signOut: true } }),
    Policies: () => ({ data: { policies: [] } }),
  });
}

describe('the invitation page', () => {
  it('says what the invitation offers, to someone signed out', async () => {
    const api = invitationApi();
    const { wrapper } = await renderApp(`/invitations/${TOKEN}`);

    expect(api.callsOf('InvitationFacts')[0]?.variables).toEqual({ token: TOKEN });
    expect(wrapper.get('h1').text()).toBe('Join Leaf Trust');
    expect(wrapper.text()).toContain('You have been invited to join Leaf Trust as a school publisher at Willow Primary Academy.');
    expect(wrapper.text()).toContain('The invitation is for priya@willow.example.');
    expect(document.title).toBe('Join Leaf Trust – Ratify');
    const signIn = wrapper.findAll('a').find((link) => link.text() === 'Sign in to accept the invitation');
    expect(signIn?.attributes('href')).toBe(`/sign-in?redirect=/invitations/${TOKEN}`);
  });

  it('makes the account with a name and a password, then takes the person to their work', async () => {
    const api = invitationApi();
    const { wrapper, router } = await renderApp(`/invitations/${TOKEN}`);

    await fieldByLabel(wrapper, 'Your name').setValue(' Priya Shah ');
    await fieldByLabel(wrapper, 'Choose a password').setValue('willow tree by the brook');
    await buttonByText(wrapper, 'Create my account and join').trigger('submit');
    await flushPromises();

    expect(api.callsOf('AcceptInvitation')[0]?.variables).toEqual({ input: { token: TOKEN, displayName: 'Priya Shah', password: 'willow tree by the brook' } });
    expect(router.currentRoute.value.fullPath).toBe('/policies');
  });

  it('asks for a name and a long enough password before sending anything', async () => {
    const api = invitationApi();
    const { wrapper } = await renderApp(`/invitations/${TOKEN}`);

    await fieldByLabel(wrapper, 'Choose a password').setValue('short');
    await buttonByText(wrapper, 'Create my account and join').trigger('submit');
    await flushPromises();

    expect(wrapper.get('#invitation-name-error').text()).toBe('Enter your name, as colleagues know you.');
    expect(wrapper.get('#invitation-password-error').text()).toContain('at least 12 characters');
    expect(wrapper.get('#invitation-password').attributes('aria-describedby')).toBe('invitation-password-hint invitation-password-error');
    expect(document.activeElement?.id).toBe('invitation-name');
    expect(api.callsOf('AcceptInvitation')).toHaveLength(0);
  });

  it('sends someone who already has an account to sign in, to come back here', async () => {
    const api = invitationApi();
    api.on('AcceptInvitation', () => gqlError('CONFLICT', 'server words', { reason: 'ACCOUNT_EXISTS' }));
    const { wrapper } = await renderApp(`/invitations/${TOKEN}`);

    await fieldByLabel(wrapper, 'Your name').setValue('Priya Shah');
    await fieldByLabel(wrapper, 'Choose a password').setValue('willow tree by the brook');
    await buttonByText(wrapper, 'Create my account and join').trigger('submit');
    await flushPromises();

    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toContain('You already have a Ratify account with this email. Sign in with it, and you will come back here to accept.');
    expect(alert.get('a').attributes('href')).toBe(`/sign-in?redirect=/invitations/${TOKEN}`);
    expect(fieldByLabel(wrapper, 'Choose a password').element.value).toBe('');
  });

  it('lets the invited person, signed in, accept with one button', async () => {
    const api = invitationApi(aViewer({ organisationName: 'Another Trust', role: 'AUTHOR' }));
    api.on('Me', () => ({ data: { me: { ...aViewer({ organisationName: 'Another Trust', role: 'AUTHOR' }), person: { id: 'p', email: facts.email, displayName: 'Priya Shah' } } } }));
    const { wrapper, router } = await renderApp(`/invitations/${TOKEN}`);

    expect(wrapper.text()).toContain('You are signed in as priya@willow.example.');
    expect(wrapper.find('#invitation-name').exists()).toBe(false);
    await buttonByText(wrapper, 'Accept the invitation').trigger('submit');
    await flushPromises();

    expect(api.callsOf('AcceptInvitation')[0]?.variables).toEqual({ input: { token: TOKEN } });
    expect(router.currentRoute.value.fullPath).toBe('/policies');
  });

  it('tells someone signed in as another email, and offers to sign out', async () => {
    const api = invitationApi(aViewer());
    const { wrapper } = await renderApp(`/invitations/${TOKEN}`);

    expect(wrapper.get('[role="status"]').text()).toBe(
      'You are signed in as sam.head@oak-trust.example. To accept this invitation, sign out, then sign in with priya@willow.example (or create an account for it).',
    );
    expect(wrapper.findAll('button').map((button) => button.text())).not.toContain('Accept the invitation');
    await buttonByText(wrapper, 'Sign out').trigger('click');
    await flushPromises();

    expect(api.callsOf('SignOut')).toHaveLength(1);
    expect(api.callsOf('InvitationFacts')).toHaveLength(2);
    expect(wrapper.find('#invitation-name').exists()).toBe(true);
  });

  it('gives one message for a link that cannot be used, whatever the reason', async () => {
    const api = invitationApi();
    api.on('InvitationFacts', () => gqlError('NOT_FOUND', 'server words'));
    const { wrapper } = await renderApp(`/invitations/${TOKEN}`);

    expect(wrapper.get('h1').text()).toBe('This invitation cannot be used');
    expect(wrapper.text()).toContain('This invitation link has expired or was already used. Ask the person who invited you to send a new one.');
    expect(wrapper.text()).not.toContain('server words');
    expect(wrapper.find('form').exists()).toBe(false);
  });
});
