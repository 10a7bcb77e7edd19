/**
 * Email: written to the outbox with the change that causes it, sent through SMTP once that
 * commits, and never sent twice, even with two API instances delivering at once. A real SMTP
 * server (smtp-server, on loopback) receives it.
 */
import type { INestApplication } from '@nestjs/common';
import { policy as document } from '../../../libs/merge/src/testing/policies';
import { Mailer } from '../src/notification/mailer';
import { addMember, asOwner, createTenant, signedInAs, startTestApp, testConfig, type TestTenant } from './support/harness';
import { startSmtpServer, waitFor, type LoopbackSmtp, type ReceivedMail } from './support/smtp';

let smtp: LoopbackSmtp;
let received: ReceivedMail[];
let apps: INestApplication[];
let tenant: TestTenant;

beforeAll(async () => {
  smtp = await startSmtpServer();
  received = smtp.received;
  const config = testConfig({ smtpUrl: smtp.url, publicUrl: 'https://ratify.example' });
  apps = [await startTestApp(config), await startTestApp(config)];
  tenant = await createTenant({ role: 'admin' });
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await smtp.close();
});

it('emails the committee when a draft awaits its decision, once the submission has committed', async () => {
  const admin = await signedInAs(apps[0]!, tenant.email);
  const chair = await addMember(tenant, 'approver', { name: 'Charles Fenwick' });
  const body = await admin.gql<{ saveGovernanceBody: { id: string } }>('mutation ($input: SaveGovernanceBodyInput!) { saveGovernanceBody(input: $input) { id } }', {
    input: { name: 'Finance, Audit & Risk Committee', kind: 'COMMITTEE', members: [{ membershipId: chair.membershipId, position: 'CHAIR' }] },
  });
  await admin.gql('mutation ($input: SaveApprovalRouteInput!) { saveApprovalRoute(input: $input) { id } }', {
    input: { name: 'Committee approves', isDefault: true, stages: [{ bodyId: body.data!.saveGovernanceBody.id, action: 'APPROVE', appliesTo: 'ALL_CHANGES' }] },
  });
  const created = await admin.gql<{ createPolicy: { id: string; draft: { id: string; revision: number } } }>(
    'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id draft { id revision } } }',
    { input: { title: 'Online Safety Policy', content: document([{ id: 's', heading: 'Scope', clauses: [['c', 'This policy applies to all staff.']] }]) } },
  );
  const submitted = await admin.gql<{ submitForApproval: { id: string } }>(
    'mutation ($input: SubmitForApprovalInput!) { submitForApproval(input: $input) { id } }',
    { input: { versionId: created.data!.createPolicy.draft.id, expectedRevision: created.data!.createPolicy.draft.revision, changeSummary: 'New policy', changeOrigin: 'TRUST_DECISION', changeKind: 'MAJOR' } },
  );
  expect(submitted.errors).toBeUndefined();
  const mail = await waitFor(async () => received.filter((entry) => entry.to.includes(chair.email)), (found) => found.length > 0);
  expect(mail).toHaveLength(1);
  expect(mail[0]!.raw).toContain('Subject: Online Safety Policy awaits your decision');
  expect(mail[0]!.raw).toContain(`https://ratify.example/approvals/${submitted.data!.submitForApproval.id}`);
  const row = await asOwner(async (db) => (await db.query(`SELECT sent_at, attempts FROM email_outbox WHERE organisation_id = $1 AND to_address = $2`, [tenant.organisationId, chair.email])).rows);
  expect(row).toEqual([{ sent_at: expect.any(Date), attempts: 1 }]);
});

it('sends each waiting email exactly once when two instances deliver at the same time', async () => {
  const other = await createTenant();
  const addresses = Array.from({ length: 12 }, (_, index) => `reader${index}@${other.slug}.example`);
  await asOwner(async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [other.organisationId]);
    for (const address of addresses) await db.query(`INSERT INTO email_outbox (organisation_id, to_address, subject, body) VALUES ($1, $2, 'Reminder', 'Hello')`, [other.organisationId, address]);
    await db.query('COMMIT');
  });
  const sent = await Promise.all(apps.map((app) => app.get(Mailer).deliver(other.organisationId)));
  expect(sent[0]! + sent[1]!).toBe(12);
  const delivered = received.filter((entry) => addresses.includes(entry.to[0]!)).map((entry) => entry.to[0]);
  expect(delivered.sort()).toEqual([...addresses].sort());
});

it('delivers an invitation’s link to the invitee only: the outbox shows the email with the link hidden', async () => {
  const admin = await signedInAs(apps[0]!, tenant.email);
  const email = `newcomer-${tenant.slug}@example.test`;
  const invited = await admin.gql('mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }', { input: { email, role: 'VIEWER' } });
  expect(invited.errors).toBeUndefined();
  const mail = await waitFor(async () => received.filter((entry) => entry.to.includes(email)), (found) => found.length > 0);
  const token = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail[0]!.raw.replace(/=\r?\n/g, ''))?.[1];
  expect(token).toBeDefined();

  const outbox = await admin.gql<{ outbox: { delivering: boolean; emails: { to: string; body: string }[] } }>('{ outbox { delivering emails { to body } } }');
  const shown = outbox.data!.outbox.emails.find((entry) => entry.to === email)!;
  expect(outbox.data!.outbox.delivering).toBe(true);
  expect(shown.body).toContain('https://ratify.example/invitations/(link sent to the invitee only)');
  expect(shown.body).not.toContain(token);
});
