/**
 * What is waiting for the person: their notifications (and how many are unread), how many
 * requests await their decision (the header's counts), and, for admins, the email outbox.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '../graphql/client';
import {
  HeaderCountsDocument,
  MarkNotificationsReadDocument,
  NotificationsDocument,
  OutboxDocument,
  type NotificationsQuery,
  type OutboxQuery,
} from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';

export type Notification = NotificationsQuery['notifications'][number];
export type Outbox = OutboxQuery['outbox'];

/** How many notifications the list shows: the newest. */
const LIST_SIZE = 30;

export const useNotificationsStore = defineStore('notifications', () => {
  /** Null until known (or when the counts could not be loaded: the header then shows none). */
  const unread = ref<number | null>(null);
  const awaitingDecision = ref<number | null>(null);
  const list = ref<Remote<Notification[]> | null>(null);
  const outbox = ref<Remote<Outbox> | null>(null);

  /** Asks again for the header's counts. A failure leaves them as they were: they are a hint, not the page. */
  async function loadCounts(): Promise<void> {
    try {
      const counts = await request(HeaderCountsDocument);
      unread.value = counts.unreadNotificationCount;
      awaitingDecision.value = counts.approvalInbox.length;
    } catch {
      // The pages say what went wrong when the person opens them.
    }
  }

  async function loadList(): Promise<void> {
    await loadRemote(list, async () => (await request(NotificationsDocument, { first: LIST_SIZE })).notifications);
  }

  /** Marks some notifications read (all of them with no ids): shown read at once, then counted again. */
  async function markRead(ids: string[]): Promise<ActionResult> {
    try {
      await request(MarkNotificationsReadDocument, { ids });
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
    const now = new Date().toISOString();
    const current = list.value?.data;
    if (current) {
      list.value = {
        status: 'ready',
        data: current.map((item) => (item.readAt || (ids.length > 0 && !ids.includes(item.id)) ? item : { ...item, readAt: now })),
        error: null,
      };
    }
    await loadCounts();
    return { ok: true };
  }

  async function loadOutbox(): Promise<void> {
    await loadRemote(outbox, async () => (await request(OutboxDocument)).outbox);
  }

  function clear(): void {
    unread.value = null;
    awaitingDecision.value = null;
    list.value = null;
    outbox.value = null;
  }

  return { unread, awaitingDecision, list, outbox, loadCounts, loadList, markRead, loadOutbox, clear };
});
