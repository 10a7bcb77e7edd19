/**
 * Journey 4 (the user guide's fourth section): the trust's administrator starts on Reviews, shows
 * only the overdue policies, opens one, records that the committee reviewed it with no change and
 * sets its next review to the end of a term; the policy is then no longer overdue, and its public
 * page (published again by the review) gives the new review date. Controls are
 * found by label and role only; every page on the way has no WCAG 2.2 AA violation; the pictures
 * are the guide's.
 */
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { GUIDE_IMAGES, usePages } from '../support/browser';
import { ADMIN, AUTHOR, approveDraftThroughApi, expectNoViolations, graphql, oneSectionPolicy, openFromNavigation, publishThroughApi, signIn, signInChecked } from '../support/ratify-pages';

const open = usePages({ bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });

it('the trust’s administrator finds the overdue policies on Reviews and records a review with no change; the policy is no longer overdue', async () => {
  const title = 'Charging and Remissions Policy';

  // Not what this journey is about: a policy approved in July 2025 on a one-year cycle and published, so its review is overdue.
  const olivia = await open();
  const alex = await open();
  await signIn(olivia, AUTHOR);
  await signIn(alex, ADMIN);
  const { createPolicy } = await graphql<{ createPolicy: { id: string } }>(olivia, 'mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }', {
    input: {
      title,
      content: oneSectionPolicy('Charges', ['Education in school hours is free.', 'Parents may be asked for a voluntary contribution towards a school trip; no pupil is left out because it is not paid.']),
      reviewCycleMonths: 12,
    },
  });
  await approveDraftThroughApi(olivia, alex, createPolicy.id, '2025-07-10');
  await publishThroughApi(alex, createPolicy.id);
  await alex.context().close();

  // The administrator's home is Reviews; they show only what is overdue.
  const admin = await open();
  await signInChecked(admin, ADMIN);
  const reviews = admin.getByRole('table', { name: /review status/ });
  const socialMedia = reviews.getByRole('row', { name: /^Use of Social Media Policy/ });
  await socialMedia.first().waitFor();
  await admin.getByRole('list', { name: 'Show only' }).getByRole('button', { name: /Overdue/ }).click();
  // Once the filtered list is in, the policy due this term has gone from it.
  await socialMedia.first().waitFor({ state: 'detached' });
  const rows = reviews.getByRole('row', { name: new RegExp(`^${title}`) });
  // Trust-wide and at each academy, due by the end of the term before its anniversary; nothing else is overdue.
  expect(await statusesOf(rows)).toEqual([
    ['Trust-wide', 'Overdue', '22 May 2026 · Term 5, 2025/26'],
    ['Hazel Primary Academy', 'Overdue', '22 May 2026 · Term 5, 2025/26'],
    ['Rowan Primary Academy', 'Overdue', '22 May 2026 · Term 5, 2025/26'],
    ['Willow Primary Academy', 'Overdue', '22 May 2026 · Term 5, 2025/26'],
  ]);
  expect(await reviews.getByRole('row').count()).toBe(5);
  await expectNoViolations(admin);
  await admin.screenshot({ path: join(GUIDE_IMAGES, '11-overdue.png') });

  // They open the policy and record the committee's review.
  await rows.first().getByRole('link', { name: title, exact: true }).click();
  await admin.getByRole('heading', { name: title, level: 1 }).waitFor();
  const review = admin.getByRole('region', { name: 'Review' });
  await review.getByText('22 May 2026 · Term 5, 2025/26Overdue').waitFor();
  await expectNoViolations(admin);
  await review.getByRole('button', { name: 'Complete review' }).click();
  await review.getByLabel('Reviewed, no change').check();
  await review.getByLabel('Note (optional)').fill('Reviewed by the Finance, Audit & Risk Committee, minute FAR/26-27/03/4.');
  await review.getByLabel('By the end of a term').check();
  await review.getByLabel('Academic year').selectOption({ label: '2027/28' });
  await review.getByLabel('Term', { exact: true }).selectOption({ label: 'Term 2' });
  await expectNoViolations(admin);
  await review.getByLabel('Reviewed, no change').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await admin.screenshot({ path: join(GUIDE_IMAGES, '12-complete-review.png') });
  await review.getByRole('button', { name: 'Continue' }).click();
  const confirm = review.getByRole('group', { name: /^Record that / });
  await confirm.waitFor();
  await expectNoViolations(admin);
  await confirm.getByRole('button', { name: 'Record the review' }).click();
  await review.getByRole('status').getByText('Recorded the review. The history below shows it.').waitFor();
  await review.getByText('17 December 2027 · Term 2, 2027/28Not due yet').waitFor();
  const done = review.getByRole('table', { name: /Completed reviews/ }).getByRole('row', { name: /Reviewed, no change/ });
  expect(await done.locator('td').allInnerTexts()).toEqual(['Reviewed, no change', '1.0', 'Alex Turner', '17 December 2027', 'Reviewed by the Finance, Audit & Risk Committee, minute FAR/26-27/03/4.']);
  await expectNoViolations(admin);

  // The public copies are published again with the new review date.
  const publishing = admin.getByRole('region', { name: 'Publishing' });
  await publishing.getByRole('status').getByText('Finished publishing version 1.0: all 4 copies are public.').waitFor({ timeout: 30_000 });

  // Back on Reviews (every status: the Social Media policy is listed too, once the page has loaded), it is no longer overdue.
  await openFromNavigation(admin, 'Reviews');
  await socialMedia.first().waitFor();
  const current = ['Current', '17 December 2027 · Term 2, 2027/28'];
  expect(await statusesOf(rows)).toEqual(['Trust-wide', 'Hazel Primary Academy', 'Rowan Primary Academy', 'Willow Primary Academy'].map((place) => [place, ...current]));
  await expectNoViolations(admin);

  // The trust's public page gives the new review date.
  await rows.first().getByRole('link', { name: title, exact: true }).click();
  await publishing.getByRole('link', { name: 'Web page for Leaf Trust' }).click();
  await admin.getByRole('heading', { name: title, level: 1 }).waitFor();
  const facts = await admin.locator('.policy-facts').evaluate((list) => Object.fromEntries([...list.querySelectorAll('dt')].map((term) => [term.textContent, term.nextElementSibling?.textContent])));
  expect(facts).toMatchObject({ Version: '1.0', 'Review cycle': '1 year', 'Review date': 'Term 2, 2027/28' });
  await expectNoViolations(admin);
});

/** Each row's academy, status and next review. */
function statusesOf(rows: Locator): Promise<string[][]> {
  return rows.evaluateAll((found) => found.map((row) => [...row.querySelectorAll('td')].slice(0, 3).map((cell) => (cell as HTMLElement).innerText)));
}
