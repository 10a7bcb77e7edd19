/**
 * Journey 2 (the user guide's second section): the operations lead changes a clause and sends the
 * draft for approval; the Finance, Audit & Risk Committee's chair lands on their approvals inbox,
 * opens the request, reads the redline and approves it as decided at a meeting (minute reference
 * and date); the policy then has its new version and a row in its history. Controls are found by
 * label and role only; every page on the way has no WCAG 2.2 AA violation; the pictures are the
 * guide's.
 */
import { join } from 'node:path';
import { GUIDE_IMAGES, usePages } from '../support/browser';
import { ADMIN, AUTHOR, FAR_CHAIR, approveDraftThroughApi, editorRegion, graphql, typeAtEndOfClause, waitUntilSaved, expectNoViolations, oneSectionPolicy, signIn, signInChecked } from '../support/ratify-pages';

const open = usePages({ bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });

it('the operations lead sends a change for approval; the committee chair reads the redline and approves it at a meeting; the policy is version 2.0', async () => {
  const title = 'Visitors Policy';
  const words = 'Contractors are escorted unless the school holds their DBS check.';

  // Not what this journey is about: a policy with an approved version 1.0, set up through the API.
  const olivia = await open();
  const alex = await open();
  await signIn(olivia, AUTHOR);
  await signIn(alex, ADMIN);
  const { createPolicy } = await graphql<{ createPolicy: { id: string } }>(olivia, 'mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }', {
    input: { title, content: oneSectionPolicy('Introduction', ['Every visitor signs in at the school office and wears a visitor’s badge.', 'Visitors who will be left alone with pupils need a DBS check.']), reviewCycleMonths: 24 },
  });
  await approveDraftThroughApi(olivia, alex, createPolicy.id);
  await olivia.getByRole('button', { name: 'Sign out' }).click();
  await olivia.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();

  // The operations lead changes a clause and sends the draft for approval.
  await signInChecked(olivia, AUTHOR);
  await olivia.getByRole('link', { name: title, exact: true }).click();
  await olivia.getByRole('heading', { name: title, level: 1 }).waitFor();
  await expectNoViolations(olivia);
  await olivia.getByRole('link', { name: `Edit ${title}` }).click();
  await editorRegion(olivia, title).waitFor();
  await typeAtEndOfClause(olivia, 1, ` ${words}`);
  await waitUntilSaved(olivia);
  await expectNoViolations(olivia);
  await olivia.getByRole('button', { name: 'Send for approval' }).click();
  await olivia.getByLabel('What changed').fill('Contractors are escorted unless we hold their DBS check');
  await olivia.getByLabel('Legislation or guidance').check();
  await olivia.getByLabel('Major change').check();
  await expectNoViolations(olivia);
  await olivia.getByRole('button', { name: 'Send for approval' }).click();
  await olivia.getByRole('heading', { name: title, level: 1 }).waitFor();
  await olivia.getByText('Awaiting approval by Finance, Audit & Risk Committee').waitFor();
  await expectNoViolations(olivia);

  // The committee's chair signs in to their approvals inbox and opens the request.
  const charles = await open();
  await signInChecked(charles, FAR_CHAIR);
  const request = charles.getByRole('link', { name: title });
  await request.waitFor();
  await charles.screenshot({ path: join(GUIDE_IMAGES, '04-inbox.png') });
  await request.click();
  await charles.getByRole('heading', { name: title, level: 1 }).waitFor();
  const redline = charles.getByRole('heading', { name: 'What changed since version 1.0' });
  await redline.waitFor();
  await expectNoViolations(charles);
  const inserted = charles.locator('ins').filter({ hasText: 'Contractors are escorted' }).first();
  expect(await inserted.innerText()).toContain('Contractors are escorted');
  await inserted.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await charles.screenshot({ path: join(GUIDE_IMAGES, '05-redline.png') });

  // They record the committee's approval at its meeting.
  await charles.getByLabel('Approve', { exact: true }).check();
  await charles.getByLabel('Date of the decision').fill('2026-11-19');
  await charles.getByLabel('At a meeting').check();
  await charles.getByLabel('Minute reference').fill('FAR/26-27/03/2');
  await charles.getByLabel('Members present').fill('3');
  await expectNoViolations(charles);
  await charles.getByLabel('Date of the decision').evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await charles.screenshot({ path: join(GUIDE_IMAGES, '06-decision.png') });
  await charles.getByRole('button', { name: 'Continue' }).click();
  const confirm = charles.getByRole('group', { name: /^Record that / });
  await confirm.waitFor();
  await expectNoViolations(charles);
  await confirm.getByRole('button', { name: 'Record the decision' }).click();
  await charles.getByRole('status').getByText('Your decision is recorded.', { exact: true }).waitFor();
  await charles.getByText('Version 2.0 is now the policy’s current version').waitFor();
  await expectNoViolations(charles);

  // The policy is version 2.0, and its history has the row.
  await olivia.reload();
  await olivia.getByRole('heading', { name: title, level: 1 }).waitFor();
  const row = olivia.getByRole('table', { name: /approved version/ }).getByRole('row', { name: /^2\.0/ });
  expect(await row.locator('td').allInnerTexts()).toEqual(['19 November 2026', 'Contractors are escorted unless we hold their DBS check', 'Legislation or guidance', 'Finance, Audit & Risk Committee']);
  expect(await olivia.getByRole('article', { name: title }).innerText()).toContain(words);
  await expectNoViolations(olivia);
});
