import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aRequestSummary } from '../test/approval-fixtures';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

describe('approvals inbox', () => {
  it('lists each request awaiting the person’s decision: the policy, where it stands, who sent it and when, and what changed', async () => {
    installFakeApi({
      Me: () => ({ data: { me: aViewer({ role: 'APPROVER' }) } }),
      ApprovalInbox: () => ({ data: { approvalInbox: [{ ...aRequestSummary(), policy: { id: 'p-1', title: 'Use of Social Media Policy' } }] } }),
    });
    const { wrapper } = await renderApp('/approvals');

    expect(wrapper.get('h1').text()).toBe('Approvals');
    const item = wrapper.get('.inbox-item');
    expect(item.get('a').text()).toBe('Use of Social Media Policy');
    expect(item.get('a').attributes('href')).toBe('/approvals/r-1');
    expect(item.get('.inbox-item__status').text()).toBe('Awaiting approval by Finance, Audit & Risk Committee');
    expect(item.get('.inbox-item__summary').text()).toBe('“Online conduct and reporting to the DSL”');
    expect(item.text().replace(/\s+/g, ' ')).toContain('Legislation or guidance · Major change · sent by Olivia Grant on 9 November 2026');
  });

  it('says when nothing is waiting', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer({ role: 'APPROVER' }) } }), ApprovalInbox: () => ({ data: { approvalInbox: [] } }) });
    const { wrapper } = await renderApp('/approvals');

    expect(wrapper.get('.empty').text()).toContain('Nothing is waiting for your decision.');
  });

  it('says in words when it cannot be loaded', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), ApprovalInbox: () => gqlError('INTERNAL_SERVER_ERROR') });
    const { wrapper } = await renderApp('/approvals');

    expect(wrapper.get('[role="alert"]').text()).toContain('Sorry, something went wrong loading your approvals. Please try again.');
  });
});
