/**
 * Starts Ratify: the database (DATABASE_URL's, or an embedded Postgres), migrations, demo
 * data when asked for, then the API with the web app and the public pages on PORT.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, type AppConfig } from './config/config';
import { EmbeddedPostgresInUseError } from './database/embedded-postgres';
import { openDatabaseServer, type DatabaseServer } from './database/database-server';
import { ownerDataSource } from './database/data-sources';
import { prepareDatabase } from './database/prepare-database';
import { isEmpty, seedDemoData } from './demo/demo-seed';
import { createFileStore } from './storage/file-store';

Logger.overrideLogger(['log', 'warn', 'error']);
const logger = new Logger('Ratify');

async function seedIfWanted(ownerUrl: string, config: AppConfig): Promise<void> {
  const { demo } = config;
  if (demo === 'off') return;
  const owner = ownerDataSource(ownerUrl);
  await owner.initialize();
  try {
    if (demo === 'on' || (await isEmpty(owner))) await seedDemoData(owner, createFileStore(config.files));
  } finally {
    await owner.destroy();
  }
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    logger.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  let server: DatabaseServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app?.close().catch((error: unknown) => logger.error(String(error)));
    await server?.stop().catch((error: unknown) => logger.error(String(error)));
    process.exit(code);
  };
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  try {
    server = await openDatabaseServer(config);
    const runtimeUrl = await prepareDatabase(server.ownerUrl, config.databaseAppUrl);
    await seedIfWanted(server.ownerUrl, config);
    app = await createApp(config, runtimeUrl);
    await app.listen(config.port, process.env.HOST ?? '0.0.0.0');
    const url = `http://localhost:${config.port}`;
    logger.log(`Ratify is running at ${url} (database: ${server.embedded ? 'embedded Postgres' : 'DATABASE_URL'})`);
    if (config.clock) logger.log(`The clock is pinned to ${config.clock} (RATIFY_CLOCK).`);
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof EmbeddedPostgresInUseError;
    logger.error(error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error));
    await stop(1);
  }
}

void main();
