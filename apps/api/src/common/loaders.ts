/**
 * Per-request DataLoaders: every field that reaches the database is batched, so the number
 * of SQL statements for a page does not grow with the number of rows on it.
 */
import DataLoader from 'dataloader';
import { RequestContext } from './request-context';

export function requestLoader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
  const loaders = RequestContext.require().loaders;
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    loaders.set(name, loader);
  }
  return loader;
}

/** Orders rows to match the keys DataLoader asked for; a missing key gets `fallback`. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: () => V | Error): (V | Error)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? fallback());
}
