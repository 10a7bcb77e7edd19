/**
 * The draft being edited: loading it (startDraft), autosaving it with optimistic concurrency,
 * and the choices after a conflict. The rules live in `save-machine.ts`; this store runs its
 * commands (one timer, the SaveDraft request, the browser stash) and feeds results back.
 *
 * The editor itself is not state: the page registers an `EditorBridge` so the store can read
 * the document when it saves (not on every keystroke) and apply the server's re-minted ids.
 */
import type { NumberingStyle as DocumentNumbering, PolicyDocument } from '@ratify/document';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { useSessionStore } from '../auth/session.store';
import { GraphQLRequestError, errorCode, problemsOf, request, type GraphQLErrorCode } from '../graphql/client';
import {
  OpenDraftDocument,
  PolicyForEditingDocument,
  SaveDraftDocument,
  StartDraftDocument,
  type DraftFieldsFragment,
  type PolicyForEditingQuery,
} from '../graphql/operations.generated';
import { sameDocument } from './document-ids';
import { clearStash, readStash, writeStash } from './draft-stash';
import {
  DEFAULT_SAVE_OPTIONS,
  DRAFT_CLOSED,
  initialSaveState,
  isSettled,
  transition,
  type SaveCommand,
  type SaveEvent,
  type SaveMachineOptions,
  type SaveState,
} from './save-machine';

export type DraftVersion = DraftFieldsFragment;
export type EditedPolicy = PolicyForEditingQuery['policy'];

export interface EditorBridge {
  /** The editor's document now. */
  getContent(): PolicyDocument;
  /** The server saved `sent` and answered `returned` (normalised): apply what it changed. */
  applyServerContent(sent: PolicyDocument, returned: PolicyDocument): void;
}

export type DraftLoad =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'error'; error: GraphQLErrorCode };

/** After a conflict: their version, fetched on demand for Compare and Reload. */
export interface TheirVersion {
  status: 'idle' | 'loading' | 'ready' | 'error' | 'gone';
  version: DraftVersion | null;
  error: GraphQLErrorCode | null;
}

/** The person's text, kept to copy after they took the other version. */
export interface KeptCopy {
  content: PolicyDocument;
  keptAt: string;
}

