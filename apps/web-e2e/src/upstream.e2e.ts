import { usePage } from './support/browser';
import { signIn } from './support/ratify-pages';

const page = usePage();

it("takes the LA model's new release into Leaf Trust's policy: the changes shown, the conflict decided, a new draft opened", async () => {
  await signIn(page);
  await page.getByRole('link', { name: 'Use of Social Media Policy' }).click();
  await page.getByRole('heading', { name: 'Update available' }).waitFor();
  await page.getByRole('link', { name: 'Review the update' }).click();

  await page.getByRole('heading', { name: 'Update from Westshire County Council', level: 1 }).waitFor();
  const changes = page.locator('.upstream-change');
  expect(await changes.locator('h2').allInnerTexts()).toEqual(['Reworded in “Introduction”', 'Reworded in “Definition”', 'Added in “Use of Social Networking Sites”']);
  expect(await changes.locator('.tag').allInnerTexts()).toEqual(['You changed this too: choose below', 'Taken into your draft automatically', 'Taken into your draft automatically']);

  for (const decision of await page.getByRole('group', { name: 'Your decision' }).all()) await decision.getByLabel('Keep your wording').check();
  await page.getByRole('button', { name: 'Make the updated draft' }).click();

  await page.waitForURL(/\/policies\/[^/]+\/edit$/);
  await page.getByText('Staff who see anything online that raises a concern').waitFor();
});
