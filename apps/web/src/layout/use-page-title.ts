import { watch } from 'vue';
import { setPageTitle } from './page-chrome';

/** Keeps the document title to what the page shows (once it knows), e.g. the policy's title or "Policy not found". */
export function usePageTitle(title: () => string | null | undefined): void {
  watch(
    title,
    (current) => {
      if (current) setPageTitle(current);
    },
    { immediate: true },
  );
}
