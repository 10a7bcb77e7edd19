import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { GovernanceQuery, OrganisationMembersQuery, Role } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp, settingsOffered } from '../test/render-app';

enableAutoUnmount(afterEach);

const far = { id: 'far', name: 'Finance, Audit & Risk Committee' };
const board = { id: 'board', name: 'Trust Board' };

const governance: GovernanceQuery = {
  governanceBodies: [
    {
      ...board,
      kind: 'BOARD',
      quorum: 2,
      school: null,
      members: [
        { membershipId: 'm-beatrice', position: 'CHAIR', person: { id: 'p-beatrice', name: 'Beatrice Hale' } },
        { membershipId: 'm-alex', position: 'CLERK', person: { id: 'p-alex', name: 'Alex Turner' } },
        { membershipId: 'm-samuel', position: 'MEMBER', person: { id: 'p-samuel', name: 'Samuel Reed' } },
      ],
    },
    { ...far, kind: 'COMMITTEE', quorum: null, school: null, members: [] },
  ],
  approvalRoutes: [
    {
      id: 'route-1',
      name: 'Finance, Audit & Risk Committee approves',
      isDefault: true,
      authorMayApprove: false,
      minorChangeRole: 'ADMIN',
      localAdoption: 'NONE',
      stages: [{ position: 1, action: 'APPROVE', appliesTo: 'ALL_CHANGES', body: far }],
    },
  ],
};

const people: OrganisationMembersQuery['organisationMembers'] = [
  { membershipId: 'm-alex', role: 'ADMIN', school: null, person: { id: 'p-alex', name: 'Alex Turner' } },
  { membershipId: 'm-charles', role: 'APPROVER', school: null, person: { id: 'p-charles', name: 'Charles Fenwick' } },
  { membershipId: 'm-samuel', role: 'APPROVER', school: null, person: { id: 'p-samuel', name: 'Samuel Reed' } },
];

function governanceApi(role: Role = 'ADMIN') {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    Governance: () => ({ data: governance }),
    OrganisationMembers: () => ({ data: { organisationMembers: people } }),
    Schools: () => ({ data: { schools: [] } }),
    Policies: () => ({ data: { policies: [] } }),
    SaveGovernanceBody: ({ input }) => ({ data: { saveGovernanceBody: { ...governance.governanceBodies[1]!, name: (input as { name: string }).name } } }),
    SaveApprovalRoute: () => ({ data: { saveApprovalRoute: governance.approvalRoutes[0] } }),
  });
}

