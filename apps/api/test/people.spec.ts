/**
 * People and invitations through the API: an admin invites by email (the link arrives in the
 * outbox), the invitee accepts as someone new (and is signed in) or as an existing person (signed
 * in as that email); links are single-use, expire and are replaced when sent again; roles and
 * academies change and people are removed, never leaving the organisation without an admin;
 * only admins may do any of it, and only in their own organisation.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import {
  addMember,
  asOwner,
  asRuntime,
  createTenant,
  signedInAs,
  startTestApp,
  testConfig,
  TestClient,
  type GraphQLResponse,
  type TestTenant,
} from './support/harness';

const UNUSABLE = 'This invitation link has expired or was already used. Ask the person who invited you to send a new one.';

const PEOPLE = `{ people {
  members { membershipId person { id displayName email } role school { id name } joinedAt }
  invitations { id email role school { id name } invitedBy { name } sentAt expiresAt expired } } }`;
const INVITE = 'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id email role school { id } invitedBy { name } sentAt expiresAt expired } }';
const RESEND = 'mutation ($id: ID!) { resendInvitation(id: $id) { id sentAt } }';
const CANCEL = 'mutation ($id: ID!) { cancelInvitation(id: $id) }';
const UPDATE = 'mutation ($input: UpdateMembershipInput!) { updateMembership(input: $input) { membershipId role school { id } } }';
const REMOVE = 'mutation ($id: ID!) { removeMembership(membershipId: $id) }';
const FACTS = 'query ($token: String!) { invitation(token: $token) { organisationName role schoolName email } }';
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) {
  person { email displayName } activeMembership { role organisation { id } school { id } } memberships { id } } }`;
const ME = '{ me { person { email } activeMembership { id role } memberships { id } } }';

interface Invited {
  id: string;
  email: string;
  role: string;
  school: { id: string } | null;
  invitedBy: { name: string } | null;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
}

let app: INestApplication;
let tenant: TestTenant;
let admin: TestClient;

beforeAll(async () => {
  app = await startTestApp(testConfig({ publicUrl: 'https://ratify.example' }));
  tenant = await createTenant({ role: 'admin' });
  admin = await signedInAs(app, tenant.email);
});
afterAll(() => app.close());

const newEmail = () => `invitee-${randomBytes(4).toString('hex')}@example.test`;
const code = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

async function invite(client: TestClient, input: Record<string, unknown>): Promise<Invited> {
  const result = await client.gql<{ inviteMember: Invited }>(INVITE, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.inviteMember;
}

/** The newest invitation email to the address, and the token in its link. */
async function emailTo(organisationId: string, to: string): Promise<{ subject: string; body: string; token: string }> {
  const [row] = await asOwner(
    async (db) => (await db.query(`SELECT subject, body FROM email_outbox WHERE organisation_id = $1 AND to_address = $2 ORDER BY created_at DESC, id DESC LIMIT 1`, [organisationId, to])).rows,
  );
  const token = /https:\/\/ratify\.example\/invitations\/([A-Za-z0-9_-]{43})$/m.exec(row.body)?.[1];
  if (!token) throw new Error(`no invitation link in: ${row.body}`);
  return { subject: row.subject, body: row.body, token };
}

/** Everything a people change could touch in an organisation, to prove that nothing did. */
async function footprint(organisationId: string) {
  return asOwner(async (db) => {
    const { rows } = await db.query(
      `SELECT (SELECT json_agg(json_build_object('id', id, 'role', role, 'school', school_id, 'person', person_id) ORDER BY id) FROM membership WHERE organisation_id = $1) AS memberships,
              (SELECT json_agg(json_build_object('id', id, 'role', role, 'school', school_id, 'token', encode(token_hash, 'hex'), 'cancelled', cancelled_at, 'accepted', accepted_at) ORDER BY id)
                 FROM invitation WHERE organisation_id = $1) AS invitations,
              (SELECT count(*)::int FROM audit_event WHERE organisation_id = $1) AS events,
              (SELECT count(*)::int FROM email_outbox WHERE organisation_id = $1) AS emails,
              (SELECT count(*)::int FROM person) AS people`,
      [organisationId],
    );
    return rows[0];
  });
}

