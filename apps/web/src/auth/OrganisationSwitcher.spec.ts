import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../graphql/operations.generated';
import { failureMessage } from '../layout/failure-message';
import { aMembership, aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp, settle } from '../test/render-app';

enableAutoUnmount(afterEach);

const LEAF = { id: 'org-1', name: 'Leaf Trust' };
const LIFE = { id: 'org-life', name: 'LiFE Multi Academy Trust' };
const WILLOW = { id: 's-willow', name: 'Willow Primary Academy' };

/** Jo: working in Leaf Trust as `role`, and a member of LiFE MAT (as `lifeRole`) and of Willow, a Leaf academy. */
function jo(role: Role = 'AUTHOR', lifeRole: Role = 'AUTHOR') {
  return aViewer({
    displayName: 'Jo Clarke',
    organisationName: LEAF.name,
    role,
    others: [aMembership({ id: 'membership-life', organisation: LIFE, role: lifeRole }), aMembership({ id: 'membership-willow', organisation: LEAF, school: WILLOW, role: 'PUBLISHER' })],
  });
}

/** The same person after the server switched their session to LiFE MAT. */
function joInLife(lifeRole: Role = 'AUTHOR') {
  const viewer = jo('AUTHOR', lifeRole);
  return { ...viewer, activeMembership: viewer.memberships[1]! };
}

function switcherApi(lifeRole: Role = 'AUTHOR') {
  let inLife = false;
  const api = installFakeApi({
    Me: () => ({ data: { me: inLife ? joInLife(lifeRole) : jo('AUTHOR', lifeRole) } }),
    Policies: () => ({ data: { policies: [{ id: inLife ? 'p-life' : 'p-leaf', title: inLife ? 'Social Media Policy' : 'Use of Social Media Policy', currentVersion: null }] } }),
    SelectMembership: ({ membershipId }) => {
      if (membershipId !== 'membership-life') return gqlError('NOT_FOUND');
      inLife = true;
      return { data: { selectMembership: joInLife(lifeRole) } };
    },
  });
  return api;
}

function switcherButton(wrapper: VueWrapper) {
  return wrapper.get('header').get('button[aria-controls="organisation-switcher-panel"]');
}

async function openSwitcher(wrapper: VueWrapper) {
  await switcherButton(wrapper).trigger('click');
  await flushPromises();
  return wrapper.get('#organisation-switcher-panel');
}

function policyTitles(wrapper: VueWrapper): string[] {
  return wrapper.findAll('main tbody a').map((link) => link.text());
}

