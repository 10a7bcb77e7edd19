import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpstreamUpdateQuery } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

const comparison: UpstreamUpdateQuery = {
  policy: { id: 'p-1', title: 'Use of Social Media Policy' },
  upstreamUpdate: {
    from: { id: 'tv-1', number: '1.0' },
    to: { id: 'tv-2', number: '1.1', releasedOn: '2026-09-01', changeSummary: 'KCSIE 2026', template: { id: 't-1', title: 'Social Media Policy', provider: { id: 'o-1', name: 'Westshire County Council' } } },
    into: { id: 'v-1', revision: 1, status: 'APPROVED' },
    changes: [
      { target: 'clause', id: 'c-1', change: 'changed', outcome: 'conflict', sectionHeading: 'Introduction', before: 'Staff keep a distance.', after: 'Staff keep a professional distance.', conflictId: 'clause:c-1' },
      { target: 'clause', id: 'c-2', change: 'added', outcome: 'applied', sectionHeading: 'Use', before: null, after: 'Report concerns to the DSL.', conflictId: null },
    ],
    conflicts: [{ id: 'clause:c-1', kind: 'modify/modify', target: 'clause', targetId: 'c-1', theirs: 'Staff keep a professional distance.', ours: 'Our staff keep a distance.' }],
    keptYours: 3,
  },
};

function api() {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role: 'AUTHOR' }) } }),
    UpstreamUpdate: () => ({ data: comparison }),
    AcceptUpstreamUpdate: () => ({ data: { acceptUpstreamUpdate: { id: 'v-2', revision: 2 } } }),
    Draft: () => gqlError('NOT_FOUND'),
  });
}

describe('taking a template update', () => {
  it('shows each change with what happens to it, and asks for a decision before making the draft', async () => {
    const fake = api();
    const { wrapper } = await renderApp('/policies/p-1/update');

    expect(wrapper.get('h1').text()).toBe('Update from Westshire County Council');
    expect(wrapper.findAll('.upstream-change h2').map((heading) => heading.text())).toEqual(['Reworded in “Introduction”', 'Added in “Use”']);
    expect(wrapper.findAll('.tag').map((tag) => tag.text())).toEqual(['You changed this too: choose below', 'Taken into your draft automatically']);
    expect(wrapper.text()).toContain('2 changes: 1 taken automatically, 1 for you to decide.');

    await buttonByText(wrapper, 'Make the updated draft').trigger('click');
    await flushPromises();
    expect(fake.callsOf('AcceptUpstreamUpdate')).toHaveLength(0);
    expect(wrapper.text()).toContain('1 change still needs your decision.');
  });

  it('sends the edited wording as the clause, keeping its id, and opens the draft', async () => {
    const fake = api();
    const { wrapper, router } = await renderApp('/policies/p-1/update');

    await fieldByLabel(wrapper, 'Write it another way').setValue(true);
    await fieldByLabel(wrapper, 'Edited wording').setValue('Our staff keep a professional distance.');
    await buttonByText(wrapper, 'Make the updated draft').trigger('click');
    await flushPromises();

    expect(fake.callsOf('AcceptUpstreamUpdate')[0]?.variables).toEqual({
      input: {
        policyId: 'p-1',
        templateVersionId: 'tv-2',
        intoVersionId: 'v-1',
        expectedRevision: 1,
        resolutions: [{ conflictId: 'clause:c-1', edited: { type: 'clause', attrs: { clauseId: 'c-1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Our staff keep a professional distance.' }] }] } }],
      },
    });
    // The editor is its own chunk: the navigation finishes once it has loaded.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/policies/p-1/edit'));
  });

  it('says what to do when the policy changed meanwhile', async () => {
    const fake = api();
    fake.on('AcceptUpstreamUpdate', () => gqlError('CONFLICT'));
    const { wrapper } = await renderApp('/policies/p-1/update');

    await fieldByLabel(wrapper, 'Keep your wording').setValue(true);
    await buttonByText(wrapper, 'Make the updated draft').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toContain('The policy was changed while you were looking at this update. Load the comparison again and check your choices.');
  });
});
