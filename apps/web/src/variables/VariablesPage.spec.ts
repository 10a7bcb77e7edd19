import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { ViewerFieldsFragment } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi, type GraphQLAnswer } from '../test/fake-api';
import { aPolicyDetail } from '../test/policy-fixtures';
import { buttonByText, fieldByLabel, renderApp, settingsOffered } from '../test/render-app';
import type { Variable } from './variable-form';

enableAutoUnmount(afterEach);

const WILLOW = { id: 's-willow', name: 'Willow Primary Academy' };
const ROWAN = { id: 's-rowan', name: 'Rowan Primary Academy' };

function trustValues(): Variable[] {
  return [
    { key: 'trust.name', label: 'Trust name', description: 'The trust’s name.', scope: 'trust', required: true, kind: 'text', value: null, effectiveValue: 'Oak Academy Trust', source: 'default' },
    { key: 'school.headTitle', label: 'Head’s title', description: 'Headteacher, Principal…', scope: 'school', required: true, kind: 'text', value: 'Headteacher', effectiveValue: 'Headteacher', source: 'trust' },
    { key: 'school.dslName', label: 'Designated safeguarding lead', description: 'The DSL’s full name.', scope: 'school', required: true, kind: 'text', value: null, effectiveValue: null, source: null },
    { key: 'school.email', label: 'School email', description: 'The office’s email address.', scope: 'school', required: false, kind: 'email', value: 'office@oak.example', effectiveValue: 'office@oak.example', source: 'trust' },
    { key: 'school.phone', label: 'School phone', description: 'The office’s number.', scope: 'school', required: false, kind: 'phone', value: null, effectiveValue: null, source: null },
  ];
}

function schoolValues(): Variable[] {
  return trustValues().map((variable) =>
    variable.key === 'school.headTitle' ? { ...variable, value: 'Head of School', effectiveValue: 'Head of School', source: 'school' } : { ...variable, value: null },
  );
}

function variablesApi(viewer: ViewerFieldsFragment = aViewer(), save: (variables: Record<string, unknown>) => GraphQLAnswer = () => ({ data: { setVariables: trustValues() } })) {
  return installFakeApi({
    Me: () => ({ data: { me: viewer } }),
    Schools: () => ({ data: { schools: viewer.activeMembership?.school ? [WILLOW] : [ROWAN, WILLOW] } }),
    Variables: ({ schoolId }) => ({ data: { variables: schoolId ? schoolValues() : trustValues() } }),
    SetVariables: save,
  });
}

function row(wrapper: VueWrapper, label: string) {
  const found = wrapper.findAll('.variable-field').find((field) => field.get('.variable-field__label').text().startsWith(label));
  if (!found) throw new Error(`No variable "${label}"`);
  return found;
}

