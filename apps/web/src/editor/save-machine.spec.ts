import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAVE_OPTIONS,
  initialSaveState,
  isSettled,
  transition,
  type SaveCommand,
  type SaveEvent,
  type SaveState,
} from './save-machine';

/** Feeds events in order; returns the final state and every command issued, in order. */
function run(events: SaveEvent[], state: SaveState = initialSaveState(1)): { state: SaveState; commands: SaveCommand[] } {
  const commands: SaveCommand[] = [];
  for (const event of events) {
    const [next, issued] = transition(state, event);
    state = next;
    commands.push(...issued);
  }
  return { state, commands };
}

const saves = (commands: SaveCommand[]) => commands.filter((command) => command.type === 'save');

describe('debounce', () => {
  it('waits for a second of quiet after each edit, then saves once with the loaded revision', () => {
    const typing = run([{ type: 'edited' }, { type: 'edited' }, { type: 'edited' }]);
    expect(typing.commands).toEqual([
      { type: 'startTimer', ms: 1000 },
      { type: 'startTimer', ms: 1000 },
      { type: 'startTimer', ms: 1000 },
    ]);
    expect(typing.state.phase).toBe('pending');

    const { state, commands } = run([{ type: 'timerFired' }], typing.state);
    expect(saves(commands)).toEqual([{ type: 'save', expectedRevision: 1 }]);
    expect(state).toMatchObject({ phase: 'saving', inFlight: true, dirty: false });
  });

  it('saves at once on flush (blur, leaving the page), cancelling the timer', () => {
    const { state, commands } = run([{ type: 'edited' }, { type: 'flush' }]);
    expect(commands.slice(1)).toEqual([{ type: 'cancelTimer' }, { type: 'save', expectedRevision: 1 }]);
    expect(state.phase).toBe('saving');
  });

  it('does nothing on flush or a stray timer when nothing changed', () => {
    expect(run([{ type: 'flush' }, { type: 'timerFired' }]).commands).toEqual([]);
  });

  it('never runs two saves at once: edits during a save are saved after it, on the new revision', () => {
    const during = run([{ type: 'edited' }, { type: 'timerFired' }, { type: 'edited' }, { type: 'flush' }, { type: 'timerFired' }]);
    expect(saves(during.commands)).toHaveLength(1);
    expect(during.state).toMatchObject({ phase: 'saving', dirty: true });

    const after = run([{ type: 'saveSucceeded', revision: 2, at: '2026-11-21T10:42:00Z' }, { type: 'timerFired' }], during.state);
    expect(after.commands).toEqual([{ type: 'startTimer', ms: 1000 }, { type: 'cancelTimer' }, { type: 'save', expectedRevision: 2 }]);
  });

  it('records the new revision and the time of a successful save', () => {
    const { state } = run([{ type: 'edited' }, { type: 'timerFired' }, { type: 'saveSucceeded', revision: 2, at: '2026-11-21T10:42:00Z' }]);
    expect(state).toMatchObject({ phase: 'saved', revision: 2, savedAt: '2026-11-21T10:42:00Z', dirty: false, inFlight: false });
    expect(isSettled(state)).toBe(true);
  });
});

describe('retry', () => {
  const saving = run([{ type: 'edited' }, { type: 'timerFired' }]).state;

  it('retries a network failure with a growing delay, stashing the text meanwhile', () => {
    const first = run([{ type: 'saveFailed', code: 'NETWORK_ERROR' }], saving);
    expect(first.state).toMatchObject({ phase: 'retrying', attempts: 1, dirty: true });
    expect(first.commands).toEqual([{ type: 'startTimer', ms: 1000 }, { type: 'stash' }]);

    const second = run([{ type: 'timerFired' }, { type: 'saveFailed', code: 'INTERNAL_SERVER_ERROR' }], first.state);
    expect(saves(second.commands)).toEqual([{ type: 'save', expectedRevision: 1 }]);
    expect(second.commands).toContainEqual({ type: 'startTimer', ms: 2000 });
    expect(second.state.attempts).toBe(2);
  });

  it('caps the delay at 30 seconds', () => {
    expect(DEFAULT_SAVE_OPTIONS.retryDelayMs(10)).toBe(30_000);
  });

  it('does not let typing hurry a retry along', () => {
    const retrying = run([{ type: 'saveFailed', code: 'NETWORK_ERROR' }], saving).state;
    expect(run([{ type: 'edited' }, { type: 'edited' }], retrying).commands).toEqual([]);
  });

  it('succeeds after a retry and forgets the failures', () => {
    const { state } = run(
      [{ type: 'saveFailed', code: 'BAD_RESPONSE' }, { type: 'timerFired' }, { type: 'saveSucceeded', revision: 2, at: 'now' }],
      saving,
    );
    expect(state).toMatchObject({ phase: 'saved', attempts: 0, failure: null, revision: 2 });
  });

  it('stops for good on FORBIDDEN, NOT_FOUND, UNAUTHENTICATED and a draft that closed, keeping the text', () => {
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'DRAFT_CLOSED']) {
      const { state, commands } = run([{ type: 'saveFailed', code }, { type: 'edited' }, { type: 'timerFired' }], saving);
      expect(state.phase).toBe('failed');
      expect(saves(commands)).toEqual([]);
      expect(commands.filter((command) => command.type === 'stash')).toHaveLength(2);
    }
  });

  it('waits for the next edit after BAD_USER_INPUT', () => {
    const invalid = run([{ type: 'saveFailed', code: 'BAD_USER_INPUT' }, { type: 'timerFired' }], saving);
    expect(invalid.state.phase).toBe('invalid');
    expect(saves(invalid.commands)).toEqual([]);

    const fixed = run([{ type: 'edited' }, { type: 'timerFired' }], invalid.state);
    expect(saves(fixed.commands)).toEqual([{ type: 'save', expectedRevision: 1 }]);
  });
});

