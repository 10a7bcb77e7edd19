import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import WordDiffText from './WordDiffText.vue';

/** In a paragraph, as the screens use it (the component renders a run of text, not an element). */
const render = (words: { text: string; changed?: boolean; change?: string }[]) => mount({ render: () => h('p', h(WordDiffText, { words, text: null, missing: '(none)' })) });

describe('word-level differences', () => {
  it('inserts and strikes through a redline’s words, said as "added" and "removed", with the spaces around them left plain', () => {
    const wrapper = render([
      { change: 'same', text: 'Staff keep a ' },
      { change: 'removed', text: 'distance' },
      { change: 'added', text: ' professional distance ' },
      { change: 'same', text: 'from pupils.' },
    ]);

    expect(wrapper.get('del').element.textContent).toBe('removed: distance (end of removal)');
    expect(wrapper.get('ins').element.textContent).toBe('added: professional distance (end of addition)');
    expect(wrapper.get('ins .visually-hidden').text()).toBe('added:');
    // What a screen reader reads, in order; on screen, the space before "professional" is not underlined.
    expect(wrapper.element.textContent).toBe('Staff keep a removed: distance (end of removal) added: professional distance (end of addition) from pupils.');
  });

  it('marks nothing for a change that is only spaces, and highlights one side of a comparison', () => {
    expect(render([{ change: 'added', text: ' ' }, { change: 'same', text: 'Kept.' }]).find('ins').exists()).toBe(false);
    expect(render([{ text: 'Staff ', changed: false }, { text: 'must ', changed: true }]).get('mark').text()).toBe('must');
  });
});