describe('variables page', () => {
  it('is in Settings, from the main navigation', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), Policies: () => ({ data: { policies: [] } }) });
    const { wrapper } = await renderApp('/policies');
    expect((await settingsOffered(wrapper)).get('Variables')).toBe('/settings/variables');
  });

  it('shows each variable for the whole trust: label, required marker, input type, value and where the value used comes from', async () => {
    const api = variablesApi();
    const { wrapper } = await renderApp('/settings/variables');

    expect(api.callsOf('Variables')[0]?.variables).toEqual({ schoolId: null });
    expect(wrapper.get('h2').text()).toBe('Whole trust');
    expect(fieldByLabel(wrapper, 'Head’s title (required)').element.value).toBe('Headteacher');
    expect(fieldByLabel(wrapper, 'School email').attributes('type')).toBe('email');
    expect(fieldByLabel(wrapper, 'School phone').attributes('type')).toBe('tel');
    expect(fieldByLabel(wrapper, 'Trust name (required)').element.value).toBe('');
    expect(row(wrapper, 'Trust name').get('.variable-field__effective').text()).toBe('Policies use: “Oak Academy Trust”, default.');
    expect(row(wrapper, 'Head’s title').get('.variable-field__effective').text()).toBe('Policies use: “Headteacher”, set here.');
    expect(row(wrapper, 'Designated safeguarding lead').get('.variable-field__effective').text()).toContain('cannot be published until it is set');
  });

  it('sends only the values that changed, an emptied one as a clear', async () => {
    const api = variablesApi();
    const { wrapper } = await renderApp('/settings/variables');

    await fieldByLabel(wrapper, 'Designated safeguarding lead (required)').setValue('  Sam Patel ');
    await fieldByLabel(wrapper, 'School email').setValue('');
    await fieldByLabel(wrapper, 'Head’s title (required)').setValue('Headteacher');
    await buttonByText(wrapper, 'Save values').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetVariables')[0]?.variables).toEqual({
      input: {
        schoolId: null,
        values: [
          { key: 'school.dslName', value: 'Sam Patel' },
          { key: 'school.email', value: '' },
        ],
      },
    });
    expect(wrapper.get('.form__status').text()).toBe('Saved 2 values for the whole trust.');
  });

  it('says so, and sends nothing, when nothing changed', async () => {
    const api = variablesApi();
    const { wrapper } = await renderApp('/settings/variables');

    await buttonByText(wrapper, 'Save values').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetVariables')).toHaveLength(0);
    expect(wrapper.get('.form__status').text()).toBe('Nothing to save: no value was changed.');
  });

  it('shows a value the API would refuse next to its field, and sends nothing', async () => {
    const api = variablesApi();
    const { wrapper } = await renderApp('/settings/variables');

    const email = fieldByLabel(wrapper, 'School email');
    await email.setValue('the office');
    await buttonByText(wrapper, 'Save values').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetVariables')).toHaveLength(0);
    expect(email.attributes('aria-invalid')).toBe('true');
    expect(row(wrapper, 'School email').get('.field__error').text()).toBe('School email must be an email address, like office@school.org.uk.');
    expect(email.attributes('aria-describedby')).toContain(row(wrapper, 'School email').get('.field__error').attributes('id'));
  });

  it('lists the server’s problems next to the form on BAD_USER_INPUT and keeps what was typed', async () => {
    variablesApi(aViewer(), () => gqlError('BAD_USER_INPUT', 'x', { problems: ['Head’s title can be at most 300 characters.'] }));
    const { wrapper } = await renderApp('/settings/variables');

    await fieldByLabel(wrapper, 'Head’s title (required)').setValue('Executive Head');
    await buttonByText(wrapper, 'Save values').trigger('click');
    await flushPromises();

    const alert = wrapper.get('.variables-form [role="alert"]');
    expect(alert.get('p').text()).toBe('Ratify could not save the values:');
    expect(alert.get('li').text()).toBe('Head’s title can be at most 300 characters.');
    expect(fieldByLabel(wrapper, 'Head’s title (required)').element.value).toBe('Executive Head');
  });

  it('switches to a school: its own values, the trust’s as the fallback, trust-wide ones not offered', async () => {
    const api = variablesApi();
    const { wrapper, router } = await renderApp('/settings/variables');

    const choice = wrapper.get<HTMLSelectElement>('#variables-level');
    expect(choice.findAll('option').map((option) => option.text())).toEqual(['Whole trust', 'Rowan Primary Academy', 'Willow Primary Academy']);
    await choice.setValue('s-willow');
    await flushPromises();

    expect(router.currentRoute.value.query).toEqual({ school: 's-willow' });
    expect(api.callsOf('Variables')[1]?.variables).toEqual({ schoolId: 's-willow' });
    expect(wrapper.get('h2').text()).toBe('Willow Primary Academy');
    expect(fieldByLabel(wrapper, 'Head’s title (required)').element.value).toBe('Head of School');
    expect(row(wrapper, 'Trust name').find('input').exists()).toBe(false);
    expect(row(wrapper, 'Trust name').get('.variable-field__value').text()).toBe('Set for the whole trust.');

    await fieldByLabel(wrapper, 'School phone').setValue('01234 567890');
    await buttonByText(wrapper, 'Save values').trigger('click');
    await flushPromises();
    expect(api.callsOf('SetVariables')[0]?.variables).toEqual({ input: { schoolId: 's-willow', values: [{ key: 'school.phone', value: '01234 567890' }] } });
  });

  it('offers the way back to the policy being published, and keeps it when the level changes', async () => {
    const api = variablesApi();
    api.on('Policy', ({ id }) => ({ data: { policy: aPolicyDetail({ id: id as string, title: 'Online Safety Policy' }) } }));
    const { wrapper, router } = await renderApp('/settings/variables?school=s-willow&policy=p-7');

    expect(api.callsOf('Policy')[0]?.variables).toEqual({ id: 'p-7' });
    const back = wrapper.get('.back-link a');
    expect(back.text()).toBe('Back to Online Safety Policy');
    expect(back.attributes('href')).toBe('/policies/p-7#publishing');

    await wrapper.get<HTMLSelectElement>('#variables-level').setValue('s-rowan');
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ school: 's-rowan', policy: 'p-7' });
    expect(wrapper.get('.back-link a').text()).toBe('Back to Online Safety Policy');

    // Once saved, the way back is beside the button too.
    const besideSave = () => wrapper.findAll('.form__actions a').map((link) => [link.text(), link.attributes('href')]);
    expect(besideSave()).toEqual([]);
    await fieldByLabel(wrapper, 'Designated safeguarding lead (required)').setValue('Grace Adeyemi');
    await buttonByText(wrapper, 'Save values').trigger('click');
    await flushPromises();
    expect(besideSave()).toEqual([['Back to Online Safety Policy to publish it', '/policies/p-7#publishing']]);
  });

  it('gives a school’s staff their own school only, to edit', async () => {
    const api = variablesApi(aViewer({ role: 'PUBLISHER', school: WILLOW }));
    const { wrapper } = await renderApp('/settings/variables');

    expect(wrapper.find('#variables-level').exists()).toBe(false);
    expect(api.callsOf('Variables').map((call) => call.variables)).toEqual([{ schoolId: 's-willow' }]);
    expect(wrapper.get('h2').text()).toBe('Willow Primary Academy');
    expect(fieldByLabel(wrapper, 'Head’s title (required)').element.value).toBe('Head of School');
    expect(wrapper.findAll('button').some((button) => button.text() === 'Save values')).toBe(true);
  });

  it('shows the trust-wide values read-only to those who are not administrators', async () => {
    variablesApi(aViewer({ role: 'AUTHOR' }));
    const { wrapper } = await renderApp('/settings/variables');

    expect(wrapper.find('.variables-form input').exists()).toBe(false);
    expect(wrapper.findAll('button').some((button) => button.text() === 'Save values')).toBe(false);
    expect(wrapper.text()).toContain('Only the trust’s administrators can change the values for the whole trust.');
    expect(row(wrapper, 'Head’s title').get('.variable-field__value').text()).toBe('Headteacher');
  });

  it('says a school that is not the trust’s was not found, without offering to try again', async () => {
    const api = variablesApi();
    api.on('Variables', () => gqlError('NOT_FOUND'));
    const { wrapper } = await renderApp('/settings/variables?school=someone-elses');

    const alert = wrapper.get('[role="alert"]');
    expect(alert.text()).toBe('Ratify could not find the values here. Check the address, or go back and choose again.');
    expect(alert.find('button').exists()).toBe(false);
  });
});
