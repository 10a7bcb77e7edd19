import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PolicyPublishingQuery, PublishJobFieldsFragment, Role } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';
import { MAX_POLLS, POLL_INTERVAL_MS } from './use-publish-job';

enableAutoUnmount(afterEach);
afterEach(() => {
  vi.useRealTimers();
});

type Place = PublishJobFieldsFragment['items'][number]['publishedFor'];
const trust: Place = { id: 'org-1', name: 'Oak Academy Trust', kind: 'TRUST' };
const willow: Place = { id: 's-willow', name: 'Willow Primary', kind: 'SCHOOL' };
const ash: Place = { id: 's-ash', name: 'Ash Grove Academy', kind: 'SCHOOL' };
const schools = [
  { id: ash.id, name: ash.name, slug: 'ash-grove' },
  { id: willow.id, name: willow.name, slug: 'willow-primary' },
];

const policy = aPolicyDetail({
  id: 'p-7',
  title: 'Use of Social Media Policy',
  slug: 'use-of-social-media-policy',
  currentVersion: { id: 'v-7', number: '1.1', status: 'APPROVED', approvedOn: '2026-11-10', html: '<p>Text</p>' },
});

const pdfSha256 = '3f7a9c2e1b4d8f6a0c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3b5d7f9a';
const htmlSha256 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const publishing: PolicyPublishingQuery['policy'] = {
  id: 'p-7',
  publications: [
    {
      id: 'pub-1',
      publishedFor: willow,
      versionNumber: '1.0',
      publishedAt: '2026-09-03T08:15:00Z',
      path: '/p/willow-primary/use-of-social-media-policy',
      pdfPath: '/p/willow-primary/use-of-social-media-policy.pdf',
      pdfSha256,
      htmlSha256,
    },
  ],
  publishJobs: [],
};

function aJob(overrides: Partial<PublishJobFieldsFragment> = {}): PublishJobFieldsFragment {
  return { id: 'job-1', versionNumber: '1.1', reason: 'PUBLISHED', status: 'QUEUED', total: 2, done: 0, failed: 0, items: [], ...overrides };
}
const item = (place: Place, status: PublishJobFieldsFragment['items'][number]['status'], error: string | null = null) => ({
  publishedFor: place,
  status,
  error,
  path: `/p/${place.name.toLowerCase().replace(/\W+/g, '-')}/use-of-social-media-policy`,
});

function publishApi(viewer = aViewer({ role: 'ADMIN' as Role }), answer: PolicyPublishingQuery['policy'] = publishing) {
  return installFakeApi({
    Me: () => ({ data: { me: viewer } }),
    Policy: () => ({ data: { policy } }),
    Schools: () => ({ data: { schools } }),
    PolicyReview: () => gqlError('NOT_FOUND'),
    PolicyPublishing: () => ({ data: { policy: answer } }),
  });
}

const panel = (wrapper: VueWrapper) => wrapper.get('.policy-publishing');
const itemTexts = (wrapper: VueWrapper) => wrapper.findAll('.publish-items li').map((entry) => entry.text());
const liveText = (wrapper: VueWrapper) => wrapper.get('.policy-publishing [role="status"][aria-live="polite"]').text();

