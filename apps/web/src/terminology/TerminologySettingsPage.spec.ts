import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi, type GraphQLAnswer } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp, settingsOffered } from '../test/render-app';

enableAutoUnmount(afterEach);

const leafTerms = [
  { from: 'Governing Body', to: 'Trust' },
  { from: 'governors', to: 'trustees' },
];

function settingsApi(role: Role = 'ADMIN', save: (variables: Record<string, unknown>) => GraphQLAnswer = ({ input }) => ({ data: { setTerminology: (input as { terms: unknown[] }).terms } })) {
  return installFakeApi({
    Me: () => ({ data: { me: aViewer({ role }) } }),
    Terminology: () => ({ data: { terminology: leafTerms } }),
    SetTerminology: save,
  });
}

const field = (wrapper: VueWrapper, side: 'The model policy says' | 'We say', row: number) => fieldByLabel(wrapper, `${side}, term ${row}`);

describe('terminology settings', () => {
  it('is in Settings, from the main navigation', async () => {
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), Policies: () => ({ data: { policies: [] } }) });
    const { wrapper } = await renderApp('/policies');
    expect((await settingsOffered(wrapper)).get('Terminology')).toBe('/settings/terminology');
  });

  it('lets an administrator change, add and remove terms, and saves the list as it stands', async () => {
    const api = settingsApi();
    const { wrapper } = await renderApp('/settings/terminology');

    expect(field(wrapper, 'The model policy says', 1).element.value).toBe('Governing Body');
    expect(field(wrapper, 'We say', 2).element.value).toBe('trustees');

    await field(wrapper, 'We say', 1).setValue('Trust Board');
    await buttonByText(wrapper, 'Remove term 2').trigger('click');
    await buttonByText(wrapper, 'Add a term').trigger('click');
    expect(document.activeElement?.id).toBe(field(wrapper, 'The model policy says', 2).element.id);
    await field(wrapper, 'The model policy says', 2).setValue(' on line ');
    await field(wrapper, 'We say', 2).setValue('online');
    await buttonByText(wrapper, 'Add a term').trigger('click');
    await buttonByText(wrapper, 'Save terminology').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetTerminology')[0]?.variables).toEqual({
      input: {
        terms: [
          { from: 'Governing Body', to: 'Trust Board' },
          { from: 'on line', to: 'online' },
        ],
      },
    });
    expect(wrapper.get('.form__status').text()).toBe('Terminology saved.');
  });

  it('says what is wrong next to the field, and sends nothing, for a term listed twice', async () => {
    const api = settingsApi();
    const { wrapper } = await renderApp('/settings/terminology');

    await field(wrapper, 'The model policy says', 2).setValue('Governing Body');
    await buttonByText(wrapper, 'Save terminology').trigger('click');
    await flushPromises();

    expect(api.callsOf('SetTerminology')).toHaveLength(0);
    const duplicate = field(wrapper, 'The model policy says', 2);
    expect(duplicate.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get(`#${duplicate.attributes('aria-describedby')}`).text()).toBe('“Governing Body” is already in the list. Keep one row for it.');
    expect(document.activeElement).toBe(duplicate.element);
  });

  it('lists the server’s problems on BAD_USER_INPUT and keeps what was typed', async () => {
    settingsApi('ADMIN', () => gqlError('BAD_USER_INPUT', 'x', { problems: ['Keep the list to at most 100 terms.'] }));
    const { wrapper } = await renderApp('/settings/terminology');

    await field(wrapper, 'We say', 1).setValue('The Board');
    await buttonByText(wrapper, 'Save terminology').trigger('click');
    await flushPromises();

    const alert = wrapper.get('[role="alert"]');
    expect(alert.get('p').text()).toBe('Ratify could not save the terminology:');
    expect(alert.findAll('li').map((item) => item.text())).toEqual(['Keep the list to at most 100 terms.']);
    expect(field(wrapper, 'We say', 1).element.value).toBe('The Board');
  });

  it('says in words why saving was refused', async () => {
    settingsApi('ADMIN', () => gqlError('FORBIDDEN'));
    const { wrapper } = await renderApp('/settings/terminology');

    await buttonByText(wrapper, 'Save terminology').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toBe('Only administrators can change the terminology. Ask an administrator of your organisation.');
  });

  it('shows the list read-only to everyone else', async () => {
    settingsApi('AUTHOR');
    const { wrapper } = await renderApp('/settings/terminology');

    expect(wrapper.find('input').exists()).toBe(false);
    expect(wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()))).toEqual([
      ['Governing Body', 'Trust'],
      ['governors', 'trustees'],
    ]);
    expect(wrapper.text()).toContain('Only administrators can change the terminology.');
  });

  it('asks before leaving edits that are not saved, and not once they are', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    settingsApi();
    const { wrapper, router } = await renderApp('/settings/terminology');

    await field(wrapper, 'We say', 1).setValue('The Board');
    await router.push('/policies').catch(() => undefined);
    expect(confirm).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.name).toBe('terminology-settings');

    await buttonByText(wrapper, 'Save terminology').trigger('click');
    await flushPromises();
    installFakeApi({ Me: () => ({ data: { me: aViewer() } }), Policies: () => ({ data: { policies: [] } }) });
    await router.push('/policies');
    expect(confirm).toHaveBeenCalledOnce();
    expect(router.currentRoute.value.name).toBe('policies');
  });
});
