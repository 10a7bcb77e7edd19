export { importPolicy, MAX_IMPORT_BYTES, titleFromFileName, type PolicyFile } from './import-policy';
export { importText, cleanInline } from './text-importer';
export { ImportError, type ImportErrorCode } from './errors';
export { wordsKept, type WordCoverage } from './word-coverage';
export type { HistoryRow, ImportedPolicy, ImportTextOptions } from './types';
