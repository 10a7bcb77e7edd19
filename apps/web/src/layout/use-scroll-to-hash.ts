import { nextTick, watch } from 'vue';
import { useRoute } from 'vue-router';

/**
 * A link to one part of a page (`#clause-…` from search, `#template-…` from a policy's lineage):
 * once the page's content is there, bring that element into view.
 */
export function useScrollToHash(prefix: string, content: () => unknown): void {
  const route = useRoute();
  watch(
    () => [content(), route.hash] as const,
    async ([ready, hash]) => {
      if (!ready || !hash.startsWith(`#${prefix}`)) return;
      await nextTick();
      document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' });
    },
    { immediate: true },
  );
}
