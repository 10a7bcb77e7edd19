/** An organisation's terminology: set by an admin, proposed on a draft, applied as a saved edit. */
import type { INestApplication } from '@nestjs/common';
import { asOwner, startTestApp, TestClient, type TestTenant, signedInTenant } from './support/harness';

let app: INestApplication;
let admin: TestClient;
let tenant: TestTenant;

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant: tenant, client: admin } = await signedInTenant(app, { role: 'admin' }));
});
afterAll(() => app.close());

const SET = 'mutation ($terms: [TermInput!]!) { setTerminology(input: { terms: $terms }) { from to } }';
const PROPOSE = 'query ($id: ID!) { terminologyProposals(versionId: $id) { id where before after replacements { from to count } } }';
const APPLY = 'mutation ($input: ApplyTerminologyInput!) { applyTerminology(input: $input) { revision content } }';

function doc(clauses: [string, string][]) {
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { sectionId: 'section-1' },
        content: [
          { type: 'sectionHeading', content: [{ type: 'text', text: 'Role of the Governing Body' }] },
          ...clauses.map(([id, text]) => ({ type: 'clause', attrs: { clauseId: id }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
        ],
      },
    ],
  };
}

it('proposes the trust’s words on a draft and applies only what was accepted, as a saved edit', async () => {
  expect((await admin.gql(SET, { terms: [{ from: 'Governing Body', to: 'Trust' }, { from: ' governors ', to: 'trustees' }] })).errors).toBeUndefined();
  expect((await admin.gql<{ terminology: unknown }>('{ terminology { from to } }')).data?.terminology).toEqual([
    { from: 'Governing Body', to: 'Trust' },
    { from: 'governors', to: 'trustees' },
  ]);
  const created = await admin.gql<{ createPolicy: { draft: { id: string } } }>('mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { draft { id } } }', {
    input: { title: 'Governance', content: doc([['c1', 'The Governing Body meets termly.'], ['c2', 'Parent governors are elected.']]) },
  });
  const draftId = created.data!.createPolicy.draft.id;

  const proposals = await admin.gql<{ terminologyProposals: { id: string; where: string; after: string }[] }>(PROPOSE, { id: draftId });
  expect(proposals.data?.terminologyProposals.map((proposal) => [proposal.id, proposal.where, proposal.after])).toEqual([
    ['section-1', 'heading', 'Role of the Trust'],
    ['c1', 'clause', 'The Trust meets termly.'],
    ['c2', 'clause', 'Parent trustees are elected.'],
  ]);

  const applied = await admin.gql<{ applyTerminology: { revision: number; content: object } }>(APPLY, { input: { versionId: draftId, expectedRevision: 1, accept: ['c1', 'section-1'] } });
  expect(applied.errors).toBeUndefined();
  expect(applied.data?.applyTerminology.revision).toBe(2);
  const text = JSON.stringify(applied.data?.applyTerminology.content);
  expect(text).toContain('Role of the Trust');
  expect(text).toContain('The Trust meets termly.');
  expect(text).toContain('Parent governors are elected.');

  const stale = await admin.gql(APPLY, { input: { versionId: draftId, expectedRevision: 1, accept: ['c2'] } });
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
});

it('lets only an admin change the terminology, and refuses a list with a term twice', async () => {
  const { client: author } = await signedInTenant(app, { role: 'author' });
  expect((await author.gql(SET, { terms: [{ from: 'Governing Body', to: 'Board' }] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const twice = await admin.gql(SET, { terms: [{ from: 'Head', to: 'Principal' }, { from: 'Head', to: 'Head of School' }] });
  expect(twice.errors?.[0]).toMatchObject({ message: '"Head" is in the list twice.', extensions: { code: 'BAD_USER_INPUT' } });
  const tooLong = await admin.gql(SET, { terms: [{ from: 'x'.repeat(101), to: 'y' }] });
  expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const stored = await asOwner(async (db) => (await db.query('SELECT term_from FROM organisation_term WHERE organisation_id = $1 ORDER BY position', [tenant.organisationId])).rows.map((row) => row.term_from));
  expect(stored).toEqual(['Governing Body', 'governors']);
});
