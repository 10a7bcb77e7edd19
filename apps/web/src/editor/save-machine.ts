/**
 * The editor's autosave, as a pure state machine: `transition(state, event)` returns the next
 * state and the commands to carry out (start a timer, save, stash the text in this browser).
 * No timers, network or Vue here: `draft.store.ts` runs the commands and feeds the results
 * back as events.
 *
 * The rules:
 * - An edit waits `debounceMs` of quiet, then saves with the revision the text is based on
 *   (optimistic concurrency). A blur or leaving the page saves at once.
 * - One save at a time. Edits made while a save is on its way are saved after it.
 * - A failure that may pass (network, server error) retries with a growing delay and stashes
 *   the text in this browser. Typing does not hurry a retry along.
 * - CONFLICT (someone else saved since) stops autosave for good: the text is stashed and the
 *   person chooses. "Keep mine" saves on top of their revision, explicitly; "Reload their
 *   version" takes theirs. Nothing is ever saved over someone else's revision silently.
 * - BAD_USER_INPUT (the server refused the document) waits for the next edit.
 * - FORBIDDEN, NOT_FOUND, UNAUTHENTICATED and DRAFT_CLOSED (a CONFLICT without a current
 *   revision: the version is no longer a draft) stop autosave; the text is stashed.
 */
import type { GraphQLErrorCode } from '../graphql/client';

/** The store's name for a CONFLICT that carries no current revision: the version is no longer a draft. */
export const DRAFT_CLOSED = 'DRAFT_CLOSED';

export type SavePhase =
  /** Nothing to save: everything typed is on the server (or nothing was typed yet). */
  | 'saved'
  /** Edits are waiting for the typing to stop. */
  | 'pending'
  /** A save is on its way. */
  | 'saving'
  /** The last save failed for a reason that may pass; a retry is scheduled. */
  | 'retrying'
  /** Someone else saved the draft since this text was loaded. Autosave is off. */
  | 'conflict'
  /** The server refused the document (BAD_USER_INPUT). Autosave resumes on the next edit. */
  | 'invalid'
  /** Saving cannot work (no permission, the draft is gone, signed out). Autosave is off. */
  | 'failed';

export interface SaveState {
  phase: SavePhase;
  /** The draft revision the editor's text is based on: sent as `expectedRevision`. */
  revision: number;
  /** There are edits the server has not got (typed since the last save started). */
  dirty: boolean;
  /** A save is on its way. */
  inFlight: boolean;
  /** When the last save succeeded (ISO 8601), for "Saved at 10:42". */
  savedAt: string | null;
  /** Failed attempts in a row, for the retry delay. */
  attempts: number;
  /** CONFLICT: the draft's revision on the server, which "Keep mine" saves on top of. */
  theirRevision: number | null;
  /** The code of the last failure, while it matters. */
  failure: GraphQLErrorCode | null;
}

export type SaveEvent =
  /** The person changed the text. */
  | { type: 'edited' }
  /** The timer the machine asked for went off. */
  | { type: 'timerFired' }
  /** Save now if anything is waiting (the editor lost focus, the person is leaving). */
  | { type: 'flush' }
  | { type: 'saveSucceeded'; revision: number; at: string }
  | { type: 'saveFailed'; code: GraphQLErrorCode; currentRevision?: number | null }
  /** The editor now holds their version (revision `revision`), replacing the person's text. */
  | { type: 'reloaded'; revision: number }
  /** Save the person's text on top of their latest revision (`theirRevision` if newer is known). */
  | { type: 'keepMine'; theirRevision?: number }
  /**
   * On opening: this browser kept unsaved text based on revision `baseRevision`, and the
   * server's draft is at `serverRevision`. The editor holds the kept text.
   */
  | { type: 'restored'; baseRevision: number; serverRevision: number };

export type SaveCommand =
  /** Start (or restart) the one timer; any earlier one is cancelled. */
  | { type: 'startTimer'; ms: number }
  | { type: 'cancelTimer' }
  /** Send the editor's current text with this expected revision. */
  | { type: 'save'; expectedRevision: number }
  /** Keep the editor's current text in this browser (it is not on the server). */
  | { type: 'stash' };

export interface SaveMachineOptions {
  debounceMs: number;
  /** Delay before retry number `attempt` (1-based). */
  retryDelayMs: (attempt: number) => number;
}

export const DEFAULT_SAVE_OPTIONS: SaveMachineOptions = {
  debounceMs: 1000,
  retryDelayMs: (attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1)),
};

export function initialSaveState(revision: number): SaveState {
  return { phase: 'saved', revision, dirty: false, inFlight: false, savedAt: null, attempts: 0, theirRevision: null, failure: null };
}

