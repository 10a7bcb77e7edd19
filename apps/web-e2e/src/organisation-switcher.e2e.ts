/**
 * A person in two organisations: Jo Clarke, clerk to Leaf Trust and LiFE Multi Academy Trust,
 * switches from the header and works in the other trust; the header, switcher open, passes axe-core
 * and fits a tablet and a laptop.
 */
import type { Page } from 'playwright-core';
import { usePages } from './support/browser';
import { JO_CLARKE, expectNoViolations, openFromNavigation, signIn } from './support/ratify-pages';

const open = usePages({ bypassCSP: true });

function switcher(page: Page) {
  return page.getByRole('banner').getByRole('button', { name: /switch organisation$/ });
}

it('Jo Clarke switches from Leaf Trust to LiFE Multi Academy Trust and sees its policies', async () => {
  const page = await open();
  await signIn(page, JO_CLARKE);
  await openFromNavigation(page, 'Policies');
  await page.getByRole('link', { name: 'Use of Social Media Policy', exact: true }).waitFor();
  expect(await switcher(page).innerText()).toContain('Leaf Trust');

  await switcher(page).click();
  const panel = page.getByRole('region', { name: 'Switch organisation' });
  expect(await panel.getByRole('listitem').allInnerTexts()).toEqual(['Leaf Trust — Administrator (you are working here)', 'LiFE Multi Academy Trust — Administrator']);
  await expectNoViolations(page);

  await panel.getByRole('button', { name: 'LiFE Multi Academy Trust — Administrator' }).click();
  await page.getByRole('status').getByText('You are now working in LiFE Multi Academy Trust.').waitFor();
  await page.getByRole('heading', { name: 'Reviews', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/reviews');

  await openFromNavigation(page, 'Policies');
  await page.getByRole('link', { name: 'Social Media Policy', exact: true }).waitFor();
  expect(await page.getByRole('link', { name: 'Use of Social Media Policy' }).count()).toBe(0);

  // The server's session changed too: a fresh load is still in LiFE MAT.
  await page.reload();
  await page.getByRole('link', { name: 'Social Media Policy', exact: true }).waitFor();
  expect(await switcher(page).innerText()).toContain('LiFE Multi Academy Trust');
});

it.each([
  ['a tablet', { width: 768, height: 1024 }],
  ['a laptop', { width: 1280, height: 800 }],
])('the header fits %s: no sideways scrolling, targets of 24px or more, no axe violations', async (_device, viewport) => {
  const page = await open();
  await page.setViewportSize(viewport);
  await signIn(page, JO_CLARKE);
  await switcher(page).click();
  await page.getByRole('heading', { name: 'Switch organisation' }).waitFor();

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  const small = await page.locator('header a, header button').evaluateAll((targets) =>
    targets
      .map((target) => ({ name: target.textContent?.trim() ?? '', box: target.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
  await expectNoViolations(page);
});
