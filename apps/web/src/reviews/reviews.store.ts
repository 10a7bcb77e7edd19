/**
 * Reviews: the dashboard (one page of rows at a time, with its filter), each policy's review
 * schedule, and changing a schedule or recording a review. Admins and authors change; everyone reads.
 */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import {
  CompleteReviewDocument,
  PolicyReviewDocument,
  ReviewDashboardDocument,
  ReviewScheduleChoicesDocument,
  SetReviewScheduleDocument,
  type CompleteReviewInput,
  type ReviewDashboardFilter,
  type ReviewDashboardQuery,
  type ReviewScheduleChoicesQuery,
  type ReviewScheduleFieldsFragment,
  type SetReviewScheduleInput,
} from '../graphql/operations.generated';
import { loadRemote, type Remote } from '../graphql/remote';
import { usePoliciesStore } from '../policies/policies.store';
import { usePublishingStore } from '../publishing/publishing.store';
import { attempt, type ReviewResult } from './review-failures';

export type ReviewDashboard = ReviewDashboardQuery['reviewDashboard'];
export type ReviewSchedule = ReviewScheduleFieldsFragment;
export type ReviewChoices = ReviewScheduleChoicesQuery;

export const DASHBOARD_PAGE_SIZE = 100;


export const useReviewsStore = defineStore('reviews', () => {
  const dashboard = ref<Remote<ReviewDashboard> | null>(null);
  const schedules = ref<Record<string, Remote<ReviewSchedule>>>({});
  const choices = ref<Remote<ReviewChoices> | null>(null);

  /** Only the latest request's answer is kept: a slow earlier page never overwrites a later one. */
  let latest = 0;
  async function loadDashboard(filter: ReviewDashboardFilter, offset = 0): Promise<void> {
    const asked = ++latest;
    const slot = { value: dashboard.value };
    const done = loadRemote(slot, async () => (await request(ReviewDashboardDocument, { filter, first: DASHBOARD_PAGE_SIZE, offset })).reviewDashboard);
    dashboard.value = slot.value;
    await done;
    if (asked === latest) dashboard.value = slot.value;
  }

  async function loadSchedule(policyId: string): Promise<void> {
    await loadRemote(toRef(schedules.value, policyId), async () => (await request(PolicyReviewDocument, { id: policyId })).policy.review);
  }

  async function loadChoices(): Promise<void> {
    if (choices.value && choices.value.status !== 'error') return;
    await loadRemote(choices, () => request(ReviewScheduleChoicesDocument));
  }

  /** Saves a schedule; the answer (with its warnings) replaces the policy's. */
  function setSchedule(input: SetReviewScheduleInput): Promise<ReviewResult<{ schedule: ReviewSchedule }>> {
    return attempt(async () => {
      const { setReviewSchedule } = await request(SetReviewScheduleDocument, { input });
      schedules.value[input.policyId] = { status: 'ready', data: setReviewSchedule, error: null };
      return { schedule: setReviewSchedule };
    });
  }

  /** Records a review; the policy is loaded again (its history gains a "Reviewed – no change" row). */
  async function completeReview(input: CompleteReviewInput): Promise<ReviewResult<{ draftId: string | null }>> {
    const result = await attempt(async () => {
      const { completeReview: done } = await request(CompleteReviewDocument, { input });
      schedules.value[input.policyId] = { status: 'ready', data: done.schedule, error: null };
      return { draftId: done.draft?.id ?? null };
    });
    if (result.ok && !result.draftId) {
      // A review with no change publishes the public copies again (new review date): the publishing panel, if shown, follows that.
      const publishing = usePublishingStore();
      await Promise.all([usePoliciesStore().loadPolicy(input.policyId), publishing.byPolicy[input.policyId] ? publishing.load(input.policyId) : null]);
    }
    return result;
  }

  function clear(): void {
    dashboard.value = null;
    schedules.value = {};
    choices.value = null;
  }

  return { dashboard, schedules, choices, loadDashboard, loadSchedule, loadChoices, setSchedule, completeReview, clear };
});
