import { usePage } from './support/browser';
import { signIn } from './support/ratify-pages';

const page = usePage();

it('searching from the policies page finds the clause, marks the words and links to the policy', async () => {
  await signIn(page);

  await page.getByLabel('Search policies').fill('professional distance');
  await page.getByLabel('Search policies').press('Enter');

  const result = page.locator('.search-result').filter({ hasText: 'Use of Social Media Policy' }).first();
  await result.waitFor();
  expect(new URL(page.url()).search).toBe('?q=professional+distance');
  expect((await result.locator('mark').allInnerTexts()).map((text) => text.toLowerCase())).toEqual(['professional', 'distance']);

  await result.getByRole('link', { name: 'Use of Social Media Policy' }).click();
  await page.getByRole('heading', { name: 'Use of Social Media Policy', level: 1 }).waitFor();
});
