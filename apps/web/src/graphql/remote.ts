/** One remote resource as a screen sees it, and the one way stores load into it. */
import { GraphQLRequestError, errorCode, problemsOf, type GraphQLErrorCode } from './client';

/** What a screen needs to know about one remote resource. */
export type Remote<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: GraphQLErrorCode };

/**
 * Loads into a slot (a ref, or `toRef` of a keyed record): earlier data stays visible while
 * loading and after a failure, except NOT_FOUND, which forgets it (missing and not yours are the
 * same answer). Resolves to the data, or null on failure.
 */
export async function loadRemote<T>(slot: { value: Remote<T> | null | undefined }, fetch: () => Promise<T>): Promise<T | null> {
  slot.value = { status: 'loading', data: slot.value?.data ?? null, error: null };
  try {
    const data = await fetch();
    slot.value = { status: 'ready', data, error: null };
    return data;
  } catch (error) {
    const code = errorCode(error);
    slot.value = { status: 'error', data: code === 'NOT_FOUND' ? null : (slot.value?.data ?? null), error: code };
    return null;
  }
}

/** Why an action (a save, an apply) failed: the code, BAD_USER_INPUT's problems if the server listed them, and the reason if it gave one. */
export interface ActionFailure {
  code: GraphQLErrorCode;
  problems: string[];
  /** `details.reason`, where the API says which of a code's cases it is (e.g. BAD_USER_INPUT "NO_ROUTE"). */
  reason?: string;
}

export function actionFailure(error: unknown): ActionFailure {
  const reason = error instanceof GraphQLRequestError ? error.details.reason : undefined;
  return { code: errorCode(error), problems: problemsOf(error), ...(typeof reason === 'string' ? { reason } : {}) };
}

/** How an action ended: done (with what it gives back), or why not. */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ({ ok: false } & ActionFailure);
