/**
 * Every screen of the app, as the trust's administrator (who may open them all) and as an
 * academy's head: each has its heading, no WCAG 2.2 AA violation, and no sideways scrolling on a
 * laptop (1280×800) or a tablet held upright (768×1024).
 */
import type { Page } from 'playwright-core';
import { baseUrl, usePages } from './support/browser';
import { axeViolations } from './support/axe';
import { ADMIN, WILLOW_HEAD, graphql, signIn, type Person } from './support/ratify-pages';

const open = usePages({ bypassCSP: true, locale: 'en-GB' });

const SIZES = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'tablet', width: 768, height: 1024 },
];

/** The demo's Leaf Trust policy and Willow Primary Academy, for the pages about one of them. */
async function demoIds(page: Page): Promise<{ policy: string; willow: string }> {
  const { policies, schools } = await graphql<{ policies: { id: string; title: string }[]; schools: { id: string; name: string }[] }>(page, '{ policies { id title } schools { id name } }');
  return {
    policy: policies.find((policy) => policy.title === 'Use of Social Media Policy')!.id,
    willow: schools.find((school) => school.name === 'Willow Primary Academy')!.id,
  };
}

/** Each screen's address and the heading it opens with (for someone who may not use it: the page saying so). */
function screens(ids: { policy: string; willow: string }, person: Person): [path: string, heading: string | RegExp][] {
  return [
    ['/policies', 'Policies'],
    ['/policies/import', 'Import a policy'],
    ['/policies/search', 'Search policies'],
    [`/policies/${ids.policy}`, 'Use of Social Media Policy'],
    [`/policies/${ids.policy}/edit`, person === ADMIN ? 'Use of Social Media Policy' : 'You cannot edit policies'],
    [`/policies/${ids.policy}/update`, /Template update|Update from/],
    [`/policies/${ids.policy}/schools/${ids.willow}`, 'Willow Primary Academy’s copy'],
    [`/policies/${ids.policy}/compare`, /Compare/],
    ['/templates', 'Template library'],
    ['/approvals', 'Approvals'],
    ['/reviews', 'Reviews'],
    ['/settings', 'Settings'],
    ['/settings/variables', 'Variables'],
    ['/settings/terminology', 'Terminology'],
    ['/settings/governance', 'Governance'],
    ['/settings/calendar', 'Term dates'],
    ['/settings/reviews', 'Review settings'],
    ['/settings/branding', 'Branding'],
    ['/settings/outbox', 'Email outbox'],
    ['/settings/people', 'People'],
  ];
}

async function checkEveryScreen(person: Person): Promise<void> {
  const page = await open();
  await signIn(page, person);
  const ids = await demoIds(page);
  const problems: string[] = [];
  for (const [path, heading] of screens(ids, person)) {
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`${baseUrl()}${path}`);
      const opened = await page
        .getByRole('heading', { name: heading, level: 1 })
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      if (!opened) {
        problems.push(`${path}: no heading ${heading}; the headings are ${JSON.stringify(await page.locator('h1').allInnerTexts())}`);
        break;
      }
      await page.waitForLoadState('networkidle');
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (sideways > 0) problems.push(`${path} at ${size.name}: scrolls sideways by ${sideways}px`);
      if (size.name === 'laptop') {
        const violations = await axeViolations(page);
        if (violations.length) problems.push(`${path}: ${JSON.stringify(violations)}`);
      }
    }
  }
  expect(problems).toEqual([]);
}

it('as the trust’s administrator, every screen has its heading, no accessibility violation and no sideways scrolling', async () => {
  await checkEveryScreen(ADMIN);
}, 180_000);

it('as an academy’s head, every screen has its heading, no accessibility violation and no sideways scrolling', async () => {
  await checkEveryScreen(WILLOW_HEAD);
}, 180_000);
