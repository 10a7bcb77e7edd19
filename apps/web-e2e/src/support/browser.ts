/** Debian's chromium, driven by playwright-core: never a downloaded browser. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = CANDIDATES.find((path) => existsSync(path));
  if (!executablePath) throw new Error(`No chromium found (tried ${CANDIDATES.join(', ')}). Install Debian's chromium package: apt-get install chromium`);
  return chromium.launch({
    executablePath,
    headless: true,
    // Chromium's own language en-GB, so date fields read dd/mm/yyyy as in a UK browser (its en-GB
    // strings come with Debian's chromium-l10n; `--lang` alone does not do it on Linux).
    env: { ...process.env, LANGUAGE: 'en_GB' },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export function baseUrl(): string {
  const url = process.env.RATIFY_E2E_URL;
  if (!url) throw new Error('RATIFY_E2E_URL is not set: run through jest (the global setup starts Ratify)');
  return url;
}

/**
 * "Today" for the browser tests: Ratify runs with RATIFY_CLOCK pinned to it and each page's clock
 * starts there (and runs on), so review statuses, default dates and the guide's pictures stay the
 * same whatever day the tests run.
 */
export const TEST_TODAY = '2026-11-21';

interface ContextOptions {
  bypassCSP?: boolean;
  viewport?: { width: number; height: number };
  locale?: string;
}

/** A fresh browser context (another person's browser: its own cookies) with its clock at TEST_TODAY, and a page in it. */
async function newPage(browser: Browser, options: ContextOptions): Promise<Page> {
  const context = await browser.newContext({
    bypassCSP: options.bypassCSP ?? false,
    ...(options.viewport ? { viewport: options.viewport } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  await context.clock.install({ time: new Date(`${TEST_TODAY}T09:30:00Z`) });
  return context.newPage();
}

export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');

/** The user guide's pictures (docs/user-guide/images), taken by the journey tests so they follow the product. */
export const GUIDE_IMAGES = join(__dirname, '..', '..', '..', '..', 'docs', 'user-guide', 'images');

/** One Chromium for the test file, launched before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(GUIDE_IMAGES, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('The browser is only there inside a test');
    return browser;
  };
}

/**
 * A fresh page (in its own browser context: its own cookies, like another person's browser)
 * for each test. The returned object always stands for the current test's page. `bypassCSP`
 * only where a test must inject a checker (axe-core) into pages that allow no script.
 */
export function usePage(options: { bypassCSP?: boolean } = {}): Page {
  const browser = useBrowser();
  let current: Page | undefined;
  beforeEach(async () => {
    current = await newPage(browser(), options);
  });
  afterEach(async () => current?.context().close());
  return new Proxy({} as Page, {
    get(_target, property) {
      if (!current) throw new Error('The page is only there inside a test');
      const value = Reflect.get(current, property, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}

/**
 * For tests that need several people at once: `open()` gives a fresh page in its own browser
 * context (its own cookies, like another person's browser); all are closed after each test.
 * `bypassCSP` only where a test injects axe-core; `viewport` and `locale` for the user guide's pictures.
 */
export function usePages(options: ContextOptions = {}): () => Promise<Page> {
  const browser = useBrowser();
  const pages: Page[] = [];
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });
  return async () => {
    const page = await newPage(browser(), options);
    pages.push(page);
    return page;
  };
}
