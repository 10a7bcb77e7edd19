/**
 * Adding someone to the trust, all in the browser: the administrator invites a new member of
 * staff from Settings → People; without a mail server the email waits in the outbox, where its
 * link is; the newcomer opens it, chooses a name and a password, and starts in Ratify as what
 * they were invited as. Every page on the way has no WCAG 2.2 AA violation.
 */
import { baseUrl, usePages } from './support/browser';
import { ADMIN, expectNoViolations, openFromNavigation, signIn } from './support/ratify-pages';

const open = usePages({ bypassCSP: true });

it('the administrator invites a publisher for Rowan Primary Academy; the newcomer follows the link, creates an account and starts on Policies', async () => {
  const email = 'office.rowan@leaftrust.example';

  const alex = await open();
  await signIn(alex, ADMIN);
  await openFromNavigation(alex, 'Settings');
  await alex.getByRole('link', { name: 'People' }).click();
  await alex.getByRole('heading', { name: 'People', level: 1 }).waitFor();
  await expectNoViolations(alex);
  await alex.getByRole('button', { name: 'Invite someone' }).click();
  await alex.getByLabel('Email address').fill(email);
  await alex.getByLabel('Role').selectOption('PUBLISHER');
  await alex.getByLabel('Where they work').selectOption({ label: 'Rowan Primary Academy' });
  await alex.getByRole('button', { name: 'Send the invitation' }).click();
  const pending = alex.getByRole('table', { name: /Invitations not yet accepted/ }).getByRole('row', { name: new RegExp(email) });
  await pending.waitFor();
  expect(await pending.innerText()).toContain('Rowan Primary Academy');
  await expectNoViolations(alex);

  // No mail server here: the email waits in the outbox, link and all.
  await openFromNavigation(alex, 'Settings');
  await alex.getByRole('link', { name: 'Email outbox' }).click();
  await alex.getByRole('heading', { name: 'Email outbox', level: 1 }).waitFor();
  const row = alex.getByRole('row', { name: new RegExp(email) });
  await row.getByText('Alex Turner invited you to join Leaf Trust on Ratify', { exact: true }).click();
  const body = await row.innerText();
  const link = /(\/invitations\/[A-Za-z0-9_-]+)/.exec(body)?.[1];
  expect(link).toBeDefined();

  // The newcomer, in their own browser, accepts.
  const newcomer = await open();
  await newcomer.goto(`${baseUrl()}${link}`);
  await newcomer.getByRole('heading', { name: 'Join Leaf Trust', level: 1 }).waitFor();
  expect(await newcomer.getByRole('main').innerText()).toContain('Rowan Primary Academy');
  await expectNoViolations(newcomer);
  await newcomer.getByLabel('Your name').fill('Rita Patel');
  await newcomer.getByLabel('Choose a password').fill('rowan office keys 2026');
  await newcomer.getByRole('button', { name: 'Create my account and join' }).click();
  await newcomer.getByRole('heading', { name: 'Policies', level: 1 }).waitFor();
  expect(await newcomer.getByRole('banner').innerText()).toContain('Rita Patel');
  await expectNoViolations(newcomer);

  // The link worked once: opening it again says it cannot be used.
  await newcomer.goto(`${baseUrl()}${link}`);
  await newcomer.getByRole('heading', { name: 'This invitation cannot be used', level: 1 }).waitFor();

  // The administrator sees Rita among the people, at Rowan, as a publisher.
  await alex.goto(`${baseUrl()}/settings/people`);
  const member = alex.getByRole('row', { name: /Rita Patel/ });
  await member.waitFor();
  expect(await member.innerText()).toMatch(/office\.rowan@leaftrust\.example\s+Publisher\s+Rowan Primary Academy/);
});
