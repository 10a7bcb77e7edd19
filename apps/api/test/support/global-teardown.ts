import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  const server = globalThis.__RATIFY_TEST_SERVER__;
  if (!server) return;
  const client = new Client({ connectionString: server.serverUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [server.database]);
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(server.database)}`);
  } finally {
    await client.end();
  }
  await server.embedded?.stop();
}
