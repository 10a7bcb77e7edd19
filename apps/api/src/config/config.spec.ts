import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to port 3000, the .data folder and demo data for a new embedded database', () => {
    const config = loadConfig({}, '/srv/ratify');
    expect(config).toMatchObject({ port: 3000, dataDir: '/srv/ratify/.data', demo: 'first-start', databaseUrl: undefined, clock: undefined });
  });

  it('never seeds a DATABASE_URL database unless RATIFY_DEMO=1', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/ratify' }).demo).toBe('off');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/ratify', RATIFY_DEMO: '1' }).demo).toBe('on');
    expect(loadConfig({ RATIFY_DEMO: '0' }).demo).toBe('off');
  });

  it('pins the clock to a real date only', () => {
    expect(loadConfig({ RATIFY_CLOCK: '2026-11-21' }).clock).toBe('2026-11-21');
    expect(() => loadConfig({ RATIFY_CLOCK: '2026-02-30' })).toThrow(ConfigError);
    expect(() => loadConfig({ RATIFY_CLOCK: '21/11/2026' })).toThrow('RATIFY_CLOCK must be a date written YYYY-MM-DD, got "21/11/2026"');
  });

  it('refuses nonsense with a message naming the setting', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a port number, got "eighty"');
    expect(() => loadConfig({ RATIFY_DEMO: 'yes' })).toThrow('RATIFY_DEMO must be 0 or 1');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// connection string');
    expect(() => loadConfig({ SMTP_URL: 'mail.example:25' })).toThrow('SMTP_URL must be an smtp:// or smtps:// address');
    expect(() => loadConfig({ RATIFY_PUBLIC_URL: 'ratify.example' })).toThrow('RATIFY_PUBLIC_URL must be an http:// or https:// address');
  });

  it('keeps email in the outbox unless SMTP_URL is set, and links to the app from its public address', () => {
    expect(loadConfig({ PORT: '8080' })).toMatchObject({ smtpUrl: undefined, publicUrl: 'http://localhost:8080' });
    expect(loadConfig({ SMTP_URL: 'smtp://mail:25', RATIFY_PUBLIC_URL: 'https://policies.leaftrust.example/' })).toMatchObject({
      smtpUrl: 'smtp://mail:25',
      publicUrl: 'https://policies.leaftrust.example',
    });
  });
});
