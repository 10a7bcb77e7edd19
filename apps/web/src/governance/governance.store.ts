/**
 * The organisation's governance: its bodies (with members and quorum) and its approval routes,
 * the people who can be put on a body, and giving a policy its route. Admins change them; every
 * member reads them.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '../graphql/client';
import {
  GovernanceDocument,
  OrganisationMembersDocument,
  SaveApprovalRouteDocument,
  SaveGovernanceBodyDocument,
  SetPolicyApprovalRouteDocument,
  type ApprovalRouteFieldsFragment,
  type GovernanceBodyFieldsFragment,
  type GovernanceQuery,
  type OrganisationMembersQuery,
  type SaveApprovalRouteInput,
  type SaveGovernanceBodyInput,
} from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';
import { usePoliciesStore } from '../policies/policies.store';

export type GovernanceBody = GovernanceBodyFieldsFragment;
export type ApprovalRoute = ApprovalRouteFieldsFragment;
export type OrganisationMember = OrganisationMembersQuery['organisationMembers'][number];

export const useGovernanceStore = defineStore('governance', () => {
  const governance = ref<Remote<GovernanceQuery> | null>(null);
  const members = ref<Remote<OrganisationMember[]> | null>(null);

  async function load(): Promise<void> {
    await loadRemote(governance, () => request(GovernanceDocument));
  }

  /** Loads the routes unless they are there already (the policy page's route choice). */
  async function ensureLoaded(): Promise<void> {
    if (governance.value && governance.value.status !== 'error') return;
    await load();
  }

  async function loadMembers(): Promise<void> {
    await loadRemote(members, async () => (await request(OrganisationMembersDocument)).organisationMembers);
  }

  /** Runs a save; on success the lists are loaded again (a new default route changes the others). */
  async function saving(save: () => Promise<unknown>): Promise<ActionResult> {
    try {
      await save();
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
    await load();
    return { ok: true };
  }

  const saveBody = (input: SaveGovernanceBodyInput) => saving(() => request(SaveGovernanceBodyDocument, { input }));
  const saveRoute = (input: SaveApprovalRouteInput) => saving(() => request(SaveApprovalRouteDocument, { input }));

  /** Gives a policy its own route, or (null) the organisation's default; the policy is loaded again. */
  async function setPolicyRoute(policyId: string, routeId: string | null): Promise<ActionResult> {
    try {
      await request(SetPolicyApprovalRouteDocument, { policyId, routeId });
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
    await usePoliciesStore().loadPolicy(policyId);
    return { ok: true };
  }

  function clear(): void {
    governance.value = null;
    members.value = null;
  }

  return { governance, members, load, ensureLoaded, loadMembers, saveBody, saveRoute, setPolicyRoute, clear };
});
