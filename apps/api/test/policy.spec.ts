import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { createTenant, startTestApp, TestClient, type TestTenant } from './support/harness';

let app: INestApplication;
let mine: TestTenant;
let theirs: TestTenant;
let client: TestClient;

beforeAll(async () => {
  app = await startTestApp();
  [mine, theirs] = await Promise.all([createTenant(), createTenant()]);
  client = new TestClient(app);
  await client.signIn(mine.email);
});
afterAll(() => app.close());

const POLICY = 'query ($id: ID!) { policy(id: $id) { id title currentVersion { number status approvedOn nextReviewOn html } } }';

describe('policies', () => {
  it("lists only the caller's organisation's policies", async () => {
    const result = await client.gql<{ policies: { id: string }[] }>('{ policies { id title currentVersion { number status } } }');
    expect(result.data?.policies).toEqual([{ id: mine.policyId, title: expect.any(String), currentVersion: { number: '1.0', status: 'APPROVED' } }]);
  });

  it('opens a policy with its current version rendered as HTML', async () => {
    const result = await client.gql<{ policy: { currentVersion: { html: string } } }>(POLICY, { id: mine.policyId });
    expect(result.errors).toBeUndefined();
    expect(result.data?.policy).toMatchObject({ id: mine.policyId, currentVersion: { number: '1.0', status: 'APPROVED', approvedOn: '2025-01-13', nextReviewOn: '2027-01-13' } });
    expect(result.data?.policy.currentVersion.html).toContain(`Marker ${mine.slug}`);
  });

  it("answers another tenant's policy exactly as it answers a policy that does not exist", async () => {
    const foreign = await client.gql(POLICY, { id: theirs.policyId });
    const missing = await client.gql(POLICY, { id: randomUUID() });
    const malformed = await client.gql(POLICY, { id: 'not-a-uuid' });
    expect(foreign.data).toBeNull();
    expect(foreign.errors).toEqual([{ message: 'Policy was not found.', locations: expect.any(Array), path: ['policy'], extensions: { code: 'NOT_FOUND' } }]);
    expect(missing.errors).toEqual(foreign.errors);
    expect(malformed.errors).toEqual(foreign.errors);
    expect(JSON.stringify(foreign)).not.toContain(theirs.slug);
  });

  it('asks a signed-out caller to sign in', async () => {
    const result = await new TestClient(app).gql('{ policies { id } }');
    expect(result.errors?.[0]).toMatchObject({ message: 'Please sign in.', extensions: { code: 'UNAUTHENTICATED' } });
  });
});
