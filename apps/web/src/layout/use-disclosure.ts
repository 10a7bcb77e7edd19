import { nextTick, ref, watch } from 'vue';
import { useRoute } from 'vue-router';

/**
 * A panel opened from a button in the header (the bell, the organisation switcher): opening moves
 * focus to the panel's heading, closing puts it back on the button, and following a link leaves
 * the panel behind. Bind `button` and `heading` as template refs.
 */
export function useDisclosure() {
  const open = ref(false);
  const button = ref<HTMLButtonElement | null>(null);
  const heading = ref<HTMLElement | null>(null);
  const route = useRoute();

  async function show(): Promise<void> {
    open.value = true;
    await nextTick();
    heading.value?.focus();
  }

  async function close(): Promise<void> {
    if (!open.value) return;
    open.value = false;
    await nextTick();
    button.value?.focus();
  }

  watch(
    () => route.fullPath,
    () => {
      open.value = false;
    },
  );

  return { open, button, heading, show, close };
}
