import { describe, expect, it } from 'vitest';
import { isFinished, itemStatusText, jobAnnouncement, jobHeading, progressLine, shortHash } from './publishing-labels';

const job = { status: 'RUNNING' as const, reason: 'PUBLISHED' as const, versionNumber: '2.0', total: 3, done: 1, failed: 0 };

describe('publishing in words', () => {
  it('says why a job runs, and how far it has got', () => {
    expect(jobHeading({ ...job, reason: 'REVIEWED' })).toBe('Publishing again after the review of version 2.0 — 1 of 3 done');
    expect(jobHeading({ ...job, reason: 'REBRANDED' })).toBe('Publishing version 2.0 again with the new branding — 1 of 3 done');
    expect(progressLine({ ...job, total: 1, done: 0 })).toBe('0 of 1 copy done');
  });

  it('announces the same words while a job runs, and how it ended once it has', () => {
    expect(jobAnnouncement(job)).toBe(jobAnnouncement({ ...job, done: 2 }));
    expect(jobAnnouncement({ ...job, status: 'DONE', total: 1, done: 1 })).toBe('Finished publishing version 2.0: the copy is public.');
    expect(jobAnnouncement({ ...job, status: 'FAILED' })).toBe('Publishing version 2.0 stopped: 1 of 3 done. Publish again to finish the rest.');
    expect(jobHeading({ ...job, status: 'FAILED' })).toBe('Publishing version 2.0 stopped before it finished');
  });

  it('takes a job whose every copy was tried as finished, whatever its status says', () => {
    const allFailed = { ...job, status: 'RUNNING' as const, done: 3, failed: 3 };
    expect(isFinished(allFailed)).toBe(true);
    expect(jobHeading(allFailed)).toBe('Version 2.0 could not be published');
    expect(jobAnnouncement(allFailed)).toBe('Version 2.0 could not be published: no copy was made public. The list below says why.');
    expect(isFinished({ ...job, status: 'QUEUED', total: 0, done: 0 })).toBe(false);
  });

  it('says each copy’s status in words, with a reason for a failure even when the server gave none', () => {
    expect(itemStatusText({ status: 'UNCHANGED', error: null })).toBe('Already up to date');
    expect(itemStatusText({ status: 'FAILED', error: null })).toBe('Failed: Ratify could not publish this copy. Publish again; if it fails again, contact support.');
    expect(shortHash('0123456789abcdef0123')).toBe('0123456789ab…');
  });
});
