/** The trust's academies, for the screens that work per school (variables, school copies). Loaded once per session. */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { request } from '../graphql/client';
import { SchoolsDocument, type SchoolsQuery } from '../graphql/operations.generated';
import { loadRemote, type Remote } from '../graphql/remote';

export type School = SchoolsQuery['schools'][number];

export const useSchoolsStore = defineStore('schools', () => {
  const list = ref<Remote<School[]> | null>(null);

  /** Loads the list unless it is already there (or on its way); `force` asks again. */
  async function load(force = false): Promise<void> {
    if (!force && list.value && list.value.status !== 'error') return;
    await loadRemote(list, async () => (await request(SchoolsDocument)).schools);
  }

  function nameOf(id: string): string | null {
    return list.value?.data?.find((school) => school.id === id)?.name ?? null;
  }

  function clear(): void {
    list.value = null;
  }

  return { list, load, nameOf, clear };
});
