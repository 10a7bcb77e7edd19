import { documentFromOutline, type PolicyDocument } from '@ratify/document';
import type { ImportedPolicy } from '@ratify/importer';

/** What an import shows a person before anything is saved (the CLI's `--format outline`, the upload preview). */
export interface ImportOutline {
  title: string;
  metadata: Record<string, string>;
  sections: { heading: string; clauses: { text: string }[] }[];
  warnings: string[];
  history: ImportedPolicy['history'];
}

export function importOutline(imported: ImportedPolicy): ImportOutline {
  return {
    title: imported.title,
    metadata: imported.metadata,
    sections: imported.sections.map((section) => ({ heading: section.heading, clauses: section.clauses.map((clause) => ({ text: clause.text })) })),
    warnings: imported.warnings,
    history: imported.history,
  };
}

/** The draft document an import becomes. */
export function importDocument(imported: ImportedPolicy): PolicyDocument {
  return documentFromOutline(imported);
}
