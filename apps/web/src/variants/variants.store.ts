/**
 * School copies of the trust's policies: each school's overrides of the trust's current version
 * (with how far they take it from the trust's text), and the trust's clause locks.
 */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import {
  SaveSchoolVariantDocument,
  SchoolVariantPageDocument,
  SchoolVariantSummaryDocument,
  SetClauseLocksDocument,
  type SchoolVariantPageQuery,
  type VariantSummaryFieldsFragment,
} from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';
import type { Override } from './override-editing';

export type VariantSummary = VariantSummaryFieldsFragment;
export type VariantPage = SchoolVariantPageQuery;
export type LockLevel = 'locked' | 'editable' | 'school-specific';

const keyOf = (policyId: string, schoolId: string) => `${policyId}/${schoolId}`;

export const useVariantsStore = defineStore('variants', () => {
  const summaries = ref<Record<string, Remote<VariantSummary>>>({});
  const pages = ref<Record<string, Remote<VariantPage>>>({});

  function summary(policyId: string, schoolId: string): Remote<VariantSummary> | undefined {
    return summaries.value[keyOf(policyId, schoolId)];
  }

  function page(policyId: string, schoolId: string): Remote<VariantPage> | undefined {
    return pages.value[keyOf(policyId, schoolId)];
  }

  async function loadSummary(policyId: string, schoolId: string): Promise<void> {
    await loadRemote(toRef(summaries.value, keyOf(policyId, schoolId)), async () => (await request(SchoolVariantSummaryDocument, { policyId, schoolId })).schoolVariant);
  }

  async function loadPage(policyId: string, schoolId: string): Promise<void> {
    const loaded = await loadRemote(toRef(pages.value, keyOf(policyId, schoolId)), () => request(SchoolVariantPageDocument, { policyId, schoolId }));
    if (loaded) summaries.value[keyOf(policyId, schoolId)] = { status: 'ready', data: loaded.schoolVariant, error: null };
  }

  /** Saves the school's overrides of the trust's current version (they replace the stored list). */
  async function saveOverrides(policyId: string, schoolId: string, overrides: readonly Override[]): Promise<ActionResult> {
    try {
      const { saveSchoolVariant } = await request(SaveSchoolVariantDocument, {
        input: { policyId, schoolId, overrides: overrides as unknown as Record<string, unknown>[] },
      });
      const key = keyOf(policyId, schoolId);
      const current = pages.value[key]?.data;
      if (current) pages.value[key] = { status: 'ready', data: { ...current, schoolVariant: saveSchoolVariant }, error: null };
      summaries.value[key] = { status: 'ready', data: saveSchoolVariant, error: null };
      return { ok: true };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  /** Sets the lock levels of the trust's clauses (the whole list: a clause not in it is editable) for every school. */
  async function saveLocks(policyId: string, locks: Record<string, LockLevel>): Promise<ActionResult> {
    try {
      const { setClauseLocks } = await request(SetClauseLocksDocument, {
        input: { policyId, locks: Object.entries(locks).filter(([, level]) => level !== 'editable').map(([clauseId, level]) => ({ clauseId, level })) },
      });
      for (const [key, entry] of Object.entries(pages.value)) {
        if (key.startsWith(`${policyId}/`) && entry.data) pages.value[key] = { ...entry, data: { ...entry.data, clauseLocks: setClauseLocks } };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  function clear(): void {
    summaries.value = {};
    pages.value = {};
  }

  return { summaries, pages, summary, page, loadSummary, loadPage, saveOverrides, saveLocks, clear };
});
