import { defineStore } from 'pinia';
import { ref } from 'vue';
import { errorCode, request, type GraphQLErrorCode } from '../graphql/client';
import {
  PoliciesDocument,
  PolicyDocument,
  type PoliciesQuery,
  type PolicyQuery,
} from '../graphql/operations.generated';

export type PolicySummary = PoliciesQuery['policies'][number];
export type PolicyDetail = PolicyQuery['policy'];

/** What a screen needs to know about one remote resource. */
export type Remote<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: GraphQLErrorCode };

/** The active organisation's policies. Cleared when the session ends. */
export const usePoliciesStore = defineStore('policies', () => {
  const list = ref<Remote<PolicySummary[]> | null>(null);
  const byId = ref<Record<string, Remote<PolicyDetail>>>({});

  /** Loads (or reloads) the list; earlier data stays visible while loading. */
  async function loadList(): Promise<void> {
    list.value = { status: 'loading', data: list.value?.data ?? null, error: null };
    try {
      const { policies } = await request(PoliciesDocument);
      list.value = { status: 'ready', data: policies, error: null };
    } catch (error) {
      list.value = { status: 'error', data: list.value?.data ?? null, error: errorCode(error) };
    }
  }

  async function loadPolicy(id: string): Promise<void> {
    byId.value[id] = { status: 'loading', data: byId.value[id]?.data ?? null, error: null };
    try {
      const { policy } = await request(PolicyDocument, { id });
      byId.value[id] = { status: 'ready', data: policy, error: null };
    } catch (error) {
      // A policy that is missing or belongs to someone else is the same NOT_FOUND: forget any copy.
      const code = errorCode(error);
      byId.value[id] = { status: 'error', data: code === 'NOT_FOUND' ? null : (byId.value[id]?.data ?? null), error: code };
    }
  }

  function clear(): void {
    list.value = null;
    byId.value = {};
  }

  return { list, byId, loadList, loadPolicy, clear };
});
