import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, baseUrl, usePages } from './support/browser';
import { ADMIN, BOARD_CHAIR, FAR_CHAIR, graphql, signIn, typeAtEndOfClause, waitUntilSaved, oneSectionPolicy } from './support/ratify-pages';

// Issue 5 in the browser: a change goes through Leaf Trust's two-stage route. Its own policy
// (a new title each run), so the other browser tests' policy is left as they expect it.
const open = usePages();

const TWO_STAGE = 'Committee recommends, Trust Board ratifies';

/** A policy with an approved version 1.0 (set up through the API: the default route, the committee's clerk recording it). */
async function policyWithVersionOne(author: Page, admin: Page, title: string): Promise<string> {
  const { createPolicy } = await graphql<{ createPolicy: { id: string } }>(author, 'mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }', {
    input: { title, content: oneSectionPolicy('Introduction', ['The Trust lets its school premises to community groups outside school hours.', 'Every letting is agreed in writing before it starts.']), reviewCycleMonths: 24 },
  });
  const { policy } = await graphql<{ policy: { draft: { id: string; revision: number } } }>(author, 'query($id: ID!) { policy(id: $id) { draft { id revision } } }', { id: createPolicy.id });
  const { submitForApproval } = await graphql<{ submitForApproval: { id: string; contentHash: string } }>(
    author,
    'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id contentHash } }',
    { input: { versionId: policy.draft.id, expectedRevision: policy.draft.revision, changeSummary: 'New policy', changeOrigin: 'TRUST_DECISION', changeKind: 'MAJOR' } },
  );
  await graphql(admin, 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id } }', {
    input: {
      requestId: submitForApproval.id,
      stage: 1,
      contentHash: submitForApproval.contentHash,
      outcome: 'APPROVED',
      decidedOn: '2026-11-02',
      method: 'MEETING',
      minuteReference: 'FAR/26-27/01/3',
      membersPresent: 3,
    },
  });
  return createPolicy.id;
}

/** An approver opens the request from their inbox (the count beside Approvals says it is there). */
async function openFromInbox(page: Page, title: string): Promise<void> {
  const approvals = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Approvals/ });
  await approvals.locator('.count').waitFor();
  await approvals.click();
  await page.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor();
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

async function recordAtMeeting(page: Page, decision: { outcome: string; date: string; minute: string; present: string }): Promise<void> {
  await page.getByLabel(decision.outcome, { exact: true }).check();
  await page.getByLabel('Date of the decision').fill(decision.date);
  await page.getByLabel('At a meeting').check();
  await page.getByLabel('Minute reference').fill(decision.minute);
  await page.getByLabel('Members present').fill(decision.present);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('group', { name: /^Record that / }).getByRole('button', { name: 'Record the decision' }).click();
  await page.getByRole('status').getByText('Your decision is recorded.', { exact: true }).waitFor();
}

