import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aViewer, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

describe('route guard', () => {
  it('sends a signed-out person to sign in, remembering where they were going', async () => {
    const api = installFakeApi({ Me: () => ({ data: { me: null } }) });

    const { wrapper, router } = await renderApp('/policies/policy-3');

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/policies/policy-3');
    expect(wrapper.get('h1').text()).toBe('Sign in');
    expect(api.callsOf('Policy')).toHaveLength(0);
    expect(document.title).toBe('Sign in – Ratify');
  });

  it('lets a signed-in person through, asking the server who they are only once', async () => {
    const api = installFakeApi({
      Me: () => ({ data: { me: aViewer() } }),
      Policies: () => ({ data: { policies: [] } }),
      Policy: () => ({ errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] }),
    });

    const { router } = await renderApp('/policies');
    await router.push('/policies/policy-1');

    expect(router.currentRoute.value.name).toBe('policy');
    expect(api.callsOf('Me')).toHaveLength(1);
  });

  it('sends a signed-in person away from the sign-in page', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }), Policies: () => ({ data: { policies: [] } }) });

    const { router } = await renderApp('/sign-in');

    expect(router.currentRoute.value.fullPath).toBe('/policies');
  });

  it.each([
    ['an author', aViewer({ role: 'AUTHOR' }), '/policies'],
    ['an academy’s staff', aViewer({ role: 'PUBLISHER', school: { id: 'school-1', name: 'Willow Primary Academy' } }), '/policies'],
    ['an approver', aViewer({ role: 'APPROVER' }), '/approvals'],
    ['a trust administrator', aViewer({ role: 'ADMIN' }), '/reviews'],
  ])('takes %s from / (and from the sign-in page) to where their work is', async (_who, viewer, home) => {
    installFakeApi({ Me: () => ({ data: { me: viewer } }) });

    const { router } = await renderApp('/');
    expect(router.currentRoute.value.fullPath).toBe(home);

    await router.push('/sign-in');
    expect(router.currentRoute.value.fullPath).toBe(home);
  });

  it('treats an unreachable server as signed out, and asks again next time', async () => {
    const fetchStub = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', fetchStub);

    const { router } = await renderApp('/policies');
    expect(router.currentRoute.value.name).toBe('sign-in');

    const askedSoFar = fetchStub.mock.calls.length;
    await router.push('/policies');
    expect(fetchStub).toHaveBeenCalledTimes(askedSoFar + 1);
    expect(router.currentRoute.value.name).toBe('sign-in');
  });

  it('shows "Page not found" for an unknown path without asking who is signed in', async () => {
    const api = installFakeApi();

    const { wrapper } = await renderApp('/no/such/page');

    expect(wrapper.get('h1').text()).toBe('Page not found');
    expect(api.calls).toHaveLength(0);
  });
});
