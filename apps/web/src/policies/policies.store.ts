import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import {
  PoliciesDocument,
  PolicyDocument,
  type PoliciesQuery,
  type PolicyQuery,
} from '../graphql/operations.generated';
import { loadRemote, type Remote } from '../graphql/remote';

export type { Remote };

export type PolicySummary = PoliciesQuery['policies'][number];
export type PolicyDetail = PolicyQuery['policy'];

/** The active organisation's policies. Cleared when the session ends. */
export const usePoliciesStore = defineStore('policies', () => {
  const list = ref<Remote<PolicySummary[]> | null>(null);
  const byId = ref<Record<string, Remote<PolicyDetail>>>({});

  /** Loads (or reloads) the list; earlier data stays visible while loading. */
  async function loadList(): Promise<void> {
    await loadRemote(list, async () => (await request(PoliciesDocument)).policies);
  }

  /** A policy that is missing or belongs to someone else is the same NOT_FOUND: any copy is forgotten. */
  async function loadPolicy(id: string): Promise<void> {
    await loadRemote(toRef(byId.value, id), async () => (await request(PolicyDocument, { id })).policy);
  }

  function clear(): void {
    list.value = null;
    byId.value = {};
  }

  return { list, byId, loadList, loadPolicy, clear };
});
