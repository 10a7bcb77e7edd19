/** Variable values: the trust's, and each school's own (with what a copy renders with, and why). */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import { SetVariablesDocument, VariablesDocument } from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';
import type { Variable } from './variable-form';

/** The key of a level: "trust", or the school's id. */
const levelKey = (schoolId: string | null) => schoolId ?? 'trust';

export const useVariablesStore = defineStore('variables', () => {
  const byLevel = ref<Record<string, Remote<Variable[]>>>({});

  function entry(schoolId: string | null): Remote<Variable[]> | undefined {
    return byLevel.value[levelKey(schoolId)];
  }

  async function load(schoolId: string | null): Promise<void> {
    await loadRemote(toRef(byLevel.value, levelKey(schoolId)), async () => (await request(VariablesDocument, { schoolId })).variables);
  }

  /** Sends the changed values (an empty one clears); the answer is the level's list as it now is. */
  async function save(schoolId: string | null, values: { key: string; value: string }[]): Promise<ActionResult> {
    try {
      const { setVariables } = await request(SetVariablesDocument, { input: { schoolId, values } });
      byLevel.value[levelKey(schoolId)] = { status: 'ready', data: setVariables, error: null };
      // Schools inherit the trust's values: what they show must be asked again.
      if (schoolId === null) for (const key of Object.keys(byLevel.value)) if (key !== 'trust') delete byLevel.value[key];
      return { ok: true };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  function clear(): void {
    byLevel.value = {};
  }

  return { byLevel, entry, load, save, clear };
});
