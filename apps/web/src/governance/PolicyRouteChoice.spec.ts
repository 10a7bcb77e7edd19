import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { GovernanceQuery, Role } from '../graphql/operations.generated';
import { aViewer, installFakeApi } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp } from '../test/render-app';

enableAutoUnmount(afterEach);

const route = (id: string, name: string, isDefault: boolean): GovernanceQuery['approvalRoutes'][number] => ({
  id,
  name,
  isDefault,
  authorMayApprove: false,
  minorChangeRole: null,
  localAdoption: 'NONE',
  stages: [],
});
const routes = [route('route-1', 'Finance, Audit & Risk Committee approves', true), route('route-2', 'Committee recommends, Trust Board ratifies', false)];

function routeApi(role: Role, policyRoute = { id: 'route-1', name: 'Finance, Audit & Risk Committee approves', isDefault: true }) {
  let current = aPolicyDetail({ id: 'p-1', title: 'Lettings Policy', approvalRoute: policyRoute });
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    Policy: () => ({ data: { policy: current } }),
    Schools: () => ({ data: { schools: [] } }),
    Governance: () => ({ data: { governanceBodies: [], approvalRoutes: routes } }),
    SetPolicyApprovalRoute: ({ routeId }) => {
      const chosen = routes.find((candidate) => candidate.id === routeId) ?? routes[0]!;
      current = { ...current, approvalRoute: { id: chosen.id, name: chosen.name, isDefault: chosen.isDefault } };
      return { data: { setPolicyApprovalRoute: { id: 'p-1', approvalRoute: current.approvalRoute } } };
    },
  });
}

describe('a policy’s approval route', () => {
  it('lets an administrator give the policy a route of its own, or the default back', async () => {
    const api = routeApi('ADMIN');
    const { wrapper } = await renderApp('/policies/p-1');

    const select = fieldByLabel(wrapper, 'Who approves this policy');
    expect(select.element.value).toBe('');
    expect([...select.element.querySelectorAll('option')].map((option) => option.textContent?.trim())).toEqual([
      'The default: Finance, Audit & Risk Committee approves',
      'Committee recommends, Trust Board ratifies',
    ]);
    await select.setValue('route-2');
    await buttonByText(wrapper, 'Save route').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetPolicyApprovalRoute')[0]?.variables).toEqual({ policyId: 'p-1', routeId: 'route-2' });
    expect(wrapper.get('.policy-route [role="status"]').text()).toBe('Saved: Lettings Policy follows Committee recommends, Trust Board ratifies.');
    expect(fieldByLabel(wrapper, 'Who approves this policy').element.value).toBe('route-2');

    await fieldByLabel(wrapper, 'Who approves this policy').setValue('');
    await buttonByText(wrapper, 'Save route').trigger('click');
    await flushPromises();
    expect(api.callsOf('SetPolicyApprovalRoute')[1]?.variables).toEqual({ policyId: 'p-1', routeId: null });
  });

  it('tells everyone else which route it follows', async () => {
    routeApi('AUTHOR', { id: 'route-2', name: 'Committee recommends, Trust Board ratifies', isDefault: false });
    const { wrapper } = await renderApp('/policies/p-1');

    expect(wrapper.get('.policy-route').text()).toContain('Committee recommends, Trust Board ratifies');
    expect(wrapper.find('#policy-route').exists()).toBe(false);
  });
});
