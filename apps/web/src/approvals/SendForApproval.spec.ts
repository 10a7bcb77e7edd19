import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role, SubmissionContextQuery } from '../graphql/operations.generated';
import type { PolicyDetail } from '../policies/policies.store';
import { aRequestSummary, aTwoStageRoute, boardStage, farRecommended, farStage } from '../test/approval-fixtures';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp, settle } from '../test/render-app';

enableAutoUnmount(afterEach);

const approved = { id: 'v-1', number: '1.0', status: 'APPROVED' as const, approvedOn: '2025-01-13', html: '<p>Text</p>' };
const withDraft = aPolicyDetail({ id: 'p-1', title: 'Use of Social Media Policy', currentVersion: approved, draft: { id: 'v-2', revision: 7 } });

const context: SubmissionContextQuery = {
  policy: {
    id: 'p-1',
    currentVersion: { id: 'v-1', number: '1.0', status: 'APPROVED' },
    approvalRoute: aTwoStageRoute(),
  },
};

function policyApi(policy: PolicyDetail = withDraft, role: Role = 'AUTHOR') {
  let current = policy;
  const api = installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    Policy: () => ({ data: { policy: current } }),
    Schools: () => ({ data: { schools: [] } }),
    SubmissionContext: () => ({ data: context }),
    SubmitForApproval: () => {
      current = { ...current, draft: null, pendingApproval: aRequestSummary({ submittedBy: { id: 'person-1', name: 'Sam Head' } }) };
      return { data: { submitForApproval: current.pendingApproval } };
    },
    WithdrawApproval: () => {
      current = { ...current, draft: { id: 'v-2', revision: 8 }, pendingApproval: null };
      return { data: { withdrawApproval: aRequestSummary({ status: 'WITHDRAWN' }) } };
    },
  });
  return api;
}

describe('sending a draft for approval', () => {
  it('asks what changed and why, says the number each choice makes and who decides, then sends it as reviewed', async () => {
    const api = policyApi();
    const { wrapper } = await renderApp('/policies/p-1');

    await buttonByText(wrapper, 'Send for approval').trigger('click');
    await settle();
    expect(document.activeElement?.id).toBe('send-title');
    expect(wrapper.get('#send-kind-MAJOR-hint').text()).toMatch(/^It will be version 2\.0: /);
    expect(wrapper.get('#send-kind-MINOR-hint').text()).toMatch(/^It will be version 1\.1: /);
    expect(wrapper.get('.route-preview').text()).toContain('Committee recommends, Trust Board ratifies, for a major change:');
    expect(wrapper.findAll('.route-preview li').map((item) => item.text())).toEqual(['Finance, Audit & Risk Committee approves', 'Trust Board ratifies']);

    await fieldByLabel(wrapper, 'Minor change').setValue(true);
    expect(wrapper.findAll('.route-preview li').map((item) => item.text())).toEqual(['Delegated approval (an admin) approves']);
    await fieldByLabel(wrapper, 'Major change').setValue(true);
    await fieldByLabel(wrapper, 'What changed').setValue('  Online conduct and reporting to the DSL ');
    await fieldByLabel(wrapper, 'Legislation or guidance').setValue(true);
    await wrapper.get('form.send-for-approval').trigger('submit');
    await settle();

    expect(api.callsOf('SubmitForApproval')[0]?.variables).toEqual({
      input: { versionId: 'v-2', expectedRevision: 7, changeSummary: 'Online conduct and reporting to the DSL', changeOrigin: 'LEGISLATION_OR_GUIDANCE', changeKind: 'MAJOR' },
    });
    expect(wrapper.get('.pending-approval__status').text()).toBe('Awaiting approval by Finance, Audit & Risk Committee');
    expect(wrapper.text()).toContain('Sent for approval. Its approvers have been told.');
    expect(wrapper.findAll('main a').some((link) => link.text().startsWith('Edit'))).toBe(false);
  });

  it('says what is missing by the field, and sends nothing', async () => {
    const api = policyApi();
    const { wrapper } = await renderApp('/policies/p-1');

    await buttonByText(wrapper, 'Send for approval').trigger('click');
    await settle();
    await wrapper.get('form.send-for-approval').trigger('submit');
    await flushPromises();

    expect(api.callsOf('SubmitForApproval')).toHaveLength(0);
    expect(wrapper.get('#send-summary-error').text()).toBe('Say what changed: it goes in the policy’s history table.');
    expect(wrapper.get('#send-origin-error').text()).toBe('Choose why the policy changed.');
    expect(wrapper.get('#send-kind-error').text()).toBe('Choose whether this is a major or a minor change.');
    expect(document.activeElement?.id).toBe('send-summary');
  });

  it('says an administrator sets up a route when the policy has none', async () => {
    const api = policyApi();
    api.on('SubmissionContext', () => ({ data: { policy: { ...context.policy, approvalRoute: null } } }));
    const { wrapper } = await renderApp('/policies/p-1');

    await buttonByText(wrapper, 'Send for approval').trigger('click');
    await settle();

    const alert = wrapper.get('.send-for-approval [role="alert"]');
    expect(alert.text()).toContain('This policy has no approval route yet');
    expect(alert.get('a').attributes('href')).toBe('/settings/governance');
    expect(wrapper.find('#send-summary').exists()).toBe(false);
  });

  it('says the same when the API answers NO_ROUTE, and a sentence for other refusals', async () => {
    const api = policyApi();
    api.on('SubmitForApproval', () => gqlError('BAD_USER_INPUT', 'x', { reason: 'NO_ROUTE' }));
    const { wrapper } = await renderApp('/policies/p-1');

    await buttonByText(wrapper, 'Send for approval').trigger('click');
    await settle();
    await fieldByLabel(wrapper, 'What changed').setValue('Typos');
    await fieldByLabel(wrapper, 'Editorial (typos, contact details)').setValue(true);
    await fieldByLabel(wrapper, 'Minor change').setValue(true);
    await wrapper.get('form.send-for-approval').trigger('submit');
    await flushPromises();
    expect(wrapper.get('.send-for-approval [role="alert"]').text()).toContain('This policy has no approval route yet');

    api.on('SubmitForApproval', () => gqlError('CONFLICT', 'x', { currentRevision: 8 }));
    const { wrapper: again } = await renderApp('/policies/p-1');
    await buttonByText(again, 'Send for approval').trigger('click');
    await settle();
    await fieldByLabel(again, 'What changed').setValue('Typos');
    await fieldByLabel(again, 'Editorial (typos, contact details)').setValue(true);
    await fieldByLabel(again, 'Minor change').setValue(true);
    await again.get('form.send-for-approval').trigger('submit');
    await flushPromises();
    expect(again.get('.send-for-approval [role="alert"]').text()).toBe(
      'The draft changed since you opened this form: it was saved again (perhaps in another tab) or it has already been sent. Reload the page to see the latest draft, then send it.',
    );
  });
});

