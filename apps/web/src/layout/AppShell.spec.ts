import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { buttonByText, renderApp, settle } from '../test/render-app';

enableAutoUnmount(afterEach);

function signedInApi() {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ displayName: 'Sam Head', organisationName: 'Oak Academy Trust' }) } }),
    Policies: () => ({ data: { policies: [{ id: 'p-1', title: 'Attendance', currentVersion: null }] } }),
    SignOut: () => ({ data: { signOut: true } }),
  });
}

describe('app shell', () => {
  it('shows the organisation and the person signed in, after a skip link to the content', async () => {
    signedInApi();

    const { wrapper } = await renderApp('/policies');

    const header = wrapper.get('header');
    expect(header.text()).toContain('Ratify');
    expect(header.text()).toContain('Oak Academy Trust');
    expect(header.text()).toContain('Sam Head');
    const skipLink = wrapper.get('a.skip-link');
    expect(skipLink.element).toBe(document.body.querySelector('a'));
    expect(document.querySelector(skipLink.attributes('href') ?? '')?.tagName).toBe('MAIN');
  });

  it('signs out, forgets the policies and goes to sign in', async () => {
    const api = signedInApi();
    const { wrapper, router } = await renderApp('/policies');

    await buttonByText(wrapper, 'Sign out').trigger('click');
    await flushPromises();

    expect(api.callsOf('SignOut')).toHaveLength(1);
    expect(router.currentRoute.value.fullPath).toBe('/sign-in');
    expect(wrapper.find('header').exists()).toBe(false);

    // Going back is refused without asking the server again, and the old list is gone.
    await router.push('/policies');
    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(api.callsOf('Me')).toHaveLength(1);
  });

  it('says so and stays when signing out fails', async () => {
    const api = signedInApi();
    api.on('SignOut', () => gqlError('INTERNAL_SERVER_ERROR'));
    const { wrapper, router } = await renderApp('/policies');

    await buttonByText(wrapper, 'Sign out').trigger('click');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/policies');
    expect(wrapper.get('[role="alert"]').text()).toContain('You are still signed in');
  });

  it('keeps the main navigation to everyday work, with Settings marked current on every settings page', async () => {
    signedInApi();
    const { wrapper, router } = await renderApp('/policies');
    const nav = wrapper.get('nav[aria-label="Main"]');
    expect(nav.findAll('a').map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Policies', '/policies'],
      ['Approvals', '/approvals'],
      ['Reviews', '/reviews'],
      ['Template library', '/templates'],
      ['Settings', '/settings'],
    ]);
    const settings = () => nav.findAll('a').find((link) => link.text() === 'Settings')!;
    expect(settings().attributes('aria-current')).toBeUndefined();

    installFakeApi({
      Me: () => ({ data: { me: aViewer() } }),
      TermCalendar: () => gqlError('INTERNAL_SERVER_ERROR'),
      Schools: () => ({ data: { schools: [] } }),
    });
    await router.push('/settings');
    await settle();
    expect(settings().attributes('aria-current')).toBe('page');
    await router.push('/settings/calendar');
    await settle();
    expect(settings().attributes('aria-current')).toBe('true');
    expect(nav.find('[aria-current="page"]').exists()).toBe(false);
  });

  it('moves focus to the main content after navigating', async () => {
    signedInApi();
    const { wrapper } = await renderApp('/policies');
    installFakeApi({
      Policy: ({ id }) => ({ data: { policy: aPolicyDetail({ id: String(id) }) } }),
    });

    await wrapper.get('tbody a').trigger('click');
    await flushPromises();

    expect(document.activeElement?.id).toBe('main');
  });
});