describe('governance settings', () => {
  it('is in Settings, from the main navigation', async () => {
    governanceApi();
    const { wrapper } = await renderApp('/policies');
    expect((await settingsOffered(wrapper)).get('Governance bodies and approval routes')).toBe('/settings/governance');
  });

  it('shows everyone the bodies and routes, and only administrators the ways to change them', async () => {
    governanceApi('APPROVER');
    const { wrapper } = await renderApp('/settings/governance');

    const cards = wrapper.findAll('.governance-card');
    expect(cards[0]?.get('h3').text()).toBe('Trust Board');
    expect(cards[0]?.text()).toContain('Beatrice Hale (chair), Alex Turner (clerk), Samuel Reed');
    expect(cards[0]?.text()).toContain('2 members');
    expect(cards[1]?.text()).toContain('None yet');
    expect(cards[2]?.get('h3').text()).toBe('Finance, Audit & Risk Committee approves (the default)');
    expect(cards[2]?.text()).toContain('Finance, Audit & Risk Committee approves: every change');
    expect(cards[2]?.text()).toContain('An admin');
    expect(wrapper.text()).toContain('Only administrators can change them.');
    expect(wrapper.findAll('button').map((button) => button.text())).not.toContain('Add a body');
  });

  it('adds a committee with its chair, clerk and quorum, and says so', async () => {
    const api = governanceApi();
    const { wrapper } = await renderApp('/settings/governance');

    await buttonByText(wrapper, 'Add a body').trigger('click');
    expect(document.activeElement?.id).toBe('body-new-name');
    await fieldByLabel(wrapper, 'Name').setValue('People Committee');
    await fieldByLabel(wrapper, 'Quorum (optional)').setValue('2');
    await buttonByText(wrapper, 'Add a member').trigger('click');
    await fieldByLabel(wrapper, 'Member 1').setValue('m-charles');
    await fieldByLabel(wrapper, 'Place of member 1').setValue('CHAIR');
    await buttonByText(wrapper, 'Add a member').trigger('click');
    await fieldByLabel(wrapper, 'Member 2').setValue('m-alex');
    await fieldByLabel(wrapper, 'Place of member 2').setValue('CLERK');
    await buttonByText(wrapper, 'Add the body').trigger('click');
    await flushPromises();

    expect(api.callsOf('SaveGovernanceBody')[0]?.variables).toEqual({
      input: {
        name: 'People Committee',
        kind: 'COMMITTEE',
        quorum: 2,
        members: [
          { membershipId: 'm-charles', position: 'CHAIR' },
          { membershipId: 'm-alex', position: 'CLERK' },
        ],
      },
    });
    expect(api.callsOf('Governance')).toHaveLength(2);
    expect(wrapper.get('.form__status').text()).toBe('Saved People Committee.');
    expect(document.activeElement?.id).toBe('add-body');
  });

  it('says what is wrong beside the form, and sends nothing', async () => {
    const api = governanceApi();
    const { wrapper } = await renderApp('/settings/governance');

    await buttonByText(wrapper, 'Change Trust Board').trigger('click');
    await fieldByLabel(wrapper, 'Place of member 3').setValue('CHAIR');
    await fieldByLabel(wrapper, 'Quorum (optional)').setValue('4');
    await buttonByText(wrapper, 'Save changes').trigger('click');
    await flushPromises();

    expect(api.callsOf('SaveGovernanceBody')).toHaveLength(0);
    const form = wrapper.get('#body-board');
    expect(form.text()).toContain('A body has one chair: choose Member for the others.');
    expect(form.text()).toContain('A quorum of 4 needs at least 4 members on the body: it has 3.');
    expect(document.activeElement?.id).toBe('body-board-quorum');
  });

  it('says a refusal from the API as a sentence, never its message', async () => {
    const api = governanceApi();
    api.on('SaveGovernanceBody', () => gqlError('BAD_USER_INPUT'));
    const { wrapper } = await renderApp('/settings/governance');

    await buttonByText(wrapper, 'Change Finance, Audit & Risk Committee').trigger('click');
    await buttonByText(wrapper, 'Save changes').trigger('click');
    await flushPromises();

    const alert = wrapper.get('[role="alert"]').text();
    expect(alert).toContain('Ratify could not save the body: check its name is not used by another body');
    expect(alert).not.toContain('message text');
  });

  it('changes a route: stages added, reordered and removed, with its options', async () => {
    const api = governanceApi();
    const { wrapper } = await renderApp('/settings/governance');

    await buttonByText(wrapper, 'Change Finance, Audit & Risk Committee approves').trigger('click');
    await buttonByText(wrapper, 'Add a stage').trigger('click');
    await fieldByLabel(wrapper, 'Body for stage 2').setValue('board');
    await fieldByLabel(wrapper, 'For stage 2').setValue('MAJOR_CHANGES');
    await buttonByText(wrapper, 'Add a stage').trigger('click');
    await fieldByLabel(wrapper, 'Body for stage 3').setValue('far');
    // A body twice is refused until it is removed.
    await buttonByText(wrapper, 'Save changes').trigger('click');
    expect(wrapper.text()).toContain('This body is already a stage of the route: a body decides once.');
    await buttonByText(wrapper, 'Remove stage 3').trigger('click');
    await buttonByText(wrapper, 'Move down stage 1').trigger('click');
    expect(document.activeElement?.textContent).toContain('Move up');
    await buttonByText(wrapper, 'Move up stage 2').trigger('click');
    await fieldByLabel(wrapper, 'Who may approve a minor change without the stages').setValue('');
    await fieldByLabel(wrapper, 'Each academy’s local governing body notes it').setValue(true);
    await fieldByLabel(wrapper, 'Authors may approve their own changes').setValue(true);
    await buttonByText(wrapper, 'Save changes').trigger('click');
    await flushPromises();

    expect(api.callsOf('SaveApprovalRoute')[0]?.variables).toEqual({
      input: {
        id: 'route-1',
        name: 'Finance, Audit & Risk Committee approves',
        isDefault: true,
        authorMayApprove: true,
        minorChangeRole: null,
        localAdoption: 'NOTE',
        stages: [
          { bodyId: 'far', action: 'APPROVE', appliesTo: 'ALL_CHANGES' },
          { bodyId: 'board', action: 'RATIFY', appliesTo: 'MAJOR_CHANGES' },
        ],
      },
    });
  });

  it('says when there is nothing yet', async () => {
    const api = governanceApi();
    api.on('Governance', () => ({ data: { governanceBodies: [], approvalRoutes: [] } }));
    const { wrapper } = await renderApp('/settings/governance');

    expect(wrapper.text()).toContain('No bodies yet.');
    expect(wrapper.text()).toContain('No approval routes yet, so no policy can be sent for approval.');
  });
});
