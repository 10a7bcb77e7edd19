import type { INestApplication } from '@nestjs/common';
import { asOwner, createTenant, startTestApp, TestClient, TEST_PASSWORD, type TestTenant } from './support/harness';

let app: INestApplication;
let tenant: TestTenant;

beforeAll(async () => {
  app = await startTestApp();
  tenant = await createTenant();
});
afterAll(() => app.close());

const ME = '{ me { person { email displayName } activeMembership { role organisation { slug kind } } memberships { id } } }';

describe('signing in', () => {
  it('sets an httpOnly session cookie and answers who the caller is', async () => {
    const client = new TestClient(app);
    const result = await client.signIn(tenant.email);
    const cookie = result.cookies.find((value) => value.startsWith('ratify_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await client.gql(ME);
    expect(me.data).toEqual({
      me: {
        person: { email: tenant.email, displayName: expect.any(String) },
        activeMembership: { role: 'AUTHOR', organisation: { slug: tenant.slug, kind: 'TRUST' } },
        memberships: [{ id: expect.any(String) }],
      },
    });
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const client = new TestClient(app);
    await client.signIn(`  ${tenant.email.toUpperCase()} `);
    expect((await client.gql<{ me: { person: { email: string } } }>(ME)).data?.me.person.email).toBe(tenant.email);
  });

  it('answers a wrong password and an unknown email identically, and sets no cookie', async () => {
    const client = new TestClient(app);
    const query = 'mutation ($input: SignInInput!) { signIn(input: $input) { person { id } } }';
    const wrongPassword = await client.gql(query, { input: { email: tenant.email, password: 'not the password' } });
    const unknownEmail = await client.gql(query, { input: { email: 'nobody@example.test', password: TEST_PASSWORD } });
    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.data).toBeNull();
      expect(result.errors).toEqual([expect.objectContaining({ message: 'Email or password is incorrect.', extensions: { code: 'UNAUTHENTICATED' } })]);
      expect(result.cookies.some((cookie) => cookie.startsWith('ratify_session='))).toBe(false);
    }
    expect((await client.gql(ME)).data).toEqual({ me: null });
  });

  it('rejects a malformed email as bad input, and creates no session', async () => {
    const before = await asOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM session')).rows[0].n);
    const result = await new TestClient(app).gql('mutation { signIn(input: { email: "not-an-email", password: "x" }) { person { id } } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const after = await asOwner(async (db) => (await db.query('SELECT count(*)::int AS n FROM session')).rows[0].n);
    expect(after).toBe(before);
  });
});

describe('working in another organisation', () => {
  it("switches to another of the person's memberships, and never to someone else's", async () => {
    const [home, second, stranger] = await Promise.all([createTenant(), createTenant(), createTenant()]);
    const membershipId = await asOwner(async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [second.organisationId]);
      const { rows } = await db.query(
        `INSERT INTO membership (organisation_id, person_id, role) SELECT $1, id, 'viewer' FROM person WHERE email = $2 RETURNING id`,
        [second.organisationId, home.email],
      );
      await db.query('COMMIT');
      return rows[0].id as string;
    });
    const strangersMembership = await asOwner(async (db) => (await db.query(`SELECT id FROM membership WHERE organisation_id = $1`, [stranger.organisationId])).rows[0].id);

    const client = new TestClient(app);
    await client.signIn(home.email);
    expect((await client.gql('{ policies { id } }')).data).toEqual({ policies: [{ id: home.policyId }] });

    const switched = await client.gql('mutation ($id: ID!) { selectMembership(membershipId: $id) { activeMembership { id role } } }', { id: membershipId });
    expect(switched.data).toEqual({ selectMembership: { activeMembership: { id: membershipId, role: 'VIEWER' } } });
    expect((await client.gql('{ policies { id } }')).data).toEqual({ policies: [{ id: second.policyId }] });

    const refused = await client.gql('mutation ($id: ID!) { selectMembership(membershipId: $id) { activeMembership { id } } }', { id: strangersMembership });
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await client.gql('{ policies { id } }')).data).toEqual({ policies: [{ id: second.policyId }] });
  });
});

describe('password guessing', () => {
  it('is refused after 10 failures for one email, even with the right password, and only for that email', async () => {
    const target = await createTenant();
    const bystander = await createTenant();
    const client = new TestClient(app);
    const attempt = (email: string, password: string) =>
      client.gql('mutation ($input: SignInInput!) { signIn(input: $input) { person { id } } }', { input: { email, password } });
    for (let i = 0; i < 10; i++) expect((await attempt(target.email, `guess ${i}`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await attempt(target.email, TEST_PASSWORD);
    expect(refused.errors?.[0]).toMatchObject({ message: 'Too many attempts to sign in. Please wait 15 minutes and try again.', extensions: { code: 'TOO_MANY_REQUESTS' } });
    expect(refused.cookies.some((cookie) => cookie.startsWith('ratify_session='))).toBe(false);
    expect((await attempt(bystander.email, TEST_PASSWORD)).errors).toBeUndefined();
  });
});

describe('signing out', () => {
  it('ends the session for good: the old cookie no longer works', async () => {
    const client = new TestClient(app);
    await client.signIn(tenant.email);
    const cookieBefore = (client as unknown as { cookie: string }).cookie;
    expect((await client.gql('mutation { signOut }')).data).toEqual({ signOut: true });
    const replay = await client.http.post('/graphql').set('Content-Type', 'application/json').set('Cookie', cookieBefore).send({ query: '{ policies { id } }' });
    expect(replay.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('takes effect at once when a membership is removed', async () => {
    const other = await createTenant();
    const client = new TestClient(app);
    await client.signIn(other.email);
    expect((await client.gql('{ policies { id } }')).data).toEqual({ policies: [{ id: other.policyId }] });
    await asOwner((db) => db.query('DELETE FROM membership WHERE organisation_id = $1', [other.organisationId]));
    const after = await client.gql('{ policies { id } }');
    expect(after.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
