/**
 * Review reminders are sent exactly once, even by two API instances on the same database at
 * the same time, both through the pg-boss queue and by calling the sweep directly. A real SMTP
 * server on loopback receives the email.
 */
import type { INestApplication } from '@nestjs/common';
import { JobQueue } from '../src/jobs/job-queue';
import { ReminderService } from '../src/review/reminder.service';
import { addMember, asOwner, createTenant, signedInAs, startTestApp, testConfig, type TestTenant } from './support/harness';
import { startSmtpServer, waitFor, type LoopbackSmtp, type ReceivedMail } from './support/smtp';

let smtp: LoopbackSmtp;
let received: ReceivedMail[];
let apps: INestApplication[];

beforeAll(async () => {
  smtp = await startSmtpServer();
  received = smtp.received;
  // Both instances run queue workers (not the schedules: a test never waits for 7 o'clock).
  const config = testConfig({ smtpUrl: smtp.url, jobs: 'worker' });
  apps = [await startTestApp(config), await startTestApp(config)];
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await smtp.close();
});

/** A tenant with an owner and an admin, and its policy due on `dueOn` (today is 21 November 2026). */
async function dueTenant(dueOn: string): Promise<{ tenant: TestTenant; owner: string; admin: string }> {
  const tenant = await createTenant();
  const owner = await addMember(tenant, 'author', { name: 'Olivia Grant' });
  const admin = await addMember(tenant, 'admin', { name: 'Alex Turner' });
  await asOwner((db) => db.query(`UPDATE policy SET next_review_on = $2, owner_id = $3 WHERE id = $1`, [tenant.policyId, dueOn, owner.membershipId]));
  return { tenant, owner: owner.email, admin: admin.email };
}

async function reminderRows(tenant: TestTenant): Promise<{ reminder_key: string; recipients: number }[]> {
  return asOwner(async (db) => (await db.query(`SELECT reminder_key, recipients FROM review_reminder WHERE organisation_id = $1 ORDER BY reminder_key`, [tenant.organisationId])).rows);
}

it('sends each due reminder once when two instances run the sweep at the same moment', async () => {
  const { tenant, owner, admin } = await dueTenant('2026-12-11');
  const sweeps = apps.flatMap((app) => [app.get(ReminderService), app.get(ReminderService)]).map((service) => service.sendDue({ organisationIds: [tenant.organisationId] }));
  const sent = await Promise.all(sweeps);
  expect(sent.reduce((sum, count) => sum + count, 0)).toBe(1);
  expect(await reminderRows(tenant)).toEqual([{ reminder_key: 'ahead:30:2026-12-11', recipients: 2 }]);
  const mine = await waitFor(
    async () => received.filter((mail) => mail.to.some((to) => [owner, admin].includes(to))),
    (mail) => mail.length >= 2,
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(received.filter((mail) => mail.to.some((to) => [owner, admin].includes(to))).map((mail) => mail.to[0]).sort()).toEqual([admin, owner].sort());
  expect(mine[0]!.subject).toMatch(/^Review due in 20 days: Social Media Policy of trust-[0-9a-f]+ \(by 11 December 2026\)$/);
  const client = await signedInAs(apps[1]!, owner);
  const notifications = await client.gql<{ notifications: { message: string; link: string }[] }>('{ notifications { message link } }');
  expect(notifications.data?.notifications).toEqual([{ message: expect.stringMatching(/^Review due in 20 days/), link: `/policies/${tenant.policyId}` }]);
  // The next day's sweep finds nothing new to say.
  expect(await apps[0]!.get(ReminderService).sendDue({ organisationIds: [tenant.organisationId] })).toBe(0);
});

it('runs as a pg-boss job: queued from both instances, one worker sends the overdue reminder once', async () => {
  const { tenant, owner } = await dueTenant('2026-11-01');
  await Promise.all(apps.map((app) => app.get(JobQueue).runSoon('review-reminders', { organisationIds: [tenant.organisationId] })));
  const rows = await waitFor(() => reminderRows(tenant), (value) => value.length > 0);
  expect(rows).toEqual([{ reminder_key: 'overdue:2:2026-11-01', recipients: 2 }]);
  const mail = await waitFor(
    async () => received.filter((message) => message.to.includes(owner)),
    (value) => value.length > 0,
  );
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(received.filter((message) => message.to.includes(owner))).toHaveLength(1);
  expect(mail[0]!.subject).toMatch(/^Review overdue by 2 weeks: .* \(was due 1 November 2026\)$/);
  expect(await reminderRows(tenant)).toHaveLength(1);
});
