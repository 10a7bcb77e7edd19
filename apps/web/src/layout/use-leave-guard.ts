import { onBeforeUnmount } from 'vue';
import { onBeforeRouteLeave } from 'vue-router';

/**
 * Changes that live only on the page until saved: before they are left behind (another page,
 * closing the tab), ask. `question` is asked in the app; the browser asks its own for a tab.
 */
export function useLeaveGuard(unsaved: () => boolean, question: string): void {
  function warnBeforeUnload(event: BeforeUnloadEvent): void {
    if (unsaved()) event.preventDefault();
  }
  window.addEventListener('beforeunload', warnBeforeUnload);
  onBeforeUnmount(() => window.removeEventListener('beforeunload', warnBeforeUnload));
  onBeforeRouteLeave(() => !unsaved() || window.confirm(question));
}
