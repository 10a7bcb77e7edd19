/**
 * Following a publish job: asks how it is going every POLL_INTERVAL_MS until it is done (or
 * failed), then loads where the policy is published again. One job at a time; following another,
 * or leaving the page, stops the last. If asking fails, or the job is still going after
 * MAX_POLLS asks (a job no worker picks up stays queued), it stops and says so: the job itself
 * carries on on the server, and "check again" picks it up.
 */
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { errorCode, type GraphQLErrorCode } from '../graphql/client';
import { isFinished } from './publishing-labels';
import { usePublishingStore, type PublishJob } from './publishing.store';

export const POLL_INTERVAL_MS = 700;
/** About seven minutes of asking, then the person is asked to check again. */
export const MAX_POLLS = 600;

export function usePublishJob(policyId: () => string) {
  const store = usePublishingStore();
  const job = shallowRef<PublishJob | null>(null);
  /** Why Ratify stopped asking (the job is not known, the network …); null while all is well. */
  const lostTouch = ref<GraphQLErrorCode | null>(null);
  /** Still running after MAX_POLLS asks: Ratify stopped asking. */
  const waitedTooLong = ref(false);
  let polls = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped whenever following stops or restarts, so an answer for an older round is dropped. */
  let round = 0;

  function stop(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    round += 1;
    polls = 0;
    waitedTooLong.value = false;
  }

  function schedule(mine: number): void {
    if (++polls > MAX_POLLS) {
      waitedTooLong.value = true;
      return;
    }
    timer = setTimeout(() => void poll(mine), POLL_INTERVAL_MS);
  }

  async function poll(mine: number): Promise<void> {
    timer = null;
    const current = job.value;
    if (!current) return;
    let next: PublishJob | null;
    try {
      next = await store.jobProgress(current.id);
    } catch (error) {
      if (mine === round) lostTouch.value = errorCode(error);
      return;
    }
    if (mine !== round) return;
    if (!next) {
      lostTouch.value = 'NOT_FOUND';
      return;
    }
    job.value = next;
    if (isFinished(next)) void store.load(policyId());
    else schedule(mine);
  }

  /** Shows this job and, unless it has finished, follows it. */
  function follow(next: PublishJob): void {
    stop();
    job.value = next;
    lostTouch.value = null;
    if (!isFinished(next)) schedule(round);
  }

  /** After losing touch: ask again now, and carry on following. */
  function checkAgain(): void {
    stop();
    lostTouch.value = null;
    void poll(round);
  }

  /** Forgets the job (another policy's page). */
  function reset(): void {
    stop();
    job.value = null;
    lostTouch.value = null;
  }

  onBeforeUnmount(stop);
  return { job, lostTouch, waitedTooLong, follow, checkAgain, reset };
}
