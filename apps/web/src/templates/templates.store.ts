/**
 * The template library: publishers' model policies every organisation may read, and cloning
 * one into a new draft policy (which remembers the release it came from).
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { errorCode, request, type GraphQLErrorCode } from '../graphql/client';
import { CloneTemplateDocument, TemplatesDocument, type TemplatesQuery } from '../graphql/operations.generated';
import { loadRemote, type Remote } from '../graphql/remote';

export type LibraryTemplate = TemplatesQuery['templates'][number];

export type CloneResult = { ok: true; policyId: string } | { ok: false; code: GraphQLErrorCode };

export const useTemplatesStore = defineStore('templates', () => {
  const list = ref<Remote<LibraryTemplate[]> | null>(null);
  /** The policy just cloned, so its page can say what to do next; forgotten once shown. */
  const justCloned = ref<{ policyId: string; templateTitle: string } | null>(null);

  async function loadList(): Promise<void> {
    await loadRemote(list, async () => (await request(TemplatesDocument)).templates);
  }

  /** Clones the template's newest release; an empty title keeps the template's. */
  async function clone(template: LibraryTemplate, title: string): Promise<CloneResult> {
    const release = template.latestVersion;
    if (!release) return { ok: false, code: 'NOT_FOUND' };
    try {
      const { cloneTemplate } = await request(CloneTemplateDocument, { templateVersionId: release.id, title: title.trim() || null });
      justCloned.value = { policyId: cloneTemplate.id, templateTitle: `${template.title} ${release.number}` };
      return { ok: true, policyId: cloneTemplate.id };
    } catch (error) {
      return { ok: false, code: errorCode(error) };
    }
  }

  function clear(): void {
    list.value = null;
    justCloned.value = null;
  }

  return { list, justCloned, loadList, clone, clear };
});
