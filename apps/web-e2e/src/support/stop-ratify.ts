import { Client } from 'pg';

export default async function stopRatify(): Promise<void> {
  const running = globalThis.__RATIFY_E2E__;
  if (!running) return;
  const { child, database } = running;
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000).unref())]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  if (database) {
    const client = new Client({ connectionString: database.serverUrl });
    await client.connect();
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database.name]);
    await client.query(`DROP DATABASE IF EXISTS ${database.name}`);
    await client.end();
  }
}