describe('a policy in approval', () => {
  const pending = aPolicyDetail({
    id: 'p-1',
    title: 'Use of Social Media Policy',
    currentVersion: approved,
    pendingApproval: aRequestSummary({ currentStage: 2, statusLabel: 'Awaiting ratification by Trust Board', stages: [{ ...farStage, decision: farRecommended }, boardStage] }),
  });

  it('says where it stands, prominently, with the stages so far and a link to the request', async () => {
    policyApi(pending, 'VIEWER');
    const { wrapper } = await renderApp('/policies/p-1');

    expect(wrapper.get('.pending-approval__status').text()).toBe('Awaiting ratification by Trust Board');
    expect(wrapper.findAll('.stage__outcome').map((outcome) => outcome.text())).toEqual(['Recommended to the next stage', 'Awaiting its decision']);
    expect(wrapper.get('.pending-approval a').attributes('href')).toBe('/approvals/r-1');
    expect(wrapper.findAll('button').map((button) => button.text())).not.toContain('Withdraw from approval');
  });

  it('lets the person who sent it withdraw it, after confirming', async () => {
    const api = policyApi({ ...pending, pendingApproval: { ...pending.pendingApproval!, submittedBy: { id: 'person-1', name: 'Sam Head' } } });
    const { wrapper } = await renderApp('/policies/p-1');

    await buttonByText(wrapper, 'Withdraw from approval').trigger('click');
    expect(document.activeElement?.id).toBe('withdraw-question');
    await buttonByText(wrapper, 'Cancel').trigger('click');
    expect(api.callsOf('WithdrawApproval')).toHaveLength(0);

    await buttonByText(wrapper, 'Withdraw from approval').trigger('click');
    await buttonByText(wrapper, 'Withdraw it').trigger('click');
    await flushPromises();

    expect(api.callsOf('WithdrawApproval')[0]?.variables).toEqual({ requestId: 'r-1' });
    expect(wrapper.find('.pending-approval').exists()).toBe(false);
    expect(wrapper.findAll('button').map((button) => button.text())).toContain('Send for approval');
  });
});
