import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { request } from '../graphql/client';
import {
  MeDocument,
  SelectMembershipDocument,
  SignInDocument,
  SignOutDocument,
  type ViewerFieldsFragment,
} from '../graphql/operations.generated';
import { useApprovalsStore } from '../approvals/approvals.store';
import { useBrandingStore } from '../branding/branding.store';
import { useCalendarStore } from '../calendar/calendar.store';
import { useDraftStore } from '../editor/draft.store';
import { useGovernanceStore } from '../governance/governance.store';
import { useImportStore } from '../import/import.store';
import { useNotificationsStore } from '../notifications/notifications.store';
import { usePeopleStore } from '../people/people.store';
import { usePoliciesStore } from '../policies/policies.store';
import { usePublishingStore } from '../publishing/publishing.store';
import { useReviewSettingsStore } from '../review-settings/review-settings.store';
import { useReviewsStore } from '../reviews/reviews.store';
import { useSchoolsStore } from '../schools/schools.store';
import { useSearchStore } from '../search/search.store';
import { useTemplatesStore } from '../templates/templates.store';
import { useTerminologyStore } from '../terminology/terminology.store';
import { useVariablesStore } from '../variables/variables.store';
import { useVariantsStore } from '../variants/variants.store';
import { actionFailure, type ActionResult } from '../graphql/remote';

export type Viewer = ViewerFieldsFragment;
export type Membership = Viewer['memberships'][number];

/**
 * Empties every store that holds one organisation's data (tenant data), so the next page asks the
 * API again: on signing out, and on switching to another organisation. A new store of tenant data
 * is added here.
 */
function clearOrganisationStores(): void {
  usePoliciesStore().clear();
  useDraftStore().clear();
  useImportStore().clear();
  useSearchStore().clear();
  useTemplatesStore().clear();
  useTerminologyStore().clear();
  useSchoolsStore().clear();
  useVariablesStore().clear();
  useVariantsStore().clear();
  useGovernanceStore().clear();
  useApprovalsStore().clear();
  useNotificationsStore().clear();
  useReviewsStore().clear();
  useCalendarStore().clear();
  useReviewSettingsStore().clear();
  usePublishingStore().clear();
  useBrandingStore().clear();
  usePeopleStore().clear();
}

/** Who is signed in. The session itself is an httpOnly cookie the app never sees. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Viewer | null>(null);
  /** Whether `me` reflects an answer from the server yet. */
  const loaded = ref(false);
  let pending: Promise<Viewer | null> | null = null;

  const isSignedIn = computed(() => me.value !== null);
  const organisationName = computed(() => me.value?.activeMembership?.organisation.name ?? null);
  /** Whether the person may write policies (create, import, edit drafts) in the active organisation. */
  const canAuthor = computed(() => {
    const role = me.value?.activeMembership?.role;
    return role === 'ADMIN' || role === 'AUTHOR';
  });
  /** Whether the person administers the active organisation (terminology, trust-wide values). */
  const isAdmin = computed(() => me.value?.activeMembership?.role === 'ADMIN');
  /** Whether the person may read a policy's audit trail: the people who govern (admins and approvers), as the API's rule. */
  const canReadAudit = computed(() => {
    const role = me.value?.activeMembership?.role;
    return role === 'ADMIN' || role === 'APPROVER';
  });
  /** The academy the person works at, when their membership is one school's. */
  const ownSchoolId = computed(() => me.value?.activeMembership?.school?.id ?? null);

  /**
   * Whether the person may change a school's own details and copy: the trust's administrators,
   * or that school's own staff (authors and publishers). The API's rule, mirrored so the screens
   * offer only what it will accept.
   */
  function maySpeakForSchool(schoolId: string): boolean {
    const membership = me.value?.activeMembership;
    if (!membership) return false;
    if (membership.role === 'ADMIN') return true;
    return membership.school?.id === schoolId && (membership.role === 'AUTHOR' || membership.role === 'PUBLISHER');
  }

  /**
   * Whether the person may publish policies and set how they look: the trust's administrators (for
   * the trust and every academy), or an academy's authors and publishers (for their academy).
   */
  const mayPublish = computed(() => {
    const membership = me.value?.activeMembership;
    if (!membership) return false;
    return membership.role === 'ADMIN' || (!!membership.school && (membership.role === 'AUTHOR' || membership.role === 'PUBLISHER'));
  });

  /** Asks the server who is signed in, once; `force` asks again. Failures are not cached. */
  function load(force = false): Promise<Viewer | null> {
    if (loaded.value && !force) return Promise.resolve(me.value);
    pending ??= request(MeDocument)
      .then(({ me: viewer }) => {
        me.value = viewer;
        loaded.value = true;
        return viewer;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  }

  /** Throws a GraphQLRequestError; `UNAUTHENTICATED` means the email or password is wrong. */
  async function signIn(email: string, password: string): Promise<Viewer> {
    const { signIn: viewer } = await request(SignInDocument, { input: { email, password } });
    return adopt(viewer);
  }

  /** The session is now this viewer's (after signing in, or accepting an invitation): nothing held for anyone before stays. */
  function adopt(viewer: Viewer): Viewer {
    forget();
    me.value = viewer;
    loaded.value = true;
    return viewer;
  }

  /** Ends the session on the server, then forgets everything held for it. */
  async function signOut(): Promise<void> {
    await request(SignOutDocument);
    forget();
  }

  /**
   * Makes another of the person's memberships the one they work in: the server's session first,
   * then `me` from its answer and every store of the old organisation's data emptied.
   */
  async function selectMembership(membershipId: string): Promise<ActionResult<{ viewer: Viewer }>> {
    try {
      const { selectMembership: viewer } = await request(SelectMembershipDocument, { membershipId });
      clearOrganisationStores();
      me.value = viewer;
      loaded.value = true;
      return { ok: true, viewer };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  /**
   * Drops the person and every store's tenant data, e.g. after the server answered
   * UNAUTHENTICATED because the session expired.
   */
  function forget(): void {
    me.value = null;
    loaded.value = true;
    clearOrganisationStores();
  }

  return { me, loaded, isSignedIn, organisationName, canAuthor, isAdmin, canReadAudit, ownSchoolId, maySpeakForSchool, mayPublish, load, signIn, adopt, selectMembership, signOut, forget };
});
