/**
 * The embedded Postgres `npm start` runs without DATABASE_URL: a real server, data that
 * survives a restart, a free port rather than 5432, and recovery when a crashed run left
 * its server behind.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { EmbeddedPostgresInUseError, startEmbeddedPostgres, useEmbeddedPostgres, type EmbeddedServer } from '../src/database/embedded-postgres';

jest.setTimeout(60_000);

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

it('keeps its data across restarts and recovers from a server left running by a crash', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ratify-embedded-'));
  const servers: EmbeddedServer[] = [];
  try {
    const first = await startEmbeddedPostgres(dataDir);
    servers.push(first);
    expect(new URL(first.url).port).not.toBe('5432');
    await query(first.url, `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')`);

    // A crash: the app is gone but its server is not. The next start must take over.
    const second = await startEmbeddedPostgres(dataDir);
    servers.push(second);
    expect(second.url).not.toBe(first.url);
    expect(await query(second.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    await second.stop();
    const third = await startEmbeddedPostgres(dataDir);
    servers.push(third);
    expect(await query(third.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
  } finally {
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
  }
});

it('never takes over the server of a Ratify that is still running, but lets a tool share it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ratify-embedded-'));
  const server = await startEmbeddedPostgres(dataDir);
  // Another live process owns the folder, as a running `npm start` would.
  const otherApp = spawn('sleep', ['60']);
  try {
    writeFileSync(join(dataDir, 'owner.pid'), String(otherApp.pid));
    await expect(startEmbeddedPostgres(dataDir)).rejects.toThrow(EmbeddedPostgresInUseError);
    const shared = await useEmbeddedPostgres(dataDir);
    expect(shared.url).toBe(server.url);
    expect(await query(shared.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await shared.stop();
    expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  } finally {
    otherApp.kill();
    await server.stop();
  }
});
