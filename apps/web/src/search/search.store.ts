/** Searching the organisation's policies. Only the answer to the latest query is kept. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { errorCode, request } from '../graphql/client';
import { SearchPoliciesDocument, type SearchPoliciesQuery } from '../graphql/operations.generated';
import type { Remote } from '../policies/policies.store';

export type SearchHit = SearchPoliciesQuery['searchPolicies'][number];

/** Longer queries are refused here rather than by the server. */
export const MAX_QUERY_LENGTH = 200;

export const useSearchStore = defineStore('search', () => {
  const query = ref('');
  const results = ref<Remote<SearchHit[]> | null>(null);
  let latest = 0;

  async function search(text: string): Promise<void> {
    const mine = ++latest;
    query.value = text;
    results.value = { status: 'loading', data: null, error: null };
    try {
      const { searchPolicies } = await request(SearchPoliciesDocument, { query: text });
      if (mine === latest) results.value = { status: 'ready', data: searchPolicies, error: null };
    } catch (error) {
      if (mine === latest) results.value = { status: 'error', data: null, error: errorCode(error) };
    }
  }

  function clear(): void {
    latest += 1;
    query.value = '';
    results.value = null;
  }

  return { query, results, search, clear };
});