describe('organisation switcher', () => {
  it('names where the person works now, and lists each membership by organisation, academy and role', async () => {
    switcherApi();
    const { wrapper } = await renderApp('/policies');

    const button = switcherButton(wrapper);
    expect(button.text()).toBe('Leaf Trust — Author: switch organisation');
    expect(button.attributes('aria-expanded')).toBe('false');

    const panel = await openSwitcher(wrapper);
    expect(button.attributes('aria-expanded')).toBe('true');
    expect(panel.attributes('role')).toBe('region');
    expect(document.activeElement?.textContent?.trim()).toBe('Switch organisation');
    expect(panel.findAll('li').map((item) => item.text())).toEqual([
      'Leaf Trust — Author (you are working here)',
      'LiFE Multi Academy Trust — Author',
      'Willow Primary Academy, Leaf Trust — Publisher',
    ]);
    expect(panel.get('[aria-current="true"]').text()).toContain('Leaf Trust — Author');
    // Only the others can be chosen, each a button a keyboard reaches.
    expect(panel.findAll('li button').map((choice) => choice.text())).toEqual(['LiFE Multi Academy Trust — Author', 'Willow Primary Academy, Leaf Trust — Publisher']);

    await panel.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('#organisation-switcher-panel').exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
  });

  it('switches with the membership’s id, goes to that membership’s home and says where the person now works', async () => {
    const api = switcherApi('APPROVER');
    api.on('ApprovalInbox', () => ({ data: { approvalInbox: [] } }));
    const { wrapper, router } = await renderApp('/policies');

    await openSwitcher(wrapper);
    await buttonByText(wrapper, 'LiFE Multi Academy Trust — Approver').trigger('click');
    await settle();

    expect(api.callsOf('SelectMembership').map((call) => call.variables)).toEqual([{ membershipId: 'membership-life' }]);
    expect(router.currentRoute.value.fullPath).toBe('/approvals');
    expect(api.callsOf('ApprovalInbox')).toHaveLength(1);
    expect(wrapper.find('#organisation-switcher-panel').exists()).toBe(false);
    expect(wrapper.get('header [role="status"]').text()).toBe('You are now working in LiFE Multi Academy Trust.');
    expect(switcherButton(wrapper).text()).toBe('LiFE Multi Academy Trust — Approver: switch organisation');
    expect(document.activeElement?.id).toBe('main');

    // The announcement is for the switch only: the next page does not repeat it.
    await router.push('/policies');
    await settle();
    expect(wrapper.get('header [role="status"]').text()).toBe('');
  });

  it('opens the new organisation’s home afresh, even when it is the page already open', async () => {
    const api = switcherApi('AUTHOR');
    const { wrapper, router } = await renderApp('/policies');
    expect(policyTitles(wrapper)).toEqual(['Use of Social Media Policy']);

    await openSwitcher(wrapper);
    await buttonByText(wrapper, 'LiFE Multi Academy Trust — Author').trigger('click');
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/policies');
    expect(api.callsOf('Policies')).toHaveLength(2);
    expect(policyTitles(wrapper)).toEqual(['Social Media Policy']);
    expect(wrapper.get('header [role="status"]').text()).toBe('You are now working in LiFE Multi Academy Trust.');
  });

  it('forgets what it held for the old organisation, so the next page asks the API again', async () => {
    const api = switcherApi('ADMIN');
    api.on('ReviewDashboard', () => gqlError('INTERNAL_SERVER_ERROR'));
    api.on('Variables', () => ({ data: { variables: [] } }));
    let schools = [{ id: 's-willow', name: 'Willow Primary Academy', slug: 'willow' }];
    api.on('Schools', () => ({ data: { schools } }));
    const { wrapper, router } = await renderApp('/settings/variables');
    expect(fieldByLabel(wrapper, 'Values for').findAll('option').map((option) => option.text())).toContain('Willow Primary Academy');

    schools = [{ id: 's-life', name: 'Life Primary Academy', slug: 'life-primary' }];
    await openSwitcher(wrapper);
    await buttonByText(wrapper, 'LiFE Multi Academy Trust — Administrator').trigger('click');
    await settle();
    expect(router.currentRoute.value.fullPath).toBe('/reviews');

    await router.push('/settings/variables');
    await settle();
    expect(api.callsOf('Schools')).toHaveLength(2);
    const options = fieldByLabel(wrapper, 'Values for').findAll('option').map((option) => option.text());
    expect(options).toContain('Life Primary Academy');
    expect(options).not.toContain('Willow Primary Academy');
  });

  it('says in words why switching failed, and stays where the person was', async () => {
    const api = switcherApi();
    api.on('SelectMembership', () => gqlError('NOT_FOUND'));
    const { wrapper, router } = await renderApp('/policies');

    const panel = await openSwitcher(wrapper);
    await buttonByText(wrapper, 'LiFE Multi Academy Trust — Author').trigger('click');
    await settle();

    expect(panel.get('[role="alert"]').text()).toBe(failureMessage('NOT_FOUND', 'switch organisation'));
    expect(router.currentRoute.value.fullPath).toBe('/policies');
    expect(switcherButton(wrapper).text()).toBe('Leaf Trust — Author: switch organisation');
    expect(policyTitles(wrapper)).toEqual(['Use of Social Media Policy']);
    expect(api.callsOf('Policies')).toHaveLength(1);
    expect(wrapper.get('header [role="status"]').text()).toBe('');
  });

  it('is not there for a person with one membership: the header names their organisation', async () => {
    installFakeApi({
      Me: () => ({ data: { me: aViewer({ organisationName: 'Oak Academy Trust' }) } }),
      Policies: () => ({ data: { policies: [] } }),
    });
    const { wrapper } = await renderApp('/policies');

    expect(wrapper.find('button[aria-controls="organisation-switcher-panel"]').exists()).toBe(false);
    expect(wrapper.get('header').text()).toContain('Organisation: Oak Academy Trust');
  });
});
