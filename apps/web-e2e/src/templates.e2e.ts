import { join } from 'node:path';
import { ARTIFACTS, usePages } from './support/browser';
import { ADMIN, openFromNavigation, signIn } from './support/ratify-pages';

// Issue 4 in the browser: a model policy cloned with its lineage and the trust's words, and a
// school's own copy of a trust policy.
const open = usePages();

it('the operations lead previews and clones the Westshire model, sees its lineage, and applies the terminology they choose', async () => {
  const page = await open();
  const title = `Social Media Policy (cloned ${Date.now()})`;
  await signIn(page);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Template library' }).click();
  await page.getByRole('heading', { name: 'Template library', level: 1 }).waitFor();
  const model = page.getByRole('article', { name: 'Social Media Policy', exact: true });
  expect(await model.innerText()).toContain('Westshire County Council');
  expect(await model.innerText()).toContain('1 September 2026');

  await model.getByText('Preview the text').click();
  const preview = model.getByRole('article', { name: 'Social Media Policy 1.1' });
  await preview.waitFor();
  expect(await preview.innerText()).toContain('The Governing Body of the school is committed');
  await page.screenshot({ path: join(ARTIFACTS, 'template-library.png'), fullPage: true });

  await model.getByLabel('Title for your copy of Social Media Policy (optional)').fill(title);
  await model.getByRole('button', { name: 'Clone Social Media Policy' }).click();

  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/policies\/[^/]+$/);
  expect(await page.getByText('Based on').innerText()).toBe('Based on Social Media Policy 1.1 from Westshire County Council, released 1 September 2026.');
  // The page has other live regions (the review panel's, a form's): the clone's note is the one that says so.
  expect(await page.getByRole('status').filter({ hasText: 'You cloned' }).innerText()).toContain('You cloned Social Media Policy 1.1.');

  await page.getByRole('link', { name: 'Review terminology in the draft' }).click();
  await page.getByRole('heading', { name: 'Review terminology', level: 1 }).waitFor();
  const first = page.getByLabel('Apply the change to Introduction, clause 1');
  const governors = page.getByLabel('Apply the change to Scope, clause 1');
  expect(await first.isChecked()).toBe(true);
  expect(await governors.isChecked()).toBe(true);
  expect(await page.locator('.proposal', { hasText: 'Scope, clause 1' }).locator('mark').allInnerTexts()).toEqual(['governors,', 'trustees,']);
  await governors.uncheck();
  await page.screenshot({ path: join(ARTIFACTS, 'terminology-review.png'), fullPage: true });

  await page.getByRole('button', { name: 'Apply selected changes' }).click();

  await page.getByRole('status').getByText(/Applied \d+ changes to the draft\./).waitFor();
  // The change left unticked is still proposed, still unticked; the applied ones are gone.
  expect(await governors.isChecked()).toBe(false);
  expect(await first.count()).toBe(0);

  await page.getByRole('link', { name: 'go back to the policy' }).click();
  const text = page.getByRole('article', { name: title });
  // The page shows the text it already had while it reloads the policy: wait for the reloaded draft.
  await text.getByText('The Trust is committed to ensuring').first().waitFor();
  expect(await text.innerText()).toContain('The Trust is committed to ensuring');
  expect(await text.innerText()).toContain('parent helpers, governors, agency workers');
});

it('a trust administrator omits and replaces clauses in a school’s copy and sees it beside the trust’s text', async () => {
  const page = await open();
  const words = `At Willow, report concerns to the designated safeguarding lead the same day (${Date.now()}).`;
  await signIn(page, ADMIN);
  await openFromNavigation(page, 'Policies');

  await page.getByRole('link', { name: 'Use of Social Media Policy', exact: true }).click();
  const copies = page.getByRole('region', { name: 'School copies' });
  await copies.getByRole('row', { name: /Willow Primary Academy/ }).getByText('Same as the trust’s text').waitFor();
  await copies.getByRole('link', { name: 'Willow Primary Academy' }).click();
  await page.getByRole('heading', { name: 'Willow Primary Academy’s copy', level: 1 }).waitFor();

  await page.getByRole('button', { name: 'Omit Introduction, clause 2' }).click();
  await page.getByRole('button', { name: 'Replace text of Introduction, clause 3' }).click();
  await page.getByLabel('New text for Introduction, clause 3').fill(words);
  await page.getByRole('button', { name: 'Use this text' }).click();
  await page.getByRole('button', { name: 'Save school copy' }).click();

  await page.getByRole('status').getByText('Saved Willow Primary Academy’s copy: 1 clause changed, 1 omitted.').waitFor();
  expect(await page.getByRole('region', { name: 'How this copy differs' }).innerText()).toContain('1 clause changed, 1 omitted');
  const trust = page.getByRole('article', { name: 'The trust’s text of Use of Social Media Policy' });
  const school = page.getByRole('article', { name: 'Willow Primary Academy’s copy of Use of Social Media Policy' });
  expect(await school.innerText()).toContain(words);
  expect(await school.innerText()).not.toContain('maintain a professional distance from pupils');
  expect(await trust.innerText()).toContain('maintain a professional distance from pupils');
  expect(await trust.innerText()).not.toContain(words);
  await page.getByRole('heading', { name: 'Side by side' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'school-copy.png'), fullPage: true });

  await page.getByRole('link', { name: 'Use of Social Media Policy' }).click();
  await copies.getByRole('row', { name: /Willow Primary Academy/ }).getByText('1 clause changed, 1 omitted').waitFor();
});
