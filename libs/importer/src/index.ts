export * from './text-importer';
