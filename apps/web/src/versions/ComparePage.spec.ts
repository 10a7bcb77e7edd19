import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { aRedline } from '../test/redline-fixtures';
import { renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

function compareApi(redline = aRedline({ to: { ...aRedline().to, number: '2.0', status: 'APPROVED' } })) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role: 'VIEWER' }) } }),
    CompareVersions: () => ({ data: { policy: { id: 'p-1', title: 'Use of Social Media Policy', numbering: 'NUMBERED' }, compareVersions: redline } }),
  });
}

describe('comparing two versions', () => {
  it('asks for the two versions it was given, and says which they are', async () => {
    const api = compareApi();
    const { wrapper } = await renderApp('/policies/p-1/compare?from=v-1&to=v-2');

    expect(api.callsOf('CompareVersions')[0]?.variables).toEqual({ policyId: 'p-1', fromVersionId: 'v-1', toVersionId: 'v-2' });
    expect(wrapper.get('h1').text()).toBe('Changes from version 1.0 to version 2.0');
    expect(document.title).toBe('Changes from version 1.0 to version 2.0 – Use of Social Media Policy – Ratify');
  });

  it('shows the counts, then each clause that differs under its heading, words inserted and struck through', async () => {
    compareApi();
    const { wrapper } = await renderApp('/policies/p-1/compare?from=v-1&to=v-2');

    const counts = Object.fromEntries(wrapper.findAll('.redline-counts__item').map((item) => [item.get('dt').text(), item.get('dd').text()]));
    expect(counts).toEqual({ Changed: '1', Added: '1', Removed: '1', Moved: '0', Unchanged: '4' });
    expect(wrapper.get('.redline h2').text()).toBe('Introduction');

    const [changed, added, removed] = wrapper.findAll('.redline-clause');
    expect(changed?.get('.redline-clause__where').text()).toBe('Clause 1.1: Changed');
    expect(changed?.findAll('ins').map((ins) => ins.text())).toEqual(['added: professional (end of addition)', 'added: pupils online. (end of addition)']);
    expect(changed?.findAll('del').map((del) => del.text())).toEqual(['removed: pupils. (end of removal)']);
    // "added" and "removed" are for screen readers: the page shows the words themselves.
    expect(changed?.get('ins .visually-hidden').text()).toBe('added:');

    expect(added?.get('.redline-clause__where').text()).toBe('Clause 1.2: Added clause');
    expect(added?.get('ins').text()).toContain('Report concerns to the DSL.');
    expect(removed?.get('.redline-clause__where').text()).toBe('Was clause 1.2: Removed clause');
    expect(removed?.get('del').text()).toContain('Staff may use personal phones.');
  });

  it('says when the texts are the same, and when one is a first version', async () => {
    compareApi(aRedline({ from: null, clauses: [], counts: { changed: 0, added: 0, removed: 0, moved: 0, unchanged: 0 } }));
    const { wrapper } = await renderApp('/policies/p-1/compare?from=v-1&to=v-2');

    expect(wrapper.text()).toContain('This is the policy’s first version: every clause is new.');
    expect(wrapper.text()).toContain('The two versions have the same text.');
  });

  it('explains versions of different policies, and a missing choice', async () => {
    const api = compareApi();
    api.on('CompareVersions', () => gqlError('BAD_USER_INPUT'));
    const { wrapper } = await renderApp('/policies/p-1/compare?from=v-1&to=v-9');
    expect(wrapper.text()).toContain('These two versions are not of the same policy, so they cannot be compared.');

    const { wrapper: unchosen } = await renderApp('/policies/p-1/compare');
    expect(unchosen.text()).toContain('Choose the two versions to compare on the policy’s page');
  });
});
