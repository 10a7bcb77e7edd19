/**
 * The organisation's terminology (its own words for a model policy's) and reviewing it against a
 * policy's open draft: proposals per heading and clause, applied only when the person chooses.
 */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import {
  ApplyTerminologyDocument,
  SetTerminologyDocument,
  TerminologyDocument,
  TerminologyDraftDocument,
  TerminologyProposalsDocument,
  type TerminologyDraftQuery,
  type TerminologyQuery,
} from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';
import { usePoliciesStore } from '../policies/policies.store';
import type { TermProposal } from './proposal-groups';

export type Term = TerminologyQuery['terminology'][number];

export interface TerminologyReview {
  policy: TerminologyDraftQuery['policy'];
  terms: Term[];
  /** What the terms would change in the open draft; empty when there is no draft. */
  proposals: TermProposal[];
}

export const useTerminologyStore = defineStore('terminology', () => {
  const terms = ref<Remote<Term[]> | null>(null);
  const reviews = ref<Record<string, Remote<TerminologyReview>>>({});

  async function loadTerms(): Promise<void> {
    await loadRemote(terms, async () => (await request(TerminologyDocument)).terminology);
  }

  /** Replaces the whole list (admins only; the API refuses others). */
  async function saveTerms(list: Term[]): Promise<ActionResult> {
    try {
      const { setTerminology } = await request(SetTerminologyDocument, { input: { terms: list } });
      terms.value = { status: 'ready', data: setTerminology, error: null };
      return { ok: true };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  async function loadReview(policyId: string): Promise<void> {
    await loadRemote(toRef(reviews.value, policyId), async () => {
      const { policy, terminology } = await request(TerminologyDraftDocument, { policyId });
      const proposals = policy.draft && terminology.length > 0 ? (await request(TerminologyProposalsDocument, { versionId: policy.draft.id })).terminologyProposals : [];
      return { policy, terms: terminology, proposals };
    });
  }

  /**
   * Applies the accepted proposals to the draft the review was made on, if it has not changed
   * since (CONFLICT otherwise). Either way the review is loaded again, so what shows is current.
   */
  async function apply(policyId: string, accept: string[]): Promise<ActionResult> {
    const draft = reviews.value[policyId]?.data?.policy.draft;
    if (!draft) return { ok: false, code: 'CONFLICT', problems: [] };
    let result: ActionResult;
    try {
      await request(ApplyTerminologyDocument, { input: { versionId: draft.id, expectedRevision: draft.revision, accept } });
      result = { ok: true };
    } catch (error) {
      result = { ok: false, ...actionFailure(error) };
    }
    if (result.ok || result.code === 'CONFLICT') {
      await loadReview(policyId);
      // The policy page shows the draft's text while the policy was never approved.
      const policies = usePoliciesStore();
      if (policies.byId[policyId]) void policies.loadPolicy(policyId);
    }
    return result;
  }

  function clear(): void {
    terms.value = null;
    reviews.value = {};
  }

  return { terms, reviews, loadTerms, saveTerms, loadReview, apply, clear };
});
