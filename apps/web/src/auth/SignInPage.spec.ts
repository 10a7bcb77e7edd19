import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aViewer, deferred, gqlError, installFakeApi, type GraphQLAnswer } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

function signedOutApi() {
  return installFakeApi({
    Me: () => ({ data: { me: null } }),
    Policies: () => ({ data: { policies: [] } }),
    Policy: ({ id }) => ({
      data: { policy: aPolicyDetail({ id: String(id), title: 'Charging and remissions', slug: 'charging', statutory: true, reviewCycleMonths: 12 }) },
    }),
  });
}

async function fillAndSubmit(wrapper: Awaited<ReturnType<typeof renderApp>>['wrapper'], email: string, password: string) {
  await fieldByLabel(wrapper, 'Email').setValue(email);
  await fieldByLabel(wrapper, 'Password').setValue(password);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('sign in', () => {
  it('labels the fields so browsers and password managers fill them', async () => {
    signedOutApi();
    const { wrapper } = await renderApp('/sign-in');

    const email = fieldByLabel(wrapper, 'Email');
    const password = fieldByLabel(wrapper, 'Password');
    expect([email.attributes('type'), email.attributes('autocomplete')]).toEqual(['email', 'username']);
    expect([password.attributes('type'), password.attributes('autocomplete')]).toEqual(['password', 'current-password']);
  });

  it('says the email or password is incorrect on UNAUTHENTICATED, and stays put', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => gqlError('UNAUTHENTICATED'));
    const { wrapper, router } = await renderApp('/sign-in');

    await fillAndSubmit(wrapper, ' sam.head@oak-trust.example ', 'wrong horse battery');

    expect(wrapper.get('[role="alert"]').text()).toBe('Email or password is incorrect.');
    expect(router.currentRoute.value.fullPath).toBe('/sign-in');
    expect(api.callsOf('SignIn')[0]?.variables).toEqual({
      input: { email: 'sam.head@oak-trust.example', password: 'wrong horse battery' },
    });
    expect(fieldByLabel(wrapper, 'Email').element.value).toBe('sam.head@oak-trust.example');
    expect(fieldByLabel(wrapper, 'Password').element.value).toBe('');
    expect(api.callsOf('Policies')).toHaveLength(0);
  });

  it('asks the person to wait after too many attempts', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => gqlError('TOO_MANY_REQUESTS'));
    const { wrapper, router } = await renderApp('/sign-in');

    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'correct');

    expect(wrapper.get('[role="alert"]').text()).toBe('Too many attempts to sign in. Please wait 15 minutes and try again.');
    expect(router.currentRoute.value.fullPath).toBe('/sign-in');
  });

  it('shows a generic message for any other failure, never the server text', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => gqlError('INTERNAL_SERVER_ERROR', 'connection to database lost'));
    const { wrapper, router } = await renderApp('/sign-in');

    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'correct');

    const alert = wrapper.get('[role="alert"]').text();
    expect(alert).toContain('something went wrong');
    expect(alert).not.toContain('incorrect');
    expect(alert).not.toContain('database');
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('shows it is busy while signing in and does not send a second request', async () => {
    const api = signedOutApi();
    const answer = deferred<GraphQLAnswer>();
    api.on('SignIn', () => answer.promise);
    const { wrapper, router } = await renderApp('/sign-in');

    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'correct');
    const button = wrapper.get('button[type="submit"]');
    expect(button.text()).toBe('Signing in…');
    expect(button.attributes('aria-disabled')).toBe('true');
    expect(wrapper.get('form').attributes('aria-busy')).toBe('true');

    await wrapper.find('form').trigger('submit');
    expect(api.callsOf('SignIn')).toHaveLength(1);

    answer.resolve({ data: { signIn: aViewer({ role: 'AUTHOR' }) } });
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/policies');
  });

  it('goes to the policies and shows who is signed in', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => ({ data: { signIn: aViewer({ displayName: 'Priya Shah', role: 'AUTHOR' }) } }));
    const { wrapper, router } = await renderApp('/sign-in');

    await fillAndSubmit(wrapper, 'priya@oak-trust.example', 'correct');

    expect(router.currentRoute.value.fullPath).toBe('/policies');
    expect(wrapper.get('header').text()).toContain('Priya Shah');
    expect(wrapper.get('h1').text()).toBe('Policies');
  });

  it('returns to the page that asked for sign-in', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => ({ data: { signIn: aViewer() } }));
    const { wrapper, router } = await renderApp('/sign-in?redirect=%2Fpolicies%2Fpolicy-9');

    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'correct');

    expect(router.currentRoute.value.fullPath).toBe('/policies/policy-9');
    expect(wrapper.get('h1').text()).toBe('Charging and remissions');
  });

  it.each([
    ['an approver', 'APPROVER', '/approvals'],
    ['a trust administrator', 'ADMIN', '/reviews'],
  ] as const)('takes %s to where their work is', async (_who, role, home) => {
    const api = signedOutApi();
    api.on('SignIn', () => ({ data: { signIn: aViewer({ role }) } }));
    const { wrapper, router } = await renderApp('/sign-in');

    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'correct');

    // Their home's page is its own chunk: the navigation ends once it has loaded.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(home));
  });

  it('takes an academy’s staff to the policies', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => ({ data: { signIn: aViewer({ role: 'PUBLISHER', school: { id: 'school-1', name: 'Willow Primary Academy' } }) } }));
    const { wrapper, router } = await renderApp('/sign-in');

    await fillAndSubmit(wrapper, 'head@willow.example', 'correct');

    expect(router.currentRoute.value.fullPath).toBe('/policies');
  });

  it('ignores a redirect that would leave the app', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => ({ data: { signIn: aViewer({ role: 'AUTHOR' }) } }));
    const { wrapper, router } = await renderApp('/sign-in?redirect=%2F%2Fevil.example%2Fphish');

    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'correct');

    expect(router.currentRoute.value.fullPath).toBe('/policies');
  });

  it('can try again after a failure', async () => {
    const api = signedOutApi();
    api.on('SignIn', () => gqlError('UNAUTHENTICATED'));
    const { wrapper, router } = await renderApp('/sign-in');
    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'wrong');

    api.on('SignIn', () => ({ data: { signIn: aViewer({ role: 'AUTHOR' }) } }));
    await fillAndSubmit(wrapper, 'sam.head@oak-trust.example', 'correct');

    expect(router.currentRoute.value.fullPath).toBe('/policies');
  });
});
