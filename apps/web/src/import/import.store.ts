/**
 * Importing a policy from a file: upload → preview → create the draft. The preview is the
 * API's reading of the file; only "Create draft" saves anything (createPolicy).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { GraphQLRequestError, errorCode, problemsOf, request, type GraphQLErrorCode } from '../graphql/client';
import { CreatePolicyDocument } from '../graphql/operations.generated';
import { uploadPolicyFile, type ImportPreview } from './import-api';

export type ImportStep = 'choose' | 'uploading' | 'preview' | 'creating';

export interface ImportFailure {
  /** What failed: reading the file, or creating the draft. */
  stage: 'upload' | 'create';
  code: GraphQLErrorCode;
  /** The server's message, for BAD_USER_INPUT on upload (written for people). */
  message: string | null;
  /** createPolicy's BAD_USER_INPUT: what is wrong with the document. */
  problems: string[];
}

export const useImportStore = defineStore('import', () => {
  const step = ref<ImportStep>('choose');
  const fileName = ref<string | null>(null);
  const preview = shallowRef<ImportPreview | null>(null);
  /** The title the draft will have: the file's, until the person changes it. */
  const title = ref('');
  const failure = ref<ImportFailure | null>(null);
  let controller: AbortController | null = null;

  async function upload(file: File): Promise<void> {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    step.value = 'uploading';
    fileName.value = file.name;
    failure.value = null;
    try {
      const answer = await uploadPolicyFile(file, mine.signal);
      if (controller !== mine) return;
      preview.value = answer;
      title.value = answer.title;
      step.value = 'preview';
    } catch (error) {
      if (controller !== mine) return;
      step.value = 'choose';
      const code = errorCode(error);
      if (code === 'ABORTED') return;
      failure.value = {
        stage: 'upload',
        code,
        message: code === 'BAD_USER_INPUT' && error instanceof GraphQLRequestError ? error.message : null,
        problems: [],
      };
    } finally {
      if (controller === mine) controller = null;
    }
  }

  function cancelUpload(): void {
    controller?.abort();
    controller = null;
    step.value = 'choose';
  }

  /** Creates the policy and its first draft; resolves to the new policy's id, or null on failure. */
  async function createDraft(): Promise<string | null> {
    const found = preview.value;
    if (!found || step.value === 'creating') return null;
    step.value = 'creating';
    failure.value = null;
    try {
      const { createPolicy } = await request(CreatePolicyDocument, {
        input: { title: title.value.trim(), content: found.document as unknown as Record<string, unknown> },
      });
      reset();
      return createPolicy.id;
    } catch (error) {
      step.value = 'preview';
      failure.value = { stage: 'create', code: errorCode(error), message: null, problems: problemsOf(error) };
      return null;
    }
  }

  /** Back to choosing a file. */
  function reset(): void {
    controller?.abort();
    controller = null;
    step.value = 'choose';
    fileName.value = null;
    preview.value = null;
    title.value = '';
    failure.value = null;
  }

  return { step, fileName, preview, title, failure, upload, cancelUpload, createDraft, reset, clear: reset };
});
