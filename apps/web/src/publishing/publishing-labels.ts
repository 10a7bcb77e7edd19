/** Publishing in words: a job's heading and progress, each copy's status, a fingerprint made short. */
import type { PublishItemStatus, PublishJobFieldsFragment, PublishReason } from '../graphql/operations.generated';

type Job = Pick<PublishJobFieldsFragment, 'status' | 'reason' | 'versionNumber' | 'total' | 'done' | 'failed'>;

/**
 * Whether nothing more will happen: the job says it is done (or failed), or every copy has been
 * tried (the API has been seen to leave such a job RUNNING when all its copies failed).
 */
export const isFinished = (job: Pick<Job, 'status' | 'total' | 'done'>): boolean =>
  job.status === 'DONE' || job.status === 'FAILED' || (job.total > 0 && job.done >= job.total);

const RUNNING: Record<PublishReason, (version: string) => string> = {
  PUBLISHED: (version) => `Publishing version ${version}`,
  APPROVED: (version) => `Publishing again after the approval of version ${version}`,
  REVIEWED: (version) => `Publishing again after the review of version ${version}`,
  REBRANDED: (version) => `Publishing version ${version} again with the new branding`,
};

const copies = (count: number) => (count === 1 ? '1 copy' : `${count} copies`);

/** "3 of 4 copies done". */
export const progressLine = (job: Job): string => `${job.done} of ${job.total} ${job.total === 1 ? 'copy' : 'copies'} done`;

/**
 * The job's heading: while it runs, what is being published and why, with how far it has got
 * ("Publishing again after the approval of version 1.1 — 2 of 4 done"); once it has finished, how it ended.
 */
export function jobHeading(job: Job): string {
  if (!isFinished(job)) return `${RUNNING[job.reason](job.versionNumber)} — ${job.done} of ${job.total} done`;
  if (job.status === 'FAILED') return `Publishing version ${job.versionNumber} stopped before it finished`;
  if (job.failed > 0 && job.failed >= job.total) return `Version ${job.versionNumber} could not be published`;
  return job.failed > 0 ? `Published version ${job.versionNumber}, but ${copies(job.failed)} failed` : `Published version ${job.versionNumber}`;
}

/**
 * What the live region says: once when the job starts (the same words at every poll, so nothing
 * is announced again), once when it ends.
 */
export function jobAnnouncement(job: Job): string {
  if (!isFinished(job)) return `${RUNNING[job.reason](job.versionNumber)} for ${job.total === 1 ? '1 place' : `${job.total} places`}. It carries on if you leave this page.`;
  if (job.status === 'FAILED') return `Publishing version ${job.versionNumber} stopped: ${job.done} of ${job.total} done. Publish again to finish the rest.`;
  const ok = job.done - job.failed;
  if (job.failed === 0) return `Finished publishing version ${job.versionNumber}: ${ok === 1 ? 'the copy is' : `all ${ok} copies are`} public.`;
  if (ok === 0) return `Version ${job.versionNumber} could not be published: no copy was made public. The list below says why.`;
  return `Finished publishing version ${job.versionNumber}: ${ok} of ${job.total} public, ${job.failed} failed. The list below says why.`;
}

const ITEM_WORDS: Record<Exclude<PublishItemStatus, 'FAILED'>, string> = {
  PENDING: 'Waiting',
  PUBLISHED: 'Published',
  UNCHANGED: 'Already up to date',
};

/** One copy's status: "Waiting", "Published", "Already up to date", "Failed: <why>". */
export function itemStatusText(item: { status: PublishItemStatus; error: string | null }): string {
  if (item.status !== 'FAILED') return ITEM_WORDS[item.status];
  return `Failed: ${item.error ?? 'Ratify could not publish this copy. Publish again; if it fails again, contact support.'}`;
}

/** A SHA-256 to read aloud or compare by eye: its first 12 characters. */
export const shortHash = (hex: string): string => `${hex.slice(0, 12)}…`;