/** Codes after which trying again cannot help: autosave stops and the text is stashed. */
const FATAL: ReadonlySet<GraphQLErrorCode> = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', DRAFT_CLOSED]);

/** Autosave is off until the person decides (conflict) or cannot resume at all (failed). */
export function isStopped(state: SaveState): boolean {
  return state.phase === 'conflict' || state.phase === 'failed';
}

/** Everything typed is on the server. */
export function isSettled(state: SaveState): boolean {
  return !state.dirty && !state.inFlight;
}

type Result = [SaveState, SaveCommand[]];

function startSave(state: SaveState, expectedRevision = state.revision): Result {
  return [
    { ...state, phase: 'saving', revision: expectedRevision, dirty: false, inFlight: true, theirRevision: null, failure: null },
    [{ type: 'cancelTimer' }, { type: 'save', expectedRevision }],
  ];
}

export function transition(state: SaveState, event: SaveEvent, options: SaveMachineOptions = DEFAULT_SAVE_OPTIONS): Result {
  switch (event.type) {
    case 'edited': {
      if (isStopped(state)) {
        // Autosave is off; keep the latest text in this browser once the typing stops.
        return [{ ...state, dirty: true }, [{ type: 'startTimer', ms: options.debounceMs }]];
      }
      if (state.inFlight) return [{ ...state, dirty: true }, []];
      // A retry keeps its own timer: typing does not hammer a server that is failing.
      if (state.phase === 'retrying') return [{ ...state, dirty: true }, []];
      return [{ ...state, phase: 'pending', dirty: true, failure: null }, [{ type: 'startTimer', ms: options.debounceMs }]];
    }

    case 'timerFired': {
      if (isStopped(state)) return state.dirty ? [state, [{ type: 'stash' }]] : [state, []];
      if (state.inFlight || !state.dirty) return [state, []];
      if (state.phase === 'pending' || state.phase === 'retrying') return startSave(state);
      return [state, []];
    }

    case 'flush': {
      if (isStopped(state) || state.phase === 'invalid') return state.dirty ? [state, [{ type: 'stash' }]] : [state, []];
      if (state.inFlight || !state.dirty) return [state, []];
      return startSave(state);
    }

    case 'saveSucceeded': {
      const saved: SaveState = { ...state, revision: event.revision, inFlight: false, savedAt: event.at, attempts: 0, failure: null, theirRevision: null };
      if (state.dirty) return [{ ...saved, phase: 'pending' }, [{ type: 'startTimer', ms: options.debounceMs }]];
      return [{ ...saved, phase: 'saved' }, []];
    }

    case 'saveFailed': {
      // What was being saved is not on the server: it counts as unsaved again.
      const failed: SaveState = { ...state, inFlight: false, dirty: true, failure: event.code };
      if (event.code === 'CONFLICT') {
        const theirRevision = event.currentRevision ?? null;
        return [{ ...failed, phase: 'conflict', theirRevision, attempts: 0 }, [{ type: 'cancelTimer' }, { type: 'stash' }]];
      }
      if (event.code === 'BAD_USER_INPUT') {
        return [{ ...failed, phase: 'invalid', attempts: 0 }, [{ type: 'cancelTimer' }, { type: 'stash' }]];
      }
      if (FATAL.has(event.code)) {
        return [{ ...failed, phase: 'failed', attempts: 0 }, [{ type: 'cancelTimer' }, { type: 'stash' }]];
      }
      const attempts = state.attempts + 1;
      return [
        { ...failed, phase: 'retrying', attempts },
        [{ type: 'startTimer', ms: options.retryDelayMs(attempts) }, { type: 'stash' }],
      ];
    }

    case 'reloaded':
      return [
        { ...state, phase: 'saved', revision: event.revision, dirty: false, inFlight: false, attempts: 0, theirRevision: null, failure: null },
        [{ type: 'cancelTimer' }],
      ];

    case 'keepMine': {
      if (state.phase !== 'conflict' || state.inFlight) return [state, []];
      const theirs = Math.max(state.theirRevision ?? state.revision, event.theirRevision ?? state.revision);
      return startSave(state, theirs);
    }

    case 'restored': {
      if (event.baseRevision === event.serverRevision) {
        // Nobody saved since: the kept text simply goes on being saved.
        return [{ ...state, phase: 'pending', revision: event.serverRevision, dirty: true }, [{ type: 'startTimer', ms: 0 }]];
      }
      return [
        { ...state, phase: 'conflict', revision: event.baseRevision, dirty: true, theirRevision: event.serverRevision, failure: 'CONFLICT' },
        [{ type: 'cancelTimer' }],
      ];
    }
  }
}
