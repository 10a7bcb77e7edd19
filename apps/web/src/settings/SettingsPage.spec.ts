import { enableAutoUnmount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../graphql/operations.generated';
import { aViewer, installFakeApi } from '../test/fake-api';
import { renderApp, settingsOffered } from '../test/render-app';

enableAutoUnmount(afterEach);

function signedIn(role: Role, school?: { id: string; name: string }) {
  installFakeApi({ Me: () => ({ data: { me: aViewer({ role, school }) } }), Policies: () => ({ data: { policies: [] } }) });
}

/** Each group on the page: its heading, and its links as "text → address". */
function groups(wrapper: VueWrapper): Record<string, string[]> {
  return Object.fromEntries(
    wrapper.findAll('main .settings-group').map((group) => [group.get('h2').text(), group.findAll('a').map((link) => `${link.text()} → ${link.attributes('href')}`)]),
  );
}

const EVERYONE = {
  'Your policies’ words': ['Terminology → /settings/terminology', 'Variables → /settings/variables'],
  Governance: ['Governance bodies and approval routes → /settings/governance'],
  Calendar: ['Term dates → /settings/calendar'],
};

describe('settings page', () => {
  it('offers an administrator every settings page, grouped, each saying what it is for', async () => {
    signedIn('ADMIN');
    const { wrapper } = await renderApp('/policies');
    await settingsOffered(wrapper);

    expect(document.title).toBe('Settings – Ratify');
    expect(groups(wrapper)).toEqual({
      'Your policies’ words': ['Terminology → /settings/terminology', 'Variables → /settings/variables'],
      Governance: ['Governance bodies and approval routes → /settings/governance', 'Review settings → /settings/reviews'],
      Calendar: ['Term dates → /settings/calendar'],
      Publishing: ['Branding → /settings/branding'],
      Organisation: ['People → /settings/people', 'Email outbox → /settings/outbox'],
    });
    const reviewSettings = wrapper.findAll('main .settings-list li').find((item) => item.get('a').text() === 'Review settings');
    expect(reviewSettings?.get('.settings-list__description').text()).toContain('Reminder lead times');
  });

  it.each<[string, Role, { id: string; name: string } | undefined, Record<string, string[]>]>([
    ['a trust’s author: no review settings, branding or outbox', 'AUTHOR', undefined, EVERYONE],
    ['an approver: the same', 'APPROVER', undefined, EVERYONE],
    ['an academy’s publisher: their academy’s branding too', 'PUBLISHER', { id: 's-willow', name: 'Willow Primary Academy' }, { ...EVERYONE, Publishing: ['Branding → /settings/branding'] }],
  ])('offers %s', async (_who, role, school, expected) => {
    signedIn(role, school);
    const { wrapper } = await renderApp('/policies');
    await settingsOffered(wrapper);
    expect(groups(wrapper)).toEqual(expected);
  });

  it('does not offer People to anyone but administrators', async () => {
    signedIn('AUTHOR');
    const { wrapper } = await renderApp('/policies');
    expect((await settingsOffered(wrapper)).has('People')).toBe(false);
  });
});
