/** The words for the editor's save state, shown in a polite live region. */
import type { SaveState } from './save-machine';

const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** "10:42", in the browser's time zone: the person's own clock. */
export function clockTime(iso: string): string {
  return TIME.format(new Date(iso));
}

export function saveStatusText(state: SaveState): string {
  switch (state.phase) {
    case 'saved':
      return state.savedAt ? `Saved at ${clockTime(state.savedAt)}` : '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'retrying':
      return 'Not saved — retrying';
    case 'conflict':
      return 'Not saved — someone else saved this draft';
    case 'invalid':
      return 'Not saved — Ratify cannot accept this text yet';
    case 'failed':
      switch (state.failure) {
        case 'UNAUTHENTICATED':
          return 'Not saved — you are signed out';
        case 'FORBIDDEN':
          return 'Not saved — you do not have permission to edit this draft';
        default:
          return 'Not saved — this draft is no longer open for editing';
      }
  }
}