it('the operations lead sends a change through the committee and the board: recommended at a meeting, ratified, numbered 2.0 in the history', async () => {
  const title = `Lettings Policy (browser test ${Date.now()})`;
  const words = 'Lettings to groups working with children need the DSL’s agreement.';
  const olivia = await open();
  const alex = await open();
  await signIn(olivia);
  await signIn(alex, ADMIN);
  const policyId = await policyWithVersionOne(olivia, alex, title);

  // The administrator gives the policy the two-stage route, on its page.
  await alex.goto(`${baseUrl()}/policies/${policyId}`);
  await alex.getByRole('heading', { name: title, level: 1 }).waitFor();
  await alex.getByLabel('Who approves this policy').selectOption({ label: TWO_STAGE });
  await alex.getByRole('button', { name: 'Save route' }).click();
  await alex.getByRole('status').getByText(`Saved: ${title} follows ${TWO_STAGE}.`).waitFor();

  // The operations lead edits a clause and sends the draft from the editor.
  await olivia.goto(`${baseUrl()}/policies/${policyId}`);
  await olivia.getByRole('link', { name: `Edit ${title}` }).click();
  await olivia.getByRole('textbox', { name: `Text of ${title}` }).waitFor();
  await typeAtEndOfClause(olivia, 1, ` ${words}`);
  await waitUntilSaved(olivia);
  await olivia.getByRole('button', { name: 'Send for approval' }).click();
  await olivia.getByLabel('What changed').fill('Lettings to groups working with children need the DSL’s agreement');
  await olivia.getByLabel('Legislation or guidance').check();
  await olivia.getByLabel('Major change').check();
  expect(await olivia.locator('#send-kind-MAJOR-hint').innerText()).toMatch(/^It will be version 2\.0/);
  expect(await olivia.locator('.route-preview li').allInnerTexts()).toEqual(['Finance, Audit & Risk Committee approves', 'Trust Board ratifies']);
  await olivia.screenshot({ path: join(ARTIFACTS, 'approval-send.png'), fullPage: true });
  await olivia.getByRole('button', { name: 'Send for approval' }).click();
  await olivia.getByRole('heading', { name: title, level: 1 }).waitFor();
  await olivia.locator('.pending-approval__status').getByText('Awaiting approval by Finance, Audit & Risk Committee').waitFor();

  // The committee's chair finds it, reads the redline and recommends it at a meeting.
  const charles = await open();
  await signIn(charles, FAR_CHAIR);
  await openFromInbox(charles, title);
  expect(await charles.getByRole('heading', { name: 'What changed since version 1.0' }).count()).toBe(1);
  const changed = charles.locator('.redline-clause', { hasText: 'Introduction, clause 2' });
  expect(await changed.locator('.redline-clause__change').innerText()).toBe('Changed');
  expect(await changed.locator('ins').first().innerText()).toContain('Lettings to groups working with children');
  await charles.screenshot({ path: join(ARTIFACTS, 'approval-redline.png'), fullPage: true });
  await recordAtMeeting(charles, { outcome: 'Recommend to Trust Board for ratification', date: '2026-11-18', minute: 'FAR/26-27/02/4', present: '3' });
  await charles.getByText('It is now with Trust Board (stage 2), who have been told.').waitFor();

  await olivia.reload();
  await olivia.locator('.pending-approval__status').getByText('Awaiting ratification by Trust Board').waitFor();
  expect(await olivia.locator('.stage__outcome').allInnerTexts()).toEqual(['Recommended to the next stage', 'Awaiting its decision']);

  // The board's chair ratifies it.
  const beatrice = await open();
  await signIn(beatrice, BOARD_CHAIR);
  await openFromInbox(beatrice, title);
  await recordAtMeeting(beatrice, { outcome: 'Ratify', date: '2026-11-20', minute: 'TB/26-27/02/6', present: '3' });
  await beatrice.getByText('Version 2.0 is now the policy’s current version').waitFor();

  // The policy is version 2.0, and its history says so.
  await olivia.reload();
  await olivia.getByRole('heading', { name: title, level: 1 }).waitFor();
  expect(await olivia.locator('.facts__item', { hasText: 'Version' }).first().locator('dd').innerText()).toBe('2.0');
  expect(await olivia.locator('.pending-approval').count()).toBe(0);
  const row = olivia.getByRole('table', { name: /approved version/ }).getByRole('row', { name: /^2\.0/ });
  expect(await row.locator('td').allInnerTexts()).toEqual(['20 November 2026', 'Lettings to groups working with children need the DSL’s agreement', 'Legislation or guidance', 'Finance, Audit & Risk Committee']);
  await olivia.screenshot({ path: join(ARTIFACTS, 'approval-history.png'), fullPage: true });

  // Any two versions compare with the same redline.
  await olivia.getByRole('button', { name: 'Compare' }).click();
  await olivia.getByRole('heading', { name: 'Changes from version 1.0 to version 2.0', level: 1 }).waitFor();
  expect(await olivia.locator('.redline-clause ins').first().innerText()).toContain('Lettings to groups working with children');
});
