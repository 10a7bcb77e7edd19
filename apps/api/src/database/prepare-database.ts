/**
 * Start-up work on the database, as the owner: create the runtime login role if Ratify
 * manages it, run pending migrations, and refuse to go on if the runtime role could bypass
 * row-level security (superuser, BYPASSRLS, or owner of a table).
 */
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { installJobQueue } from '../jobs/job-queue';
import { deriveRuntimeUrl, ownerDataSource, RUNTIME_GROUP_ROLE } from './data-sources';

const logger = new Logger('Database');

async function ensureRole(ownerUrl: string, role: { name: string; password: string }): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const name = client.escapeIdentifier(role.name);
    const password = client.escapeLiteral(role.password);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
    const attributes = 'LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT';
    if (exists.rowCount === 0) await client.query(`CREATE ROLE ${name} ${attributes} PASSWORD ${password}`);
    else await client.query(`ALTER ROLE ${name} ${attributes} PASSWORD ${password}`);
    await client.query(`GRANT ${client.escapeIdentifier(RUNTIME_GROUP_ROLE)} TO ${name}`);
    const database = (await client.query('SELECT current_database() AS name')).rows[0].name as string;
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${name}`);
  } finally {
    await client.end();
  }
}

export async function runMigrations(ownerUrl: string): Promise<void> {
  const owner = ownerDataSource(ownerUrl);
  await owner.initialize();
  try {
    const applied = await owner.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.log(`Applied migration ${migration.name}`);
  } finally {
    await owner.destroy();
  }
}

/** Fails start-up if the runtime connection could see past row-level security. */
export async function assertRuntimeRoleIsConfined(runtimeUrl: string): Promise<void> {
  const client = new Client({ connectionString: runtimeUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owned: string }>(`
      SELECT r.rolname, r.rolsuper, r.rolbypassrls,
             (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p', 'v', 'm')) AS owned
        FROM pg_roles r WHERE r.rolname = current_user`);
    const role = rows[0];
    if (role.rolsuper || role.rolbypassrls || Number(role.owned) > 0) {
      throw new Error(
        `The runtime database role "${role.rolname}" can bypass row-level security (superuser, BYPASSRLS or table owner). ` +
          'Give DATABASE_APP_URL a role that is a plain member of ratify_runtime.',
      );
    }
  } finally {
    await client.end();
  }
}

/** Everything the database needs before the app serves a request; returns the runtime URL. */
export async function prepareDatabase(ownerUrl: string, explicitRuntimeUrl?: string): Promise<string> {
  const runtime = deriveRuntimeUrl(ownerUrl, explicitRuntimeUrl);
  await runMigrations(ownerUrl);
  await installJobQueue(ownerUrl);
  if (runtime.managedRole) await ensureRole(ownerUrl, runtime.managedRole);
  await assertRuntimeRoleIsConfined(runtime.url);
  return runtime.url;
}