export const useDraftStore = defineStore('draft', () => {
  const policyId = ref<string | null>(null);
  const policy = ref<EditedPolicy | null>(null);
  const version = shallowRef<DraftVersion | null>(null);
  const load = ref<DraftLoad>({ status: 'idle' });
  const save = ref<SaveState>(initialSaveState(1));
  /** What the editor starts from; a new `generation` makes the page build a fresh editor on it. */
  const initialContent = shallowRef<PolicyDocument | null>(null);
  const generation = ref(0);
  const theirs = ref<TheirVersion>({ status: 'idle', version: null, error: null });
  /** Compare is open: my text as it was when Compare was chosen (theirs is in `theirs`). */
  const comparison = shallowRef<{ mine: PolicyDocument } | null>(null);
  const keptCopy = shallowRef<KeptCopy | null>(null);
  /** When the text in the editor came from this browser's stash rather than the server. */
  const restoredFrom = ref<string | null>(null);
  /** BAD_USER_INPUT: what the server said is wrong with the document. */
  const problems = ref<string[]>([]);

  const numbering = computed<DocumentNumbering>(() => (policy.value?.numbering === 'UNNUMBERED' ? 'unnumbered' : 'numbered'));

  let options: SaveMachineOptions = DEFAULT_SAVE_OPTIONS;
  let bridge: EditorBridge | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  /** An event to feed the machine once the editor is there to read from. */
  let onAttach: SaveEvent | null = null;
  /** Bumped on open/close, so answers for an earlier session are ignored. */
  let session = 0;

  function personId(): string {
    return useSessionStore().me?.person.id ?? 'anonymous';
  }

  function dispatch(event: SaveEvent): void {
    const [next, commands] = transition(save.value, event, options);
    // Most keystrokes change nothing here: keep the same object so nothing re-renders.
    if ((Object.keys(next) as (keyof SaveState)[]).some((key) => next[key] !== save.value[key])) save.value = next;
    for (const command of commands) run(command);
  }

  function run(command: SaveCommand): void {
    switch (command.type) {
      case 'startTimer':
        cancelTimer();
        timer = setTimeout(() => {
          timer = null;
          dispatch({ type: 'timerFired' });
        }, command.ms);
        return;
      case 'cancelTimer':
        cancelTimer();
        return;
      case 'save': {
        const saving: Promise<void> = send(command.expectedRevision).finally(() => {
          if (inFlight === saving) inFlight = null;
        });
        inFlight = saving;
        return;
      }
      case 'stash':
        stash();
        return;
    }
  }

  function cancelTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function stash(keptForCopy = false): void {
    const current = version.value;
    if (!current || !bridge) return;
    writeStash(personId(), {
      versionId: current.id,
      baseRevision: save.value.revision,
      content: bridge.getContent(),
      stashedAt: new Date().toISOString(),
      ...(keptForCopy ? { keptForCopy } : {}),
    });
  }

  async function send(expectedRevision: number): Promise<void> {
    const current = version.value;
    if (!current || !bridge) {
      dispatch({ type: 'saveFailed', code: 'INTERNAL_SERVER_ERROR' });
      return;
    }
    const mine = session;
    const content = bridge.getContent();
    try {
      const { saveDraft } = await request(SaveDraftDocument, {
        input: { versionId: current.id, expectedRevision, content: content as unknown as Record<string, unknown> },
      });
      if (mine !== session) return;
      version.value = saveDraft;
      problems.value = [];
      theirs.value = { status: 'idle', version: null, error: null };
      comparison.value = null;
      restoredFrom.value = null;
      if (!keptCopy.value) clearStash(personId(), current.id);
      dispatch({ type: 'saveSucceeded', revision: saveDraft.revision, at: new Date().toISOString() });
      bridge?.applyServerContent(content, saveDraft.content as unknown as PolicyDocument);
    } catch (error) {
      if (mine !== session) return;
      const code = errorCode(error);
      problems.value = code === 'BAD_USER_INPUT' ? problemsOf(error) : [];
      const currentRevision = error instanceof GraphQLRequestError ? error.details.currentRevision : undefined;
      // A CONFLICT without a current revision: the version was approved or sent on, not saved by someone.
      const closed = code === 'CONFLICT' && typeof currentRevision !== 'number';
      dispatch({ type: 'saveFailed', code: closed ? DRAFT_CLOSED : code, currentRevision: typeof currentRevision === 'number' ? currentRevision : null });
    }
  }

  /** Opens the policy's draft (starting one if none is open) for editing. */
  async function open(id: string, machineOptions: SaveMachineOptions = DEFAULT_SAVE_OPTIONS): Promise<void> {
    close();
    const mine = session;
    options = machineOptions;
    policyId.value = id;
    load.value = { status: 'loading' };
    try {
      const [{ policy: found }, started] = await Promise.all([
        request(PolicyForEditingDocument, { id }),
        request(StartDraftDocument, { policyId: id }).then(
          (answer) => ({ draft: answer.startDraft, error: null }),
          (error: unknown) => ({ draft: null, error }),
        ),
      ]);
      if (mine !== session) return;
      policy.value = found;
      const startDraft = started.draft;
      if (!startDraft) {
        // A version with its approvers is frozen, so there is no draft to edit: the page says where it stands.
        const { error } = started;
        const inApproval = error instanceof GraphQLRequestError && error.code === 'CONFLICT' && error.details.reason === 'IN_APPROVAL';
        if (!inApproval || !found.pendingApproval) throw error;
        load.value = { status: 'ready' };
        return;
      }
      version.value = startDraft;
      save.value = initialSaveState(startDraft.revision);
      const serverContent = startDraft.content as unknown as PolicyDocument;
      const kept = readStash(personId(), startDraft.id);
      if (kept?.keptForCopy) {
        keptCopy.value = { content: kept.content, keptAt: kept.stashedAt };
        initialContent.value = serverContent;
      } else if (kept && !sameDocument(kept.content, serverContent)) {
        restoredFrom.value = kept.stashedAt;
        initialContent.value = kept.content;
        onAttach = { type: 'restored', baseRevision: kept.baseRevision, serverRevision: startDraft.revision };
      } else {
        if (kept) clearStash(personId(), startDraft.id);
        initialContent.value = serverContent;
      }
      generation.value += 1;
      load.value = { status: 'ready' };
    } catch (error) {
      if (mine !== session) return;
      load.value = { status: 'error', error: errorCode(error) };
    }
  }

  /** The page's editor is ready (or gone, with `null`). */
  function attach(editorBridge: EditorBridge | null): void {
    bridge = editorBridge;
    if (bridge && onAttach) {
      const event = onAttach;
      onAttach = null;
      dispatch(event);
    }
  }

  /** The person changed the text. */
  function edited(): void {
    dispatch({ type: 'edited' });
  }

  /** Saves now if anything is waiting; resolves when the server has it (or it cannot). */
  async function flush(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      dispatch({ type: 'flush' });
      if (!inFlight) return;
      await inFlight;
      if (isSettled(save.value) || save.value.phase !== 'pending') return;
    }
  }

  /** Fetches the open draft as it is on the server now ("their version"). */
  async function fetchTheirs(): Promise<DraftVersion | null> {
    const id = policyId.value;
    if (!id) return null;
    const mine = session;
    theirs.value = { status: 'loading', version: theirs.value.version, error: null };
    try {
      const { policy: found } = await request(OpenDraftDocument, { policyId: id });
      if (mine !== session) return null;
      // The draft may have been sent for approval (or deleted) meanwhile: nothing to compare with.
      if (!found.draft || found.draft.id !== version.value?.id) {
        theirs.value = { status: 'gone', version: null, error: null };
        return null;
      }
      theirs.value = { status: 'ready', version: found.draft, error: null };
      return found.draft;
    } catch (error) {
      if (mine !== session) return null;
      theirs.value = { status: 'error', version: null, error: errorCode(error) };
      return null;
    }
  }

  /** Conflict: show their text and mine side by side. */
  async function compare(): Promise<void> {
    if (!bridge) return;
    comparison.value = { mine: bridge.getContent() };
    await fetchTheirs();
  }

  function closeCompare(): void {
    comparison.value = null;
  }

  /** Conflict: take their version into the editor; mine stays available to copy. */
  async function reloadTheirs(): Promise<void> {
    const latest = await fetchTheirs();
    if (!latest || !bridge) return;
    const content = bridge.getContent();
    keptCopy.value = { content, keptAt: new Date().toISOString() };
    stash(true);
    version.value = latest;
    initialContent.value = latest.content as unknown as PolicyDocument;
    generation.value += 1;
    comparison.value = null;
    restoredFrom.value = null;
    problems.value = [];
    theirs.value = { status: 'idle', version: null, error: null };
    dispatch({ type: 'reloaded', revision: latest.revision });
  }

  /** Conflict: save my text on top of their latest revision. */
  async function keepMine(): Promise<void> {
    const known = theirs.value.version?.revision;
    dispatch(known === undefined ? { type: 'keepMine' } : { type: 'keepMine', theirRevision: known });
    if (inFlight) await inFlight;
  }

  function discardKeptCopy(): void {
    const current = version.value;
    keptCopy.value = null;
    if (current) clearStash(personId(), current.id);
  }

  /** The page is going away: stop the timer and keep anything the server does not have. */
  function close(): void {
    cancelTimer();
    if (bridge && version.value && !isSettled(save.value)) stash();
    session += 1;
    bridge = null;
    onAttach = null;
  }

  /** Forgets everything (sign out). Text stashed in this browser stays there. */
  function clear(): void {
    close();
    policyId.value = null;
    policy.value = null;
    version.value = null;
    load.value = { status: 'idle' };
    save.value = initialSaveState(1);
    initialContent.value = null;
    theirs.value = { status: 'idle', version: null, error: null };
    comparison.value = null;
    keptCopy.value = null;
    restoredFrom.value = null;
    problems.value = [];
  }

  return {
    policyId,
    policy,
    version,
    load,
    save,
    numbering,
    initialContent,
    generation,
    theirs,
    comparison,
    keptCopy,
    restoredFrom,
    problems,
    open,
    attach,
    edited,
    flush,
    compare,
    closeCompare,
    reloadTheirs,
    keepMine,
    discardKeptCopy,
    close,
    clear,
    /** Stashes the current text if the server does not have it all (the tab is closing). */
    stashIfUnsaved: () => {
      if (!isSettled(save.value)) stash();
    },
  };
});
