/**
 * Ratify with the keyboard only: an academy's head signs in, reaches a policy from the list and
 * the publishing panel with Tab and Enter, and every control that takes focus on the way shows
 * where the focus is.
 */
import type { Page } from 'playwright-core';
import { baseUrl, usePage } from './support/browser';
import { WILLOW_HEAD } from './support/ratify-pages';

const page = usePage();

/** The focused element: its role-ish description, and whether something marks it (outline or shadow). */
function focused(page: Page): Promise<{ name: string; tag: string; marked: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', tag: 'body', marked: false };
    const style = getComputedStyle(element);
    const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    return { name: (element.getAttribute('aria-label') ?? element.innerText ?? element.getAttribute('name') ?? '').trim(), tag: element.tagName.toLowerCase(), marked };
  });
}

/** Presses Tab until the focus is on what `wanted` matches, checking each stop on the way shows its focus. */
async function tabTo(page: Page, wanted: (stop: { name: string; tag: string }) => boolean, unmarked: string[]): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stop.tag !== 'body' && !stop.marked) unmarked.push(`${stop.tag} “${stop.name}”`);
    if (wanted(stop)) return;
  }
  throw new Error('Tab never reached the control');
}

it('an academy’s head signs in and opens a policy’s publishing with the keyboard only; every focus stop is visible', async () => {
  const unmarked: string[] = [];
  await page.goto(`${baseUrl()}/`);
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

  await tabTo(page, (stop) => stop.tag === 'input', unmarked);
  await page.keyboard.type(WILLOW_HEAD.email);
  await tabTo(page, (stop) => stop.tag === 'input', unmarked);
  await page.keyboard.type(WILLOW_HEAD.password);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();

  await tabTo(page, (stop) => stop.tag === 'a' && stop.name === 'Use of Social Media Policy', unmarked);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Use of Social Media Policy', level: 1 }).waitFor();
  await page.getByRole('region', { name: 'Publishing' }).getByRole('button', { name: 'Publish' }).waitFor();

  await tabTo(page, (stop) => stop.tag === 'button' && stop.name === 'Publish', unmarked);
  expect(unmarked).toEqual([]);
});
