/** Every migration is reversible: up, all the way down, and up again on a fresh database. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureDatabase } from '../src/database/database-server';
import { MIGRATIONS, ownerDataSource } from '../src/database/data-sources';
import { OWNER_URL } from './support/harness';

it('runs every migration up, down and up again', async () => {
  const server = new URL(OWNER_URL());
  server.pathname = '/postgres';
  const name = `ratify_migrations_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(server.toString(), name);
  const owner = ownerDataSource(url);
  const tables = async () => (await owner.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations'`))[0].n;
  await owner.initialize();
  try {
    expect(await owner.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
    expect(await tables()).toBeGreaterThan(0);
    for (let i = 0; i < MIGRATIONS.length; i++) await owner.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toBe(0);
    expect(await owner.runMigrations({ transaction: 'each' })).toHaveLength(MIGRATIONS.length);
  } finally {
    await owner.destroy();
    const client = new Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(`DROP DATABASE ${name}`);
    await client.end();
  }
});
