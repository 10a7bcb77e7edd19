import { join } from 'node:path';
import { ARTIFACTS, baseUrl, usePage } from './support/browser';

const page = usePage();

async function signIn(email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

it('an operations lead signs in, sees the policy list and reads the policy', async () => {
  await signIn('ops.lead@leaftrust.example', 'ratify-demo');
  await page.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();
  const link = page.getByRole('link', { name: 'Use of Social Media Policy' });
  await link.waitFor();
  expect(await page.getByRole('table').innerText()).toContain('13 January 2025');
  await page.screenshot({ path: join(ARTIFACTS, 'policy-list.png'), fullPage: true });

  await link.click();
  await page.getByRole('heading', { name: 'Use of Social Media Policy', level: 1 }).waitFor();
  expect(await page.locator('article').innerText()).toContain('online sources and gaming');
});

it.each([
  ['a committee chair lands on the approvals inbox', 'chair.far@leaftrust.example', 'Approvals', '/approvals'],
  ['a trust administrator lands on the review dashboard', 'admin@leaftrust.example', 'Reviews', '/reviews'],
  ['an academy’s head lands on the policies', 'head.willow@leaftrust.example', 'Policies', '/policies'],
])('%s', async (_name, email, heading, path) => {
  await signIn(email, 'ratify-demo');
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe(path);
});

it('a wrong password keeps the person on the sign-in page with a clear message', async () => {
  await signIn('ops.lead@leaftrust.example', 'not-the-password');
  await page.getByText('Email or password is incorrect.').waitFor();
  expect(new URL(page.url()).pathname).toBe('/sign-in');
});

it('the public page of an academy works without signing in', async () => {
  await page.goto(`${baseUrl()}/p/willow-primary`);
  await page.getByRole('link', { name: 'Use of Social Media Policy', exact: true }).click();
  await page.getByRole('heading', { name: 'Use of Social Media Policy', level: 1 }).waitFor();
  expect(await page.locator('main').innerText()).toContain('online sources and gaming');
});
