/**
 * Starts Ratify the way a user does (node apps/api/dist/main.js, after the builds), on a free
 * port, with a fresh embedded Postgres in a temp folder, or a scratch database on
 * DATABASE_URL's server with RATIFY_DEMO=1. Waits for /health and for the demo's policies to be
 * published (rendered by a background job after start-up).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { TEST_TODAY } from './browser';

declare global {
  var __RATIFY_E2E__: { child: ChildProcess; database?: { serverUrl: string; name: string } } | undefined;
}

const ROOT = resolve(__dirname, '..', '..', '..', '..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function scratchDatabase(serverUrl: string): Promise<{ url: string; name: string }> {
  const name = `ratify_e2e_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Ratify exited with code ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`Ratify did not answer /health within 60 s:\n${log()}`);
}

/** The demo's copies are rendered by a background job after start-up; the tests begin once they are public. */
async function waitForDemoPublished(baseUrl: string, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await fetch(`${baseUrl}/p/willow-primary/use-of-social-media-policy`)).status === 200) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The demo's policies were not published within 60 s of start-up:\n${log()}`);
}

export default async function startRatify(): Promise<void> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), RATIFY_CLOCK: TEST_TODAY, NODE_ENV: 'production' };
  let database: { serverUrl: string; name: string } | undefined;
  // Its own folder for the embedded cluster and for published files, whichever database it uses.
  env.RATIFY_DATA_DIR = mkdtempSync(join(tmpdir(), 'ratify-e2e-'));
  if (process.env.DATABASE_URL) {
    const scratch = await scratchDatabase(process.env.DATABASE_URL);
    database = { serverUrl: process.env.DATABASE_URL, name: scratch.name };
    Object.assign(env, { DATABASE_URL: scratch.url, RATIFY_DEMO: '1' });
  }
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  globalThis.__RATIFY_E2E__ = { child, database };
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  await waitForDemoPublished(baseUrl, () => output);
  process.env.RATIFY_E2E_URL = baseUrl;
}
