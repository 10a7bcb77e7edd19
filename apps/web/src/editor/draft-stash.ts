/**
 * Text the server does not have yet, kept in this browser's localStorage so that nothing typed
 * is lost: not after a conflict, not when the network is down, not on a reload or a closed tab.
 * Keyed by person and draft version, so another person signing in on the same browser is never
 * offered it. Storage can be full or switched off: then stashing quietly does nothing.
 */
import type { PolicyDocument } from '@ratify/document';

export interface StashedDraft {
  versionId: string;
  /** The revision the text was based on. */
  baseRevision: number;
  content: PolicyDocument;
  /** ISO 8601. */
  stashedAt: string;
  /** The person took the other version and kept this text only to copy from. */
  keptForCopy?: boolean;
}

const PREFIX = 'ratify:unsaved-draft:';

function key(personId: string, versionId: string): string {
  return `${PREFIX}${personId}:${versionId}`;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readStash(personId: string, versionId: string): StashedDraft | null {
  try {
    const raw = storage()?.getItem(key(personId, versionId));
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StashedDraft>;
    const content = value.content as { type?: unknown; content?: unknown } | undefined;
    if (value.versionId !== versionId || typeof value.baseRevision !== 'number' || typeof value.stashedAt !== 'string') return null;
    if (content?.type !== 'doc' || !Array.isArray(content.content)) return null;
    return value as StashedDraft;
  } catch {
    return null;
  }
}

export function writeStash(personId: string, stash: StashedDraft): boolean {
  try {
    storage()?.setItem(key(personId, stash.versionId), JSON.stringify(stash));
    return true;
  } catch {
    return false;
  }
}

export function clearStash(personId: string, versionId: string): void {
  try {
    storage()?.removeItem(key(personId, versionId));
  } catch {
    // Nothing to do: storage is unavailable.
  }
}
