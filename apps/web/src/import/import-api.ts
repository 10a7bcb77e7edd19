/**
 * POST /api/imports: the API reads a Word, Markdown or text file and answers with what it
 * found (title, document-control facts, outline, warnings) and the draft document it would
 * become. Nothing is saved until the person creates the draft (createPolicy).
 */
import type { PolicyDocument } from '@ratify/document';
import { postForm } from '../graphql/client';

export interface ImportHistoryRow {
  version?: string;
  date?: string;
  page?: string;
  change?: string;
  origin?: string;
}

export interface ImportPreview {
  title: string;
  /** Document-control facts read from the file, by their label ("Review Cycle"). */
  metadata: Record<string, string>;
  sections: { heading: string; clauses: { text: string }[] }[];
  /** What the importer could not read or had to guess, written for people. */
  warnings: string[];
  history: ImportHistoryRow[];
  document: PolicyDocument;
}

export const IMPORTS_ENDPOINT = '/api/imports';

export function uploadPolicyFile(file: File, signal?: AbortSignal): Promise<ImportPreview> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<ImportPreview>(IMPORTS_ENDPOINT, form, { signal });
}
