import { flushPromises, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import { createAppRouter } from '../router/router';

/** Mounts the whole app (real router, guard and stores) at a path, in memory history. */
export async function renderApp(path: string) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createAppRouter(createMemoryHistory());
  await router.push(path);
  const wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body });
  await router.isReady();
  await settle();
  return { wrapper, router, pinia };
}

/** Waits until what the page asked for has come: answers, and the parts it loads on demand (async components). */
export async function settle(): Promise<void> {
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
}

/** The form control a visible <label> names, found the way assistive technology finds it. */
export function fieldByLabel(wrapper: VueWrapper, text: string): DOMWrapper<HTMLInputElement> {
  const label = wrapper.findAll('label').find((candidate) => candidate.text() === text);
  if (!label) throw new Error(`No label "${text}"`);
  const id = label.attributes('for');
  if (!id) throw new Error(`Label "${text}" is not tied to a control`);
  return wrapper.find<HTMLInputElement>(`#${id}`);
}

export function buttonByText(wrapper: VueWrapper, text: string): DOMWrapper<HTMLButtonElement> {
  const button = wrapper.findAll<HTMLButtonElement>('button').find((candidate) => candidate.text() === text);
  if (!button) throw new Error(`No button "${text}"`);
  return button;
}

/**
 * Follows "Settings" in the main navigation and gives the settings pages listed there for the
 * person signed in: each link's text and where it goes.
 */
export async function settingsOffered(wrapper: VueWrapper): Promise<Map<string, string | undefined>> {
  const settings = wrapper.get('nav[aria-label="Main"]').findAll('a').find((link) => link.text() === 'Settings');
  if (!settings) throw new Error('No "Settings" in the main navigation');
  await settings.trigger('click');
  await settle();
  if (wrapper.get('h1').text() !== 'Settings') throw new Error('"Settings" did not open the settings page');
  return new Map(wrapper.findAll('main .settings-list a').map((link) => [link.text(), link.attributes('href')]));
}
