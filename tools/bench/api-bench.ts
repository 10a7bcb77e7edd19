/**
 * What the benchmarks that drive the real API share: the built app (apps/api/dist), a scratch
 * database (DATABASE_URL's server, a new database dropped afterwards; else an embedded
 * Postgres in a temporary folder), the app listening on loopback, and a GraphQL session.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'apps', 'api', 'dist');

/* eslint-disable @typescript-eslint/no-require-imports -- the built API is CommonJS, loaded after it is built */
export const api = {
  config: require(join(DIST, 'config', 'config.js')) as typeof import('../../apps/api/src/config/config'),
  server: require(join(DIST, 'database', 'database-server.js')) as typeof import('../../apps/api/src/database/database-server'),
  prepare: require(join(DIST, 'database', 'prepare-database.js')) as typeof import('../../apps/api/src/database/prepare-database'),
  factory: require(join(DIST, 'app.factory.js')) as typeof import('../../apps/api/src/app.factory'),
  password: require(join(DIST, 'auth', 'password.js')) as typeof import('../../apps/api/src/auth/password'),
  hash: require(join(DIST, 'common', 'content-hash.js')) as typeof import('../../apps/api/src/common/content-hash'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const PASSWORD = 'bench-password-123';

export function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export class Session {
  private cookie = '';
  constructor(private readonly baseUrl: string) {}

  async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors[0]!.message}`);
    return body.data!;
  }

  /** A signed-in GET (a CSV export, say); returns the body. */
  async get(path: string): Promise<string> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: { cookie: this.cookie } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return response.text();
  }

  async signIn(email: string): Promise<void> {
    await this.gql('mutation ($input: SignInInput!) { signIn(input: $input) { person { id } } }', { input: { email, password: PASSWORD } });
  }
}

export interface BenchApp {
  ownerUrl: string;
  runtimeUrl: string;
  url: string;
  databaseLabel: string;
}

/** Runs `work` against a prepared scratch database and the app serving it; cleans up after. */
export async function withBenchApp<T>(setUp: (ownerUrl: string) => Promise<T>, work: (bench: BenchApp, setup: T) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ratify-bench-'));
  const serverUrl = process.env.DATABASE_URL?.trim();
  const scratch = `ratify_bench_${randomBytes(4).toString('hex')}`;
  const config = api.config.loadConfig({
    RATIFY_DATA_DIR: dataDir,
    RATIFY_DEMO: '0',
    RATIFY_JOBS: '0',
    PORT: '0',
    ...env,
    ...(serverUrl ? { DATABASE_URL: await api.server.ensureDatabase(serverUrl, scratch) } : {}),
  });
  const server = await api.server.openDatabaseServer(config);
  let app: Awaited<ReturnType<typeof api.factory.createApp>> | undefined;
  try {
    const runtimeUrl = await api.prepare.prepareDatabase(server.ownerUrl);
    const setup = await setUp(server.ownerUrl);
    app = await api.factory.createApp(config, runtimeUrl, { logger: false });
    await app.listen(0, '127.0.0.1');
    await work({ ownerUrl: server.ownerUrl, runtimeUrl, url: await app.getUrl(), databaseLabel: serverUrl ? 'DATABASE_URL server (scratch database)' : 'embedded Postgres' }, setup);
  } finally {
    await app?.close();
    await server.stop();
    if (serverUrl) {
      const db = new Client({ connectionString: serverUrl });
      await db.connect();
      await db.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await db.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
