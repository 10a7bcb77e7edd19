/** What the import page accepts, checked before uploading (the API checks again). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const IMPORT_ACCEPT = '.docx,.md,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown,text/plain';

const READABLE = /\.(docx|md|markdown|txt)$/i;

/** "2.4 MB", "312 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Why this file cannot be imported, in plain words; null when it can be uploaded. */
export function fileProblem(file: { name: string; size: number }): string | null {
  if (/\.doc$/i.test(file.name)) return 'Ratify cannot read older Word files (.doc). Open it in Word, save it as a .docx file, then choose that.';
  if (!READABLE.test(file.name)) return 'Choose a Word document (.docx), a Markdown file (.md) or a text file (.txt).';
  if (file.size === 0) return 'The file is empty. Choose the file with the policy in it.';
  if (file.size > MAX_IMPORT_BYTES) return `The file is ${fileSize(file.size)}. Ratify can import files up to 10 MB.`;
  return null;
}
