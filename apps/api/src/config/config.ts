/**
 * Ratify's configuration, read once from the environment and validated. Everything the
 * app can be told lives here, so a newcomer sees every knob in one place.
 */
import { resolve } from 'node:path';

export interface AppConfig {
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** The Postgres server to use (DATABASE_URL); absent means run an embedded Postgres. */
  databaseUrl?: string;
  /** Connection for the runtime role (DATABASE_APP_URL); derived from databaseUrl when absent. */
  databaseAppUrl?: string;
  /** Where local state lives: the embedded cluster, files (RATIFY_DATA_DIR, default .data/). */
  dataDir: string;
  /** Seed the demo organisations (RATIFY_DEMO=1); default: on for a new embedded database only. */
  demo: 'on' | 'off' | 'first-start';
  /** "Today" pinned for demos and tests (RATIFY_CLOCK=YYYY-MM-DD). */
  clock?: string;
  production: boolean;
  /** Send the session cookie with Secure (RATIFY_SECURE_COOKIES=1, default on in production behind https). */
  secureCookies: boolean;
  /** The built web app to serve, if present. */
  webDist: string;
  /** Where email goes (SMTP_URL, e.g. smtp://user:pass@mail.example:587); absent means it stays in the outbox the app shows. */
  smtpUrl?: string;
  /** The From address of Ratify's email (RATIFY_MAIL_FROM). */
  mailFrom: string;
  /** The web app's address, for links in email (RATIFY_PUBLIC_URL, default http://localhost:PORT). */
  publicUrl: string;
  /**
   * Background jobs (RATIFY_JOBS): 'on' runs a worker and the schedules (reminders each morning,
   * the email sweep); 'worker' runs queued jobs only (tests); 'off' (RATIFY_JOBS=0) runs none.
   */
  jobs: 'on' | 'worker' | 'off';
  /**
   * Where published artefacts and uploaded logos go: a local folder (RATIFY_FILES_DIR, default
   * {dataDir}/files), or any S3-compatible store when RATIFY_S3_BUCKET is set (RATIFY_S3_ENDPOINT
   * for a non-AWS store, RATIFY_S3_REGION, RATIFY_S3_PATH_STYLE=1; credentials from the usual
   * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
   */
  files: FileStoreConfig;
  /** How long one PDF may take to render before it is stopped (RATIFY_RENDER_TIMEOUT_MS, default 30000). */
  renderTimeoutMs: number;
}

export type FileStoreConfig =
  | { kind: 'local'; dir: string }
  | { kind: 's3'; bucket: string; endpoint?: string; region: string; forcePathStyle: boolean };

export class ConfigError extends Error {}

function isoDate(value: string, name: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new ConfigError(`${name} must be a date written YYYY-MM-DD, got "${value}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const demoFlag = env.RATIFY_DEMO?.trim();
  if (demoFlag !== undefined && demoFlag !== '' && !['0', '1'].includes(demoFlag)) throw new ConfigError(`RATIFY_DEMO must be 0 or 1, got "${demoFlag}"`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// connection string');
  const production = env.NODE_ENV === 'production';
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// address');
  const jobsFlag = env.RATIFY_JOBS?.trim();
  if (jobsFlag !== undefined && jobsFlag !== '' && !['0', '1'].includes(jobsFlag)) throw new ConfigError(`RATIFY_JOBS must be 0 or 1, got "${jobsFlag}"`);
  const dataDir = resolve(cwd, env.RATIFY_DATA_DIR?.trim() || '.data');
  const renderTimeoutMs = env.RATIFY_RENDER_TIMEOUT_MS?.trim() ? Number(env.RATIFY_RENDER_TIMEOUT_MS) : 30_000;
  if (!Number.isInteger(renderTimeoutMs) || renderTimeoutMs < 100 || renderTimeoutMs > 600_000) {
    throw new ConfigError(`RATIFY_RENDER_TIMEOUT_MS must be a number of milliseconds from 100 to 600000, got "${env.RATIFY_RENDER_TIMEOUT_MS}"`);
  }
  const publicUrl = (env.RATIFY_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) throw new ConfigError('RATIFY_PUBLIC_URL must be an http:// or https:// address');
  return {
    port,
    databaseUrl,
    databaseAppUrl: env.DATABASE_APP_URL?.trim() || undefined,
    dataDir,
    demo: demoFlag === '1' ? 'on' : demoFlag === '0' ? 'off' : databaseUrl ? 'off' : 'first-start',
    clock: env.RATIFY_CLOCK?.trim() ? isoDate(env.RATIFY_CLOCK.trim(), 'RATIFY_CLOCK') : undefined,
    production,
    secureCookies: env.RATIFY_SECURE_COOKIES === '1',
    webDist: resolve(__dirname, '..', '..', '..', 'web', 'dist'),
    smtpUrl,
    mailFrom: env.RATIFY_MAIL_FROM?.trim() || 'Ratify <no-reply@ratify.localhost>',
    publicUrl,
    jobs: jobsFlag === '0' ? 'off' : 'on',
    files: fileStore(env, dataDir, cwd),
    renderTimeoutMs,
  };
}

function fileStore(env: NodeJS.ProcessEnv, dataDir: string, cwd: string): FileStoreConfig {
  const bucket = env.RATIFY_S3_BUCKET?.trim();
  if (!bucket) return { kind: 'local', dir: resolve(cwd, env.RATIFY_FILES_DIR?.trim() || resolve(dataDir, 'files')) };
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new ConfigError(`RATIFY_S3_BUCKET must be a bucket name, got "${bucket}"`);
  const endpoint = env.RATIFY_S3_ENDPOINT?.trim() || undefined;
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new ConfigError('RATIFY_S3_ENDPOINT must be an http:// or https:// address');
  const pathStyle = env.RATIFY_S3_PATH_STYLE?.trim();
  if (pathStyle && !['0', '1'].includes(pathStyle)) throw new ConfigError(`RATIFY_S3_PATH_STYLE must be 0 or 1, got "${pathStyle}"`);
  return { kind: 's3', bucket, endpoint, region: env.RATIFY_S3_REGION?.trim() || 'eu-west-2', forcePathStyle: pathStyle === '1' };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
