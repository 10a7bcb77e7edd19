/**
 * Which Postgres Ratify uses: DATABASE_URL's server, or an embedded one in RATIFY_DATA_DIR
 * (a real Postgres, started and stopped with the app). Returns the owner's connection URL.
 */
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { startEmbeddedPostgres, useEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseServer {
  ownerUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Creates database `name` on the server if it is missing; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The app starts its own embedded server (and refuses if another Ratify already serves the same
 * data folder); a tool such as the import CLI may share the running app's server instead.
 */
export async function openDatabaseServer(config: AppConfig, options: { shareRunning?: boolean } = {}): Promise<DatabaseServer> {
  if (config.databaseUrl) return { ownerUrl: config.databaseUrl, embedded: false, stop: async () => undefined };
  const server = options.shareRunning ? await useEmbeddedPostgres(config.dataDir) : await startEmbeddedPostgres(config.dataDir);
  try {
    return { ownerUrl: await ensureDatabase(server.url, 'ratify'), embedded: true, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
