/**
 * Settings → People: the organisation's members and the invitations waiting for an answer
 * (admins), and an invitation link's offer and its acceptance (anyone holding the link).
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '../graphql/client';
import {
  AcceptInvitationDocument,
  CancelInvitationDocument,
  InvitationFactsDocument,
  InviteMemberDocument,
  PeopleDocument,
  RemoveMembershipDocument,
  ResendInvitationDocument,
  UpdateMembershipDocument,
  type AcceptInvitationInput,
  type InvitationFactsQuery,
  type InvitationFieldsFragment,
  type InviteMemberInput,
  type MemberFieldsFragment,
  type PeopleQuery,
  type UpdateMembershipInput,
  type ViewerFieldsFragment,
} from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';

export type Member = MemberFieldsFragment;
export type Invitation = InvitationFieldsFragment;
export type InvitationFacts = InvitationFactsQuery['invitation'];

export const usePeopleStore = defineStore('people', () => {
  const people = ref<Remote<PeopleQuery['people']> | null>(null);
  /** The invitation whose link is open, by token. */
  const invitation = ref<Remote<InvitationFacts> | null>(null);

  async function load(): Promise<void> {
    await loadRemote(people, async () => (await request(PeopleDocument)).people);
  }

  /** Runs a change; on success the lists are loaded again (an invitation sent twice is one row). */
  async function changing<T extends object>(change: () => Promise<T>): Promise<ActionResult<T>> {
    let result: T;
    try {
      result = await change();
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
    await load();
    return { ok: true, ...result };
  }

  const invite = (input: InviteMemberInput) => changing(async () => ({ invitation: (await request(InviteMemberDocument, { input })).inviteMember }));
  const resend = (id: string) => changing(async () => ({ invitation: (await request(ResendInvitationDocument, { id })).resendInvitation }));
  const cancel = (id: string) => changing(async () => (await request(CancelInvitationDocument, { id }), {}));
  const updateMembership = (input: UpdateMembershipInput) => changing(async () => ({ member: (await request(UpdateMembershipDocument, { input })).updateMembership }));
  const remove = (membershipId: string) => changing(async () => (await request(RemoveMembershipDocument, { membershipId }), {}));

  async function loadInvitation(token: string): Promise<void> {
    invitation.value = null;
    await loadRemote(invitation, async () => (await request(InvitationFactsDocument, { token })).invitation);
  }

  /** Accepts the open invitation; the viewer it gives back is the session's from now on. */
  async function accept(input: AcceptInvitationInput): Promise<ActionResult<{ viewer: ViewerFieldsFragment }>> {
    try {
      return { ok: true, viewer: (await request(AcceptInvitationDocument, { input })).acceptInvitation };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  function clear(): void {
    people.value = null;
    invitation.value = null;
  }

  return { people, invitation, load, invite, resend, cancel, updateMembership, remove, loadInvitation, accept, clear };
});

