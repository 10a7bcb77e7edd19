/**
 * Publishing a policy: where it is public now (each place's version, addresses and fingerprints)
 * and its latest publish job, per policy; starting a publish job, and asking how one is going.
 */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import {
  PolicyPublishingDocument,
  PublishJobProgressDocument,
  PublishPolicyDocument,
  type PolicyPublishingQuery,
  type PublishJobFieldsFragment,
} from '../graphql/operations.generated';
import { loadRemote, type Remote } from '../graphql/remote';
import { publishFailure, type PublishFailure } from './publish-failures';

export type PolicyPublishing = PolicyPublishingQuery['policy'];
export type Publication = PolicyPublishing['publications'][number];
export type PublishJob = PublishJobFieldsFragment;
export type PublishResult = { ok: true; job: PublishJob } | ({ ok: false } & PublishFailure);

export const usePublishingStore = defineStore('publishing', () => {
  const byPolicy = ref<Record<string, Remote<PolicyPublishing>>>({});

  async function load(policyId: string): Promise<void> {
    await loadRemote(toRef(byPolicy.value, policyId), async () => (await request(PolicyPublishingDocument, { id: policyId })).policy);
  }

  /** Starts publishing the approved version: for the trust and every academy (no `schoolIds`), or for the academies named. */
  async function publish(policyId: string, schoolIds?: string[]): Promise<PublishResult> {
    try {
      const { publishPolicy } = await request(PublishPolicyDocument, { input: schoolIds ? { policyId, schoolIds } : { policyId } });
      return { ok: true, job: publishPolicy };
    } catch (error) {
      return { ok: false, ...publishFailure(error) };
    }
  }

  /** How a job is going now; null when it is not there (not this organisation's). Throws a GraphQLRequestError. */
  async function jobProgress(id: string): Promise<PublishJob | null> {
    return (await request(PublishJobProgressDocument, { id })).publishJob;
  }

  function clear(): void {
    byPolicy.value = {};
  }

  return { byPolicy, load, publish, jobProgress, clear };
});
