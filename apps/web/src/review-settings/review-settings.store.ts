/** Settings → Reviews (admins): reminder lead times, the review calendar's addresses, guidance editions. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '../graphql/client';
import {
  CreateCalendarFeedDocument,
  RegisterGuidanceEditionDocument,
  ReviewSettingsDocument,
  RevokeCalendarFeedDocument,
  SetReminderSettingsDocument,
  type GuidanceEditionFieldsFragment,
  type RegisterGuidanceEditionInput,
  type ReminderSettingsInput,
  type ReviewSettingsQuery,
} from '../graphql/operations.generated';
import { loadRemote, type Remote } from '../graphql/remote';
import { attempt } from '../reviews/review-failures';

export type ReviewSettings = ReviewSettingsQuery;
export type GuidanceEdition = GuidanceEditionFieldsFragment;

export const useReviewSettingsStore = defineStore('review-settings', () => {
  const settings = ref<Remote<ReviewSettings> | null>(null);

  async function load(): Promise<void> {
    await loadRemote(settings, () => request(ReviewSettingsDocument));
  }

  /** Runs a change, then loads the settings again. */
  const changing = <T extends object>(change: () => Promise<T>) => attempt(change, load);

  const setReminders = (input: ReminderSettingsInput) => changing(async () => (await request(SetReminderSettingsDocument, { input })).setReminderSettings);
  /** The address comes back once: only its hash is kept. */
  const createFeed = (label: string) => changing(async () => ({ url: (await request(CreateCalendarFeedDocument, { input: { label } })).createCalendarFeed.url }));
  const revokeFeed = (id: string) => changing(async () => (await request(RevokeCalendarFeedDocument, { id })).revokeCalendarFeed);
  const registerEdition = (input: RegisterGuidanceEditionInput) =>
    changing(async () => ({ edition: (await request(RegisterGuidanceEditionDocument, { input })).registerGuidanceEdition }));

  function clear(): void {
    settings.value = null;
  }

  return { settings, load, setReminders, createFeed, revokeFeed, registerEdition, clear };
});