describe('publishing a policy', () => {
  it('shows where it is public now: place, version, date, links and the fingerprint to copy', async () => {
    publishApi();
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { wrapper } = await renderApp('/policies/p-7');

    const cells = panel(wrapper).findAll('.publications tbody tr').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(cells[0]?.slice(0, 3)).toEqual(['Willow Primary', '1.0', '3 September 2026']);
    expect(panel(wrapper).get('a[href="/p/willow-primary/use-of-social-media-policy"]').text()).toBe('Web page for Willow Primary');
    expect(panel(wrapper).get('a[href="/p/willow-primary/use-of-social-media-policy.pdf"]').text()).toBe('PDF for Willow Primary');
    expect(panel(wrapper).get('.publications__hash').text()).toBe('3f7a9c2e1b4d…');
    expect(panel(wrapper).get('details').text()).toContain(pdfSha256);

    await buttonByText(wrapper, 'Copy the PDF fingerprint for Willow Primary').trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(pdfSha256);
    expect(panel(wrapper).text()).toContain('Copied the PDF fingerprint for Willow Primary.');
  });

  it('lists each place’s missing details when publishing is refused, with where to fill them in', async () => {
    const api = publishApi();
    api.on('PublishPolicy', () =>
      gqlError('BAD_USER_INPUT', undefined, {
        missing: [
          { organisationId: 'org-1', organisationName: 'Oak Academy Trust', variables: [{ key: 'trust.ceoName', label: 'Chief executive’s name' }] },
          {
            organisationId: 's-willow',
            organisationName: 'Willow Primary',
            variables: [
              { key: 'school.headName', label: 'Headteacher’s name' },
              { key: 'school.dslName', label: 'Designated safeguarding lead' },
            ],
          },
        ],
      }),
    );
    const { wrapper } = await renderApp('/policies/p-7');

    expect(panel(wrapper).get('#publish-form-title').text()).toBe('Publish version 1.1');
    expect(liveText(wrapper)).toBe('');
    expect(fieldByLabel(wrapper, 'The trust and every academy').element.checked).toBe(true);
    await buttonByText(wrapper, 'Publish').trigger('click');
    await flushPromises();

    // The trust and every academy: no schoolIds at all.
    expect(api.callsOf('PublishPolicy')[0]?.variables).toEqual({ input: { policyId: 'p-7' } });
    const alert = panel(wrapper).get('[role="alert"]');
    expect(alert.get('p').text()).toBe('Nothing was published. Fill in these details first, then publish again:');
    expect(alert.findAll('li').map((entry) => entry.text())).toEqual([
      'Oak Academy Trust: Chief executive’s name. Fill in Oak Academy Trust’s details',
      'Willow Primary: Headteacher’s name, Designated safeguarding lead. Fill in Willow Primary’s details',
    ]);
    expect(alert.findAll('a').map((link) => link.attributes('href'))).toEqual(['/settings/variables?policy=p-7', '/settings/variables?school=s-willow&policy=p-7']);
    expect(alert.text()).not.toContain('message text');
    expect(panel(wrapper).find('.publish-progress').exists()).toBe(false);
  });

  it('follows the job from queued to done, saying each copy’s status and why one failed', async () => {
    const api = publishApi();
    const answers = [
      aJob({ status: 'RUNNING', done: 1, items: [item(ash, 'PUBLISHED'), item(willow, 'PENDING')] }),
      aJob({
        status: 'DONE',
        done: 2,
        failed: 1,
        items: [item(ash, 'PUBLISHED'), item(willow, 'FAILED', 'Fill in these details before publishing — Willow Primary: Headteacher’s name.')],
      }),
    ];
    api.on('PublishPolicy', () => ({ data: { publishPolicy: aJob({ items: [item(ash, 'PENDING'), item(willow, 'PENDING')] }) } }));
    api.on('PublishJobProgress', () => ({ data: { publishJob: answers.shift() } }));
    const { wrapper } = await renderApp('/policies/p-7');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    await fieldByLabel(wrapper, 'Particular academies').setValue(true);
    await buttonByText(wrapper, 'Publish').trigger('click');
    expect(panel(wrapper).get('.field__error').text()).toBe('Choose at least one academy, or publish for the trust and every academy.');
    expect(api.callsOf('PublishPolicy')).toHaveLength(0);
    await fieldByLabel(wrapper, 'Willow Primary').setValue(true);
    await fieldByLabel(wrapper, 'Ash Grove Academy').setValue(true);
    await buttonByText(wrapper, 'Publish').trigger('click');
    await flushPromises();

    // In the list's order, not the order they were ticked.
    expect(api.callsOf('PublishPolicy')[0]?.variables).toEqual({ input: { policyId: 'p-7', schoolIds: ['s-ash', 's-willow'] } });
    expect(document.activeElement?.id).toBe('publish-progress-title');
    expect(panel(wrapper).find('.publish-form').exists()).toBe(false);
    const started = 'Publishing version 1.1 for 2 places. It carries on if you leave this page.';
    expect(liveText(wrapper)).toBe(started);
    expect(itemTexts(wrapper)).toEqual(['Ash Grove Academy: Waiting', 'Willow Primary: Waiting']);
    expect(wrapper.get('#publish-progress-count').text()).toBe('0 of 2 copies done');

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await flushPromises();
    expect(api.callsOf('PublishJobProgress')[0]?.variables).toEqual({ id: 'job-1' });
    expect(wrapper.get('progress').element.value).toBe(1);
    expect(wrapper.get('progress').attributes('max')).toBe('2');
    expect(wrapper.get('#publish-progress-count').text()).toBe('1 of 2 copies done');
    expect(panel(wrapper).get('#publish-progress-title').text()).toBe('Publishing version 1.1 — 1 of 2 done');
    expect(itemTexts(wrapper)).toEqual(['Ash Grove Academy: Published — Web page for Ash Grove Academy', 'Willow Primary: Waiting']);
    // Not announced again at each poll.
    expect(liveText(wrapper)).toBe(started);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await flushPromises();
    expect(panel(wrapper).get('#publish-progress-title').text()).toBe('Published version 1.1, but 1 copy failed');
    expect(liveText(wrapper)).toBe('Finished publishing version 1.1: 1 of 2 public, 1 failed. The list below says why.');
    expect(itemTexts(wrapper)).toEqual([
      'Ash Grove Academy: Published — Web page for Ash Grove Academy',
      'Willow Primary: Failed: Fill in these details before publishing — Willow Primary: Headteacher’s name.',
    ]);
    // Where it is published is asked again, and the form is back for another go.
    expect(api.callsOf('PolicyPublishing')).toHaveLength(2);
    expect(panel(wrapper).find('.publish-form').exists()).toBe(true);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
    expect(api.callsOf('PublishJobProgress')).toHaveLength(2);
  });

  it('shows a re-publish already running when the page opens, and follows it', async () => {
    const api = publishApi(aViewer({ role: 'ADMIN' }), {
      ...publishing,
      publishJobs: [aJob({ id: 'job-9', reason: 'APPROVED', status: 'RUNNING', total: 4, done: 2, items: [item(trust, 'PUBLISHED'), item(ash, 'UNCHANGED'), item(willow, 'PENDING')] })],
    });
    api.on('PublishJobProgress', () => ({ data: { publishJob: aJob({ id: 'job-9', reason: 'APPROVED', status: 'DONE', total: 4, done: 4 }) } }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { wrapper } = await renderApp('/policies/p-7');

    expect(panel(wrapper).get('#publish-progress-title').text()).toBe('Publishing again after the approval of version 1.1 — 2 of 4 done');
    expect(itemTexts(wrapper)).toContain('Ash Grove Academy: Already up to date — Web page for Ash Grove Academy');
    expect(panel(wrapper).find('.publish-form').exists()).toBe(false);

    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await flushPromises();
    expect(api.callsOf('PublishJobProgress')[0]?.variables).toEqual({ id: 'job-9' });
    expect(liveText(wrapper)).toBe('Finished publishing version 1.1: all 4 copies are public.');
  });

  it('says so when it cannot check on a job, and checks again when asked', async () => {
    const api = publishApi();
    const answers = [gqlError('INTERNAL_SERVER_ERROR'), { data: { publishJob: aJob({ status: 'DONE', total: 1, done: 1, items: [item(willow, 'PUBLISHED')] }) } }];
    api.on('PublishPolicy', () => ({ data: { publishPolicy: aJob({ total: 1, items: [item(willow, 'PENDING')] }) } }));
    api.on('PublishJobProgress', () => answers.shift()!);
    const { wrapper } = await renderApp('/policies/p-7');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    await buttonByText(wrapper, 'Publish').trigger('click');
    await flushPromises();
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
    await flushPromises();
    expect(panel(wrapper).get('.publish-progress .banner').text()).toContain(
      'Sorry, something went wrong trying to check how publishing is going. Please try again. Publishing carries on without this page.',
    );
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3);
    expect(api.callsOf('PublishJobProgress')).toHaveLength(1);

    await buttonByText(wrapper, 'Check again').trigger('click');
    await flushPromises();
    expect(api.callsOf('PublishJobProgress')).toHaveLength(2);
    expect(itemTexts(wrapper)).toEqual(['Willow Primary: Published — Web page for Willow Primary']);
    expect(panel(wrapper).find('.publish-progress .banner').exists()).toBe(false);
  });

  it('stops asking about a job that never moves, and asks the person to check again later', async () => {
    const api = publishApi();
    api.on('PublishPolicy', () => ({ data: { publishPolicy: aJob({ total: 1, items: [item(willow, 'PENDING')] }) } }));
    api.on('PublishJobProgress', () => ({ data: { publishJob: aJob({ total: 1, items: [item(willow, 'PENDING')] }) } }));
    const { wrapper } = await renderApp('/policies/p-7');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    await buttonByText(wrapper, 'Publish').trigger('click');
    await flushPromises();
    await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * (MAX_POLLS + 5));
    await flushPromises();

    expect(api.callsOf('PublishJobProgress')).toHaveLength(MAX_POLLS);
    expect(panel(wrapper).get('.publish-progress .banner').text()).toContain('Publishing is taking longer than usual.');
    await buttonByText(wrapper, 'Check again').trigger('click');
    await flushPromises();
    expect(api.callsOf('PublishJobProgress')).toHaveLength(MAX_POLLS + 1);
    expect(panel(wrapper).find('.publish-progress .banner').exists()).toBe(false);
  });

  it('says when there is no approved version to publish', async () => {
    const api = publishApi();
    api.on('PublishPolicy', () => gqlError('CONFLICT'));
    const { wrapper } = await renderApp('/policies/p-7');

    await buttonByText(wrapper, 'Publish').trigger('click');
    await flushPromises();
    expect(panel(wrapper).get('[role="alert"]').text()).toBe('This policy has no approved version yet, so there is nothing to publish. Send its draft for approval first.');
  });

  it('lets an academy’s author publish their academy’s copy only', async () => {
    const api = publishApi(aViewer({ role: 'AUTHOR', school: { id: 's-willow', name: 'Willow Primary' } }));
    api.on('PublishPolicy', () => ({ data: { publishPolicy: aJob({ status: 'DONE', total: 1, done: 1, items: [item(willow, 'UNCHANGED')] }) } }));
    const { wrapper } = await renderApp('/policies/p-7');

    expect(panel(wrapper).find('#publish-scope').exists()).toBe(false);
    expect(panel(wrapper).text()).toContain('For Willow Primary.');
    await buttonByText(wrapper, 'Publish').trigger('click');
    await flushPromises();
    expect(api.callsOf('PublishPolicy')[0]?.variables).toEqual({ input: { policyId: 'p-7', schoolIds: ['s-willow'] } });
    expect(itemTexts(wrapper)).toEqual(['Willow Primary: Already up to date — Web page for Willow Primary']);
    expect(api.callsOf('PublishJobProgress')).toHaveLength(0);
  });

  it('is not offered to people who cannot publish', async () => {
    for (const viewer of [aViewer({ role: 'VIEWER' }), aViewer({ role: 'AUTHOR' })]) {
      const api = publishApi(viewer);
      const { wrapper } = await renderApp('/policies/p-7');
      expect(wrapper.find('.policy-publishing').exists()).toBe(false);
      expect(api.callsOf('PolicyPublishing')).toHaveLength(0);
      wrapper.unmount();
    }
  });
});
