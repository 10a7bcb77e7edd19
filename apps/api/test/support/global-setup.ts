/**
 * Once per test run: a real Postgres (DATABASE_URL's server, or an embedded one in a temp
 * folder), a scratch database on it with Ratify's migrations and roles, and its URLs in the
 * environment for the test workers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ensureDatabase } from '../../src/database/database-server';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/database/embedded-postgres';
import { prepareDatabase } from '../../src/database/prepare-database';

declare global {
  var __RATIFY_TEST_SERVER__: { embedded?: EmbeddedServer; serverUrl: string; database: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const external = process.env.DATABASE_URL;
  const embedded = external ? undefined : await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'ratify-test-')));
  const serverUrl = external ?? embedded!.url;
  const database = `ratify_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const ownerUrl = await ensureDatabase(serverUrl, database);
  const runtimeUrl = await prepareDatabase(ownerUrl);
  process.env.RATIFY_TEST_OWNER_URL = ownerUrl;
  process.env.RATIFY_TEST_RUNTIME_URL = runtimeUrl;
  globalThis.__RATIFY_TEST_SERVER__ = { embedded, serverUrl, database };
}