describe('conflict', () => {
  const conflicted = run([{ type: 'edited' }, { type: 'timerFired' }, { type: 'saveFailed', code: 'CONFLICT', currentRevision: 4 }]);

  it('stops autosaving, stashes the text and remembers their revision', () => {
    expect(conflicted.state).toMatchObject({ phase: 'conflict', theirRevision: 4, dirty: true, inFlight: false });
    expect(conflicted.commands.slice(-2)).toEqual([{ type: 'cancelTimer' }, { type: 'stash' }]);
  });

  it('never saves again on its own: more typing, timers and flushes only stash', () => {
    const { commands, state } = run([{ type: 'edited' }, { type: 'timerFired' }, { type: 'flush' }, { type: 'edited' }], conflicted.state);
    expect(saves(commands)).toEqual([]);
    expect(commands).toContainEqual({ type: 'stash' });
    expect(state.phase).toBe('conflict');
  });

  it('takes their version on reload: clean, on their revision, autosave back on', () => {
    const reloaded = run([{ type: 'reloaded', revision: 4 }], conflicted.state);
    expect(reloaded.state).toMatchObject({ phase: 'saved', revision: 4, dirty: false, theirRevision: null });

    const next = run([{ type: 'edited' }, { type: 'timerFired' }], reloaded.state);
    expect(saves(next.commands)).toEqual([{ type: 'save', expectedRevision: 4 }]);
  });
});

describe('keep mine', () => {
  const conflicted = run([{ type: 'edited' }, { type: 'timerFired' }, { type: 'saveFailed', code: 'CONFLICT', currentRevision: 4 }]).state;

  it('saves the text on top of their revision, explicitly', () => {
    const { state, commands } = run([{ type: 'keepMine' }], conflicted);
    expect(commands).toEqual([{ type: 'cancelTimer' }, { type: 'save', expectedRevision: 4 }]);
    expect(state).toMatchObject({ phase: 'saving', theirRevision: null });
  });

  it('uses a newer revision of theirs when one has been seen since (e.g. by Compare)', () => {
    expect(saves(run([{ type: 'keepMine', theirRevision: 6 }], conflicted).commands)).toEqual([{ type: 'save', expectedRevision: 6 }]);
  });

  it('goes back to the conflict if they saved yet again', () => {
    const { state } = run([{ type: 'keepMine' }, { type: 'saveFailed', code: 'CONFLICT', currentRevision: 5 }], conflicted);
    expect(state).toMatchObject({ phase: 'conflict', theirRevision: 5 });
  });

  it('resumes autosave once it has saved', () => {
    const { state } = run([{ type: 'keepMine' }, { type: 'saveSucceeded', revision: 5, at: 'now' }], conflicted);
    expect(state).toMatchObject({ phase: 'saved', revision: 5 });
  });

  it('is refused outside a conflict', () => {
    expect(run([{ type: 'edited' }, { type: 'keepMine' }]).commands).toEqual([{ type: 'startTimer', ms: 1000 }]);
  });
});

describe('text kept in this browser, found on opening', () => {
  it('is simply saved when nobody saved the draft since', () => {
    const { state, commands } = run([{ type: 'restored', baseRevision: 3, serverRevision: 3 }, { type: 'timerFired' }]);
    expect(commands).toEqual([{ type: 'startTimer', ms: 0 }, { type: 'cancelTimer' }, { type: 'save', expectedRevision: 3 }]);
    expect(state.phase).toBe('saving');
  });

  it('is a conflict when someone saved the draft since', () => {
    const { state, commands } = run([{ type: 'restored', baseRevision: 3, serverRevision: 5 }]);
    expect(state).toMatchObject({ phase: 'conflict', theirRevision: 5, dirty: true });
    expect(saves(commands)).toEqual([]);
  });
});
