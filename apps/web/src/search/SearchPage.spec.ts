import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aViewer, gqlError, installFakeApi, type GraphQLAnswer } from '../test/fake-api';
import { fieldByLabel, renderApp } from '../test/render-app';
import type { SearchHit } from './search.store';

enableAutoUnmount(afterEach);

const hits: SearchHit[] = [
  {
    policy: { id: 'policy-1', title: 'Use of Social Media Policy' },
    version: { id: 'v-1', number: '1.0', status: 'APPROVED' },
    clauseId: 'clause-7',
    sectionHeading: 'Scope',
    snippet: 'Staff must not use <mark>social</mark> media with pupils &amp; parents &lt;b&gt;',
  },
  {
    policy: { id: 'policy-2', title: 'Online Safety' },
    version: { id: 'v-2', number: null, status: 'DRAFT' },
    clauseId: null,
    sectionHeading: null,
    snippet: '<mark>Social</mark> networks',
  },
];

function searchApi(answer: (variables: Record<string, unknown>) => GraphQLAnswer = () => ({ data: { searchPolicies: hits } })) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role: 'VIEWER' }) } }),
    Policies: () => ({ data: { policies: [] } }),
    SearchPolicies: answer,
  });
}

describe('searching policies', () => {
  it('searches from the policies page on Enter, with the words in the address', async () => {
    const api = searchApi();
    const { wrapper, router } = await renderApp('/policies');

    await fieldByLabel(wrapper, 'Search policies').setValue('  social media ');
    await wrapper.get('form[role="search"]').trigger('submit');
    await flushPromises();

    expect(router.currentRoute.value.fullPath).toBe('/policies/search?q=social+media');
    expect(api.callsOf('SearchPolicies')[0]?.variables).toEqual({ query: 'social media' });
    expect(fieldByLabel(wrapper, 'Search policies').element.value).toBe('social media');
  });

  it('lists each hit: the policy linked to its clause, the section, and the snippet with the matches marked', async () => {
    searchApi();
    const { wrapper } = await renderApp('/policies/search?q=social');

    expect(wrapper.get('.search-summary').text()).toBe('2 results for “social”.');
    const [first, second] = wrapper.findAll('.search-result');
    expect(first?.get('a').text()).toBe('Use of Social Media Policy');
    expect(first?.get('a').attributes('href')).toBe('/policies/policy-1#clause-clause-7');
    expect(first?.get('.search-result__where').text()).toBe('Scope · Version 1.0, approved');
    const snippet = first!.get('.search-result__snippet');
    expect(snippet.findAll('mark').map((mark) => mark.text())).toEqual(['social']);
    expect(snippet.text()).toBe('Staff must not use social media with pupils & parents <b>');
    expect(snippet.find('b').exists()).toBe(false);
    expect(second?.get('.search-result__where').text()).toBe('draft');
  });

  it('says so when nothing matches', async () => {
    searchApi(() => ({ data: { searchPolicies: [] } }));
    const { wrapper } = await renderApp('/policies/search?q=zebra');

    expect(wrapper.get('.search-summary').text()).toBe('No results for “zebra”.');
    expect(wrapper.get('.empty').text()).toContain('No policy has text matching “zebra”.');
  });

  it('asks for words rather than searching for nothing', async () => {
    const api = searchApi();
    const { wrapper } = await renderApp('/policies');

    await wrapper.get('form[role="search"]').trigger('submit');

    expect(wrapper.get('#policy-search-error').text()).toBe('Type a word or phrase to search for.');
    expect(api.callsOf('SearchPolicies')).toHaveLength(0);
  });

  it.each([
    ['BAD_USER_INPUT', 'Ratify could not search for that. Try a shorter word or phrase.'],
    ['NETWORK_ERROR', 'Ratify could not reach the server to search.'],
    ['INTERNAL_SERVER_ERROR', 'Sorry, something went wrong searching.'],
  ])('explains %s in plain words', async (code, words) => {
    searchApi(() => gqlError(code));
    const { wrapper } = await renderApp('/policies/search?q=social');

    expect(wrapper.get('[role="alert"]').text()).toContain(words);
  });

  it('sends the person to sign in when the session has ended, then back to the results', async () => {
    searchApi(() => gqlError('UNAUTHENTICATED'));
    const { router } = await renderApp('/policies/search?q=social');

    expect(router.currentRoute.value.name).toBe('sign-in');
    expect(router.currentRoute.value.query.redirect).toBe('/policies/search?q=social');
  });
});
