/** Steps a person takes in Ratify, shared by the browser tests. */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { baseUrl } from './browser';

/** A demo account, and the heading of the page their work is on (where signing in takes them). */
export interface Person {
  email: string;
  password: string;
  home: 'Policies' | 'Approvals' | 'Reviews';
}

export const AUTHOR: Person = { email: 'ops.lead@leaftrust.example', password: 'ratify-demo', home: 'Policies' };
export const ADMIN: Person = { email: 'admin@leaftrust.example', password: 'ratify-demo', home: 'Reviews' };

/** Signs in from `/` and waits for the person's home (`homeFor` in the web app). */
export async function signIn(page: Page, person: Person = AUTHOR): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: person.home, level: 1 }).waitFor();
}

/** Opens a page from the main navigation and waits for its heading. */
export async function openFromNavigation(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** The editing region of the editor page. */
export function editorRegion(page: Page, title: string): Locator {
  return page.getByRole('textbox', { name: `Text of ${title}` });
}

/** From the policies page: open the policy, choose Edit, wait for the editor. */
export async function openEditor(page: Page, title: string): Promise<Locator> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  await page.getByRole('link', { name: `Edit ${title}` }).click();
  const editor = editorRegion(page, title);
  await editor.waitFor();
  return editor;
}

/** The n-th clause of the document in the editor (0-based). */
export function clause(page: Page, index: number): Locator {
  return page.locator('.ProseMirror .clause').nth(index);
}

/**
 * Puts the caret at the end of the n-th clause, as clicking after its last word would, then types.
 * (Keyboard End only reaches the end of a visual line.)
 */
export async function typeAtEndOfClause(page: Page, index: number, text: string): Promise<void> {
  await page.locator('.ProseMirror').focus();
  await page.evaluate((n) => {
    const target = document.querySelectorAll('.ProseMirror .clause')[n]?.querySelector('.clause__body > :last-child');
    if (!target) throw new Error(`No clause ${n}`);
    const range = document.createRange();
    range.selectNodeContents(target.matches('ul') ? target.querySelector('li:last-child p') ?? target : target);
    range.collapse(false);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, index);
  await page.keyboard.type(text);
}

/** The editor's save status, once it says the text is on the server. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await page.locator('.save-status').getByText(/^Saved at \d\d:\d\d$/).waitFor({ timeout: 15_000 });
}

export const FAR_CHAIR: Person = { email: 'chair.far@leaftrust.example', password: 'ratify-demo', home: 'Approvals' };
export const BOARD_CHAIR: Person = { email: 'chair.board@leaftrust.example', password: 'ratify-demo', home: 'Approvals' };

/**
 * Runs a GraphQL operation as the person signed in on the page (their session cookie), for
 * setting up what a test needs but does not test. Throws on any error.
 */
export async function graphql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ({ query, variables }) => {
      const response = await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    },
    { query, variables },
  );
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data as T;
}

export const WILLOW_HEAD: Person = { email: 'head.willow@leaftrust.example', password: 'ratify-demo', home: 'Policies' };
/** A professional clerk administering Leaf Trust (where she starts, until she switches) and LiFE Multi Academy Trust. */
export const JO_CLARKE: Person = { email: 'jo.clarke@governorservices.example', password: 'ratify-demo', home: 'Reviews' };

/**
 * Gives a policy with a draft an approved version (through the API, as approval.e2e.ts does): the
 * author submits the draft on the default route and the committee's clerk (the administrator)
 * records its approval at a meeting on `decidedOn` (an earlier date makes a policy whose review is
 * already overdue).
 */
export async function approveDraftThroughApi(author: Page, admin: Page, policyId: string, decidedOn = '2026-11-02'): Promise<void> {
  const { policy } = await graphql<{ policy: { draft: { id: string; revision: number } } }>(author, 'query($id: ID!) { policy(id: $id) { draft { id revision } } }', { id: policyId });
  const { submitForApproval } = await graphql<{ submitForApproval: { id: string; contentHash: string } }>(
    author,
    'mutation($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id contentHash } }',
    { input: { versionId: policy.draft.id, expectedRevision: policy.draft.revision, changeSummary: 'Adopted from the model policy', changeOrigin: 'TRUST_DECISION', changeKind: 'MAJOR' } },
  );
  await graphql(admin, 'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { id } }', {
    input: { requestId: submitForApproval.id, stage: 1, contentHash: submitForApproval.contentHash, outcome: 'APPROVED', decidedOn, method: 'MEETING', minuteReference: 'FAR/26-27/01/5', membersPresent: 3 },
  });
}

/** A clause's words: plain text, or text and variables (`{ variable: 'school.dslName' }`) in turn. */
export type ClauseWords = string | (string | { variable: string })[];

/** A policy document of one section with the given clauses (fresh ids each time), for set-up through the API. */
export function oneSectionPolicy(heading: string, clauses: ClauseWords[]): Record<string, unknown> {
  const inline = (part: string | { variable: string }) => (typeof part === 'string' ? { type: 'text', text: part } : { type: 'variable', attrs: { name: part.variable } });
  const clause = (words: ClauseWords) => ({ type: 'clause', attrs: { clauseId: randomUUID() }, content: [{ type: 'paragraph', content: (typeof words === 'string' ? [words] : words).map(inline) }] });
  return {
    type: 'doc',
    content: [{ type: 'section', attrs: { sectionId: randomUUID() }, content: [{ type: 'sectionHeading', content: [{ type: 'text', text: heading }] }, ...clauses.map(clause)] }],
  };
}

/** axe-core finds no WCAG 2.2 AA violation on the page as it is now (the page's context must bypass its CSP). */
export async function expectNoViolations(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Signs in from `/`, checking the sign-in page and the person's home with axe-core. */
export async function signInChecked(page: Page, person: Person): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
  await expectNoViolations(page);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: person.home, level: 1 }).waitFor();
  await expectNoViolations(page);
}

/**
 * Publishes a policy's approved version for the trust and every academy (through the API, as the
 * administrator signed in on the page) and waits until every copy is public.
 */
export async function publishThroughApi(admin: Page, policyId: string): Promise<void> {
  const { publishPolicy } = await graphql<{ publishPolicy: { id: string } }>(admin, 'mutation($input: PublishPolicyInput!) { publishPolicy(input: $input) { id } }', { input: { policyId } });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { publishJob } = await graphql<{ publishJob: { status: string; failed: number } }>(admin, 'query($id: ID!) { publishJob(id: $id) { status failed } }', { id: publishPolicy.id });
    if (publishJob.status === 'DONE' && publishJob.failed === 0) return;
    if (publishJob.status === 'DONE' || publishJob.status === 'FAILED' || Date.now() > deadline) throw new Error(`Publishing did not finish: ${JSON.stringify(publishJob)}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
