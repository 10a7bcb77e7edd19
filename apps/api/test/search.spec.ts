import type { INestApplication } from '@nestjs/common';
import { createTenant, startTestApp, TestClient, signedInTenant } from './support/harness';

let app: INestApplication;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const CREATE = 'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id draft { id } } }';
const SEARCH = 'query ($q: String!) { searchPolicies(query: $q) { policy { id title } version { id status } clauseId sectionHeading snippet } }';

function doc(sections: [string, string[]][]) {
  return {
    type: 'doc',
    content: sections.map(([heading, clauses]) => ({
      type: 'section',
      attrs: { sectionId: crypto.randomUUID() },
      content: [
        { type: 'sectionHeading', content: [{ type: 'text', text: heading }] },
        ...clauses.map((text) => ({ type: 'clause', attrs: { clauseId: crypto.randomUUID() }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })),
      ],
    })),
  };
}

type Hit = { policy: { id: string; title: string }; clauseId: string; sectionHeading: string; snippet: string };

it('finds a policy by the words of a clause and answers with that clause, marked', async () => {
  const trust = await createTenant({ role: 'author' });
  const other = await createTenant({ role: 'author' });
  const me = new TestClient(app);
  await me.signIn(trust.email);
  const them = new TestClient(app);
  await them.signIn(other.email);

  const attendance = await me.gql<{ createPolicy: { id: string } }>(CREATE, {
    input: {
      title: 'Attendance Policy',
      content: doc([
        ['Introduction', ['Every pupil should attend school every day.']],
        ['Lateness', ['Pupils arriving after registration closes are marked late <b>and</b> parents are contacted.']],
      ]),
    },
  });
  await me.gql(CREATE, { input: { title: 'Charging Policy', content: doc([['Trips', ['Voluntary contributions may be requested for trips.']]]) } });
  await them.gql(CREATE, { input: { title: 'Their Lateness Policy', content: doc([['Lateness', ['Registration closes at 9am; lateness is recorded.']]]) } });

  const result = await me.gql<{ searchPolicies: Hit[] }>(SEARCH, { q: 'registration lateness' });
  expect(result.errors).toBeUndefined();
  expect(result.data?.searchPolicies).toHaveLength(1);
  const [hit] = result.data!.searchPolicies;
  expect(hit.policy).toEqual({ id: attendance.data!.createPolicy.id, title: 'Attendance Policy' });
  expect(hit.sectionHeading).toBe('Lateness');
  expect(hit.snippet).toContain('<mark>registration</mark>');
  // Text that looks like markup never comes back as markup (ts_headline drops tag-like tokens).
  expect(hit.snippet).toMatch(/marked <mark>late<\/mark>\s+and\s+parents/);
  expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
});

it('finds nothing from another organisation, and refuses an empty query', async () => {
  const trust = await createTenant();
  const client = new TestClient(app);
  await client.signIn(trust.email);
  expect((await client.gql<{ searchPolicies: Hit[] }>(SEARCH, { q: 'contributions trips' })).data?.searchPolicies).toEqual([]);
  const empty = await client.gql(SEARCH, { q: '   ' });
  expect(empty.errors?.[0]).toMatchObject({ message: 'Type something to search for.', extensions: { code: 'BAD_USER_INPUT' } });
});

it('searches the text as saved: a saved draft is found by its new words', async () => {
  const { client } = await signedInTenant(app, { role: 'author' });
  const created = await client.gql<{ createPolicy: { id: string; draft: { id: string } } }>(CREATE, { input: { title: 'Uniform Policy', content: doc([['Uniform', ['Blazers are optional.']]]) } });
  await client.gql('mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { revision } }', {
    input: { versionId: created.data!.createPolicy.draft.id, expectedRevision: 1, content: doc([['Uniform', ['Jumpers carry the school logo.']]]) },
  });
  expect((await client.gql<{ searchPolicies: Hit[] }>(SEARCH, { q: 'blazers' })).data?.searchPolicies).toEqual([]);
  expect((await client.gql<{ searchPolicies: Hit[] }>(SEARCH, { q: 'jumpers logo' })).data?.searchPolicies).toHaveLength(1);
});