const auditActions = (organisationId: string) =>
  asOwner(async (db) => (await db.query(`SELECT action, actor_id, details FROM audit_event WHERE organisation_id = $1 ORDER BY seq`, [organisationId])).rows);

describe('inviting', () => {
  it('emails a single-use link whose token shows the invitation, and lists the invitation as pending', async () => {
    const email = newEmail();
    const invited = await invite(admin, { email: `  ${email.toUpperCase()} `, role: 'PUBLISHER', schoolId: tenant.schoolId });
    expect(invited).toMatchObject({ email, role: 'PUBLISHER', school: { id: tenant.schoolId }, invitedBy: { name: `Person ${tenant.slug}` }, expired: false });
    expect(new Date(invited.expiresAt).getTime() - new Date(invited.sentAt).getTime()).toBe(14 * 24 * 60 * 60 * 1000);

    const mail = await emailTo(tenant.organisationId, email);
    expect(mail.subject).toBe(`Person ${tenant.slug} invited you to join Trust ${tenant.slug} on Ratify`);
    expect(mail.body).toContain(`You are invited as a publisher at School ${tenant.schoolSlug}.`);
    const stored = await asOwner(async (db) => (await db.query(`SELECT encode(token_hash, 'hex') AS hash FROM invitation WHERE id = $1`, [invited.id])).rows[0].hash);
    expect(stored).toBe(createHash('sha256').update(mail.token).digest('hex'));
    expect(stored).not.toContain(mail.token);

    const facts = await new TestClient(app).gql(FACTS, { token: mail.token });
    expect(facts.data).toEqual({ invitation: { organisationName: `Trust ${tenant.slug}`, role: 'PUBLISHER', schoolName: `School ${tenant.schoolSlug}`, email } });

    const people = await admin.gql<{ people: { invitations: Invited[] } }>(PEOPLE);
    expect(people.data!.people.invitations).toEqual(expect.arrayContaining([expect.objectContaining({ id: invited.id, email, role: 'PUBLISHER', school: { id: tenant.schoolId, name: `School ${tenant.schoolSlug}` } })]));
    expect(await auditActions(tenant.organisationId)).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'invitation.sent', details: expect.objectContaining({ invitationId: invited.id }) })]));
  });

  it('sends a pending invitation again instead of duplicating it: the old link stops working', async () => {
    const email = newEmail();
    const first = await invite(admin, { email, role: 'VIEWER' });
    const oldToken = (await emailTo(tenant.organisationId, email)).token;
    const second = await invite(admin, { email, role: 'AUTHOR' });
    expect(second.id).toBe(first.id);
    expect(second.role).toBe('AUTHOR');
    const newToken = (await emailTo(tenant.organisationId, email)).token;
    expect(newToken).not.toBe(oldToken);

    const anyone = new TestClient(app);
    const old = await anyone.gql(FACTS, { token: oldToken });
    expect(old.errors).toEqual([expect.objectContaining({ message: UNUSABLE, extensions: { code: 'NOT_FOUND' } })]);
    expect((await anyone.gql(FACTS, { token: newToken })).data).toMatchObject({ invitation: { role: 'AUTHOR', email } });

    const resent = await admin.gql<{ resendInvitation: { id: string } }>(RESEND, { id: first.id });
    expect(resent.errors).toBeUndefined();
    const third = (await emailTo(tenant.organisationId, email)).token;
    expect(code(await anyone.gql(FACTS, { token: newToken }))).toBe('NOT_FOUND');
    expect((await anyone.gql(FACTS, { token: third })).data).toMatchObject({ invitation: { email } });
    const rows = await asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM invitation WHERE organisation_id = $1 AND email = $2`, [tenant.organisationId, email])).rows[0].n);
    expect(rows).toBe(1);
  });

  it('keeps one pending invitation when two admins invite the same email at the same moment', async () => {
    const second = await signedInAs(app, (await addMember(tenant, 'admin')).email);
    const email = newEmail();
    const results = await Promise.all([admin, second].map((client) => client.gql(INVITE, { input: { email, role: 'VIEWER' } })));
    expect(results.map((result) => code(result) ?? 'OK').sort()).toEqual(expect.arrayContaining(['OK']));
    expect(results.every((result) => !result.errors || code(result) === 'CONFLICT')).toBe(true);
    const rows = await asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM invitation WHERE organisation_id = $1 AND email = $2`, [tenant.organisationId, email])).rows[0].n);
    expect(rows).toBe(1);
  });

  it('cancels a pending invitation: the link stops working and it leaves the list', async () => {
    const email = newEmail();
    const invited = await invite(admin, { email, role: 'VIEWER' });
    const { token } = await emailTo(tenant.organisationId, email);
    expect((await admin.gql(CANCEL, { id: invited.id })).data).toEqual({ cancelInvitation: true });
    expect((await new TestClient(app).gql(FACTS, { token })).errors?.[0]?.message).toBe(UNUSABLE);
    const people = await admin.gql<{ people: { invitations: Invited[] } }>(PEOPLE);
    expect(people.data!.people.invitations.map((row) => row.id)).not.toContain(invited.id);
    expect(code(await admin.gql(CANCEL, { id: invited.id }))).toBe('NOT_FOUND');
    expect(code(await admin.gql(RESEND, { id: invited.id }))).toBe('NOT_FOUND');
  });

  it('refuses to invite someone who is already a member, and writes nothing', async () => {
    const member = await addMember(tenant, 'author');
    const before = await footprint(tenant.organisationId);
    const result = await admin.gql(INVITE, { input: { email: member.email, role: 'VIEWER' } });
    expect(result.errors).toEqual([expect.objectContaining({ message: `${member.email} is already a member. Change their role in the list of people instead.`, extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
    expect(await footprint(tenant.organisationId)).toEqual(before);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email', role: 'VIEWER' }],
    ['an oversize email', { email: `${'a'.repeat(250)}@example.test`, role: 'VIEWER' }],
    ['an unknown role', { email: 'someone@example.test', role: 'OWNER' }],
    ["another trust's academy", { email: 'someone@example.test', role: 'PUBLISHER', schoolId: 'other' }],
    ['an id that is no academy at all', { email: 'someone@example.test', role: 'PUBLISHER', schoolId: '00000000-0000-4000-8000-000000000000' }],
    ['an admin at an academy', { email: 'someone@example.test', role: 'ADMIN', schoolId: 'own' }],
    ['a field that does not exist', { email: 'someone@example.test', role: 'VIEWER', organisationId: 'x' }],
  ] as [string, Record<string, string>][])('refuses %s with BAD_USER_INPUT and writes nothing', async (_what, input) => {
    const other = await createTenant();
    const schoolId = input.schoolId === 'other' ? other.schoolId : input.schoolId === 'own' ? tenant.schoolId : input.schoolId;
    const before = await footprint(tenant.organisationId);
    const result = await admin.gql(INVITE, { input: { ...input, schoolId } });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(await footprint(tenant.organisationId)).toEqual(before);
  });
});

describe('accepting', () => {
  it('makes an account for someone new, signs them in, and lets them sign in with the password later', async () => {
    const email = newEmail();
    await invite(admin, { email, role: 'PUBLISHER', schoolId: tenant.schoolId });
    const { token } = await emailTo(tenant.organisationId, email);
    const invitee = new TestClient(app);

    const accepted = await invitee.gql(ACCEPT, { input: { token, displayName: '  Priya Shah ', password: 'a long enough password' } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data).toEqual({
      acceptInvitation: {
        person: { email, displayName: 'Priya Shah' },
        activeMembership: { role: 'PUBLISHER', organisation: { id: tenant.organisationId }, school: { id: tenant.schoolId } },
        memberships: [{ id: expect.any(String) }],
      },
    });
    expect(accepted.cookies.find((cookie) => cookie.startsWith('ratify_session='))).toMatch(/HttpOnly/);
    expect((await invitee.gql(ME)).data).toMatchObject({ me: { person: { email }, activeMembership: { role: 'PUBLISHER' } } });

    const stored = await asOwner(
      async (db) =>
        (await db.query(`SELECT m.role, m.school_id, m.organisation_id FROM membership m JOIN person p ON p.id = m.person_id WHERE p.email = $1`, [email])).rows,
    );
    expect(stored).toEqual([{ role: 'publisher', school_id: tenant.schoolId, organisation_id: tenant.organisationId }]);
    const later = new TestClient(app);
    await later.signIn(email, 'a long enough password');
    expect((await later.gql(ME)).data).toMatchObject({ me: { person: { email } } });

    const events = await auditActions(tenant.organisationId);
    expect(events.at(-1)).toMatchObject({ action: 'invitation.accepted', details: { newAccount: true } });

    // Single use: the same link again, signed in or not, gets the one message.
    const again = await new TestClient(app).gql(ACCEPT, { input: { token, displayName: 'Someone', password: 'another long password' } });
    expect(again.errors).toEqual([expect.objectContaining({ message: UNUSABLE, extensions: { code: 'NOT_FOUND' } })]);
    expect(code(await invitee.gql(ACCEPT, { input: { token } }))).toBe('NOT_FOUND');
  });

  it('asks someone new for a name and a password of at least 12 characters, and makes nothing without them', async () => {
    const email = newEmail();
    await invite(admin, { email, role: 'VIEWER' });
    const { token } = await emailTo(tenant.organisationId, email);
    const before = await footprint(tenant.organisationId);
    const client = new TestClient(app);
    for (const input of [
      { token },
      { token, displayName: 'Priya Shah', password: 'too short' },
      { token, displayName: 'x'.repeat(121), password: 'a long enough password' },
      { token, displayName: '   ', password: 'a long enough password' },
    ]) {
      expect(code(await client.gql(ACCEPT, { input }))).toBe('BAD_USER_INPUT');
    }
    expect(await footprint(tenant.organisationId)).toEqual(before);
    expect((await client.gql(FACTS, { token })).data).toMatchObject({ invitation: { email } });
  });

  it('adds an existing person once they are signed in as the invited email, and refuses anyone else', async () => {
    const other = await createTenant({ role: 'author' });
    await invite(admin, { email: other.email, role: 'APPROVER' });
    const { token } = await emailTo(tenant.organisationId, other.email);
    const stranger = await addMember(await createTenant(), 'author');
    const before = await footprint(tenant.organisationId);

    const signedOut = await new TestClient(app).gql(ACCEPT, { input: { token, displayName: 'Impostor', password: 'a long enough password' } });
    expect(signedOut.errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', details: { reason: 'ACCOUNT_EXISTS' } } })]);

    const wrong = await (await signedInAs(app, stranger.email)).gql(ACCEPT, { input: { token } });
    expect(wrong.errors).toEqual([
      expect.objectContaining({ message: `This invitation is for ${other.email}, but you are signed in as ${stranger.email}. Sign out, then open the link again.`, extensions: { code: 'FORBIDDEN', details: { reason: 'WRONG_PERSON' } } }),
    ]);
    expect(await footprint(tenant.organisationId)).toEqual(before);

    const invitee = await signedInAs(app, other.email);
    const accepted = await invitee.gql<{ acceptInvitation: { activeMembership: { role: string; organisation: { id: string } }; memberships: unknown[] } }>(ACCEPT, { input: { token } });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptInvitation.activeMembership).toEqual({ role: 'APPROVER', organisation: { id: tenant.organisationId }, school: null });
    expect(accepted.data!.acceptInvitation.memberships).toHaveLength(2);
    expect((await invitee.gql(ME)).data).toMatchObject({ me: { activeMembership: { role: 'APPROVER' } } });
  });

  it('gives the same answer for an expired, an unknown and a malformed link', async () => {
    const email = newEmail();
    const invited = await invite(admin, { email, role: 'VIEWER' });
    const { token } = await emailTo(tenant.organisationId, email);
    await asOwner((db) => db.query(`UPDATE invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [invited.id]));
    const before = await footprint(tenant.organisationId);

    const client = new TestClient(app);
    for (const candidate of [token, randomBytes(32).toString('base64url'), 'not-a-token']) {
      expect((await client.gql(FACTS, { token: candidate })).errors).toEqual([expect.objectContaining({ message: UNUSABLE, extensions: { code: 'NOT_FOUND' } })]);
      expect((await client.gql(ACCEPT, { input: { token: candidate, displayName: 'Late', password: 'a long enough password' } })).errors).toEqual([
        expect.objectContaining({ message: UNUSABLE, extensions: { code: 'NOT_FOUND' } }),
      ]);
    }
    expect(await footprint(tenant.organisationId)).toEqual(before);
    const listed = await admin.gql<{ people: { invitations: Invited[] } }>(PEOPLE);
    expect(listed.data!.people.invitations.find((row) => row.id === invited.id)).toMatchObject({ expired: true });
  });
});

describe('changing and removing memberships', () => {
  it('changes a role and an academy, and refuses an academy of another trust', async () => {
    const member = await addMember(tenant, 'author');
    const changed = await admin.gql(UPDATE, { input: { membershipId: member.membershipId, role: 'PUBLISHER', schoolId: tenant.schoolId } });
    expect(changed.data).toEqual({ updateMembership: { membershipId: member.membershipId, role: 'PUBLISHER', school: { id: tenant.schoolId } } });
    expect(await auditActions(tenant.organisationId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'membership.changed', details: expect.objectContaining({ membershipId: member.membershipId, to: { role: 'publisher', schoolId: tenant.schoolId } }) })]),
    );

    const other = await createTenant();
    const before = await footprint(tenant.organisationId);
    expect(code(await admin.gql(UPDATE, { input: { membershipId: member.membershipId, role: 'PUBLISHER', schoolId: other.schoolId } }))).toBe('BAD_USER_INPUT');
    expect(code(await admin.gql(UPDATE, { input: { membershipId: member.membershipId, role: 'APPROVER', schoolId: tenant.schoolId } }))).toBe('BAD_USER_INPUT');
    expect(await footprint(tenant.organisationId)).toEqual(before);
  });

  it("never leaves the organisation without an admin", async () => {
    const own = await createTenant({ role: 'admin' });
    const soleAdmin = await signedInAs(app, own.email);
    const people = await soleAdmin.gql<{ people: { members: { membershipId: string }[] } }>(PEOPLE);
    const [mine] = people.data!.people.members;
    const before = await footprint(own.organisationId);

    const demoted = await soleAdmin.gql(UPDATE, { input: { membershipId: mine!.membershipId, role: 'AUTHOR' } });
    expect(demoted.errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT', details: { reason: 'LAST_ADMIN' } } })]);
    expect(code(await soleAdmin.gql(REMOVE, { id: mine!.membershipId }))).toBe('CONFLICT');
    expect(await footprint(own.organisationId)).toEqual(before);

    // With a second admin, one of them may step down; the other then cannot.
    const second = await addMember(own, 'admin');
    expect((await soleAdmin.gql(UPDATE, { input: { membershipId: mine!.membershipId, role: 'AUTHOR' } })).errors).toBeUndefined();
    const secondAdmin = await signedInAs(app, second.email);
    expect(code(await secondAdmin.gql(REMOVE, { id: second.membershipId }))).toBe('CONFLICT');
  });

  it("removes someone: their next request has no membership, and a body they sat on loses them", async () => {
    const member = await addMember(tenant, 'author');
    const removed = await signedInAs(app, member.email);
    expect((await removed.gql(ME)).data).toMatchObject({ me: { activeMembership: { role: 'AUTHOR' } } });
    const body = await admin.gql<{ saveGovernanceBody: { id: string } }>('mutation ($input: SaveGovernanceBodyInput!) { saveGovernanceBody(input: $input) { id } }', {
      input: { name: `Committee ${member.membershipId}`, kind: 'COMMITTEE', members: [{ membershipId: member.membershipId, position: 'CHAIR' }] },
    });
    expect(body.errors).toBeUndefined();

    expect((await admin.gql(REMOVE, { id: member.membershipId })).data).toEqual({ removeMembership: true });
    expect((await removed.gql(ME)).data).toEqual({ me: { person: { email: member.email }, activeMembership: null, memberships: [] } });
    expect(code(await removed.gql('{ policies { id } }'))).toBe('FORBIDDEN');
    const bodies = await admin.gql<{ governanceBodies: { id: string; members: unknown[] }[] }>('{ governanceBodies { id members { membershipId } } }');
    expect(bodies.data!.governanceBodies.find((candidate) => candidate.id === body.data!.saveGovernanceBody.id)!.members).toEqual([]);
    expect(code(await admin.gql(REMOVE, { id: member.membershipId }))).toBe('NOT_FOUND');
    expect((await auditActions(tenant.organisationId)).at(-1)).toMatchObject({ action: 'membership.removed', details: { membershipId: member.membershipId } });
  });
});

describe('who may', () => {
  it('refuses everyone but admins, and writes nothing for them', async () => {
    const author = await addMember(tenant, 'author');
    const victim = await addMember(tenant, 'viewer');
    const invited = await invite(admin, { email: newEmail(), role: 'VIEWER' });
    const client = await signedInAs(app, author.email);
    const before = await footprint(tenant.organisationId);
    for (const [query, variables] of [
      [PEOPLE, {}],
      [INVITE, { input: { email: newEmail(), role: 'ADMIN' } }],
      [RESEND, { id: invited.id }],
      [CANCEL, { id: invited.id }],
      [UPDATE, { input: { membershipId: author.membershipId, role: 'ADMIN' } }],
      [REMOVE, { id: victim.membershipId }],
    ] as const) {
      expect(code(await client.gql(query, variables))).toBe('FORBIDDEN');
      expect(code(await new TestClient(app).gql(query, variables))).toBe('UNAUTHENTICATED');
    }
    expect(await footprint(tenant.organisationId)).toEqual(before);
  });

  it("treats another organisation's invitations and memberships as not found, and leaves them alone", async () => {
    const other = await createTenant({ role: 'admin' });
    const otherAdmin = await signedInAs(app, other.email);
    const theirs = await invite(otherAdmin, { email: newEmail(), role: 'VIEWER' });
    const theirMember = await addMember(other, 'author');
    const before = await footprint(other.organisationId);

    for (const [query, variables] of [
      [RESEND, { id: theirs.id }],
      [CANCEL, { id: theirs.id }],
      [UPDATE, { input: { membershipId: theirMember.membershipId, role: 'VIEWER' } }],
      [REMOVE, { id: theirMember.membershipId }],
    ] as const) {
      const result = await admin.gql(query, variables);
      expect(code(result)).toBe('NOT_FOUND');
      expect(JSON.stringify(result)).not.toContain(other.slug);
    }
    const mine = await admin.gql<{ people: { members: { person: { email: string } }[]; invitations: { id: string }[] } }>(PEOPLE);
    expect(mine.data!.people.invitations.map((row) => row.id)).not.toContain(theirs.id);
    expect(mine.data!.people.members.map((row) => row.person.email)).not.toContain(theirMember.email);
    expect(await footprint(other.organisationId)).toEqual(before);
  });
});

describe('the database', () => {
  it('lets the runtime role read invitations only in its tenant, never mark one accepted, and never insert a person', async () => {
    const email = newEmail();
    const invited = await invite(admin, { email, role: 'VIEWER' });
    expect(await asRuntime(null, async (db) => (await db.query(`SELECT count(*)::int AS n FROM invitation`)).rows[0].n)).toBe(0);
    const other = await createTenant();
    expect(await asRuntime(other.organisationId, async (db) => (await db.query(`SELECT count(*)::int AS n FROM invitation WHERE id = $1`, [invited.id])).rows[0].n)).toBe(0);
    await expect(asRuntime(tenant.organisationId, (db) => db.query(`UPDATE invitation SET accepted_at = now() WHERE id = $1`, [invited.id]))).rejects.toThrow(/permission denied/);
    await expect(asRuntime(tenant.organisationId, (db) => db.query(`DELETE FROM invitation WHERE id = $1`, [invited.id]))).rejects.toThrow(/permission denied/);
    await expect(asRuntime(tenant.organisationId, (db) => db.query(`INSERT INTO person (email, display_name, password_hash) VALUES ('x@example.test', 'X', 'x')`))).rejects.toThrow(/permission denied/);
    // Consuming a token leaves no tenant behind in the caller's transaction.
    const { token } = await emailTo(tenant.organisationId, email);
    const setting = await asRuntime(null, async (db) => {
      await db.query(`SELECT * FROM invitation_facts(sha256(convert_to($1, 'UTF8')))`, [token]);
      return (await db.query(`SELECT current_setting('app.organisation_id', true) AS tenant, current_setting('app.invitation_token_hash', true) AS hash`)).rows[0];
    });
    expect(setting).toEqual({ tenant: '', hash: '' });
  });
});
