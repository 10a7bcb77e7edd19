/**
 * The public pages parents and inspectors read, in a real browser: the trust's index, an
 * academy's index and a published policy have no WCAG 2.2 AA violation (axe-core), the skip link
 * works from the keyboard, and the print stylesheet hides what paper does not need.
 */
import { join } from 'node:path';
import { axeViolations } from './support/axe';
import { ARTIFACTS, baseUrl, usePage } from './support/browser';

const page = usePage({ bypassCSP: true });

const POLICY = '/p/willow-primary/use-of-social-media-policy';

it.each([
  ['the trust index', '/p/leaf-trust', 'Policies'],
  ['an academy index', '/p/willow-primary', 'Policies'],
  ['a published policy', POLICY, 'Use of Social Media Policy'],
])('%s has no WCAG 2.2 AA violations', async (_name, path, heading) => {
  await page.goto(`${baseUrl()}${path}`);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
});

it('the checker is really checking: a page made faulty (no language, an unlabelled image) is reported', async () => {
  await page.goto(`${baseUrl()}${POLICY}`);
  await page.evaluate(() => {
    document.documentElement.removeAttribute('lang');
    document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: '/p/_/public.css' }));
  });
  expect((await axeViolations(page)).map((violation) => violation.id)).toEqual(expect.arrayContaining(['html-has-lang', 'image-alt']));
});

it('a policy page: the skip link is the first stop and moves to the main content; the cover facts and the other-format request are there', async () => {
  await page.goto(`${baseUrl()}${POLICY}`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toBe('#main');
  const facts = await page.locator('dl.policy-facts').innerText();
  for (const fact of ['Operations Lead', 'Finance, Audit & Risk Committee', '13 January 2025', '2 years', 'Term 2, 2026/27']) expect(facts).toContain(fact);
  const request = page.getByRole('link', { name: 'office@leaftrust.example' });
  expect(await request.getAttribute('href')).toBe(`mailto:office@leaftrust.example?subject=${encodeURIComponent('Request for Use of Social Media Policy in another format')}`);
  await page.screenshot({ path: join(ARTIFACTS, 'public-policy-page.png'), fullPage: false });
});

it('a policy page printed: the skip link, download link and footer are not on paper', async () => {
  await page.goto(`${baseUrl()}${POLICY}`);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.skip-link', '.download', '.site-footer']) expect(await page.locator(selector).isVisible()).toBe(false);
  expect(await page.getByRole('heading', { name: 'Use of Social Media Policy', level: 1 }).isVisible()).toBe(true);
});
