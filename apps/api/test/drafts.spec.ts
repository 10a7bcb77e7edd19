/** Writing policies: create, open a draft, save with optimistic concurrency; bad documents change nothing. */
import type { INestApplication } from '@nestjs/common';
import { contentHash } from '../src/common/content-hash';
import { asOwner, createTenant, startTestApp, TestClient, type TestTenant, signedInTenant } from './support/harness';

let app: INestApplication;
let tenant: TestTenant;
let author: TestClient;

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant: tenant, client: author } = await signedInTenant(app, { role: 'author' }));
});
afterAll(() => app.close());

const CREATE = 'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id slug title draft { id number status revision content updatedAt } currentVersion { id } } }';
const SAVE = 'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id revision content } }';
const START = 'mutation ($id: ID!) { startDraft(policyId: $id) { id status number revision content updatedAt } }';

function policyDoc(text: string, clauseId: string = crypto.randomUUID()) {
  return {
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { sectionId: crypto.randomUUID() },
        content: [
          { type: 'sectionHeading', content: [{ type: 'text', text: 'Scope' }] },
          { type: 'clause', attrs: { clauseId }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        ],
      },
    ],
  };
}

type Created = { createPolicy: { id: string; slug: string; draft: { id: string; number: string | null; status: string; revision: number; content: unknown } } };

async function counts(): Promise<{ policies: number; versions: number }> {
  return asOwner(async (db) => {
    const { rows } = await db.query(
      `SELECT (SELECT count(*)::int FROM policy WHERE organisation_id = $1) AS policies, (SELECT count(*)::int FROM policy_version WHERE organisation_id = $1) AS versions`,
      [tenant.organisationId],
    );
    return rows[0];
  });
}

describe('createPolicy', () => {
  it('creates a policy with an unnumbered first draft, and a free slug', async () => {
    const first = await author.gql<Created>(CREATE, { input: { title: '  Attendance Policy ', content: policyDoc('Pupils attend every day.') } });
    expect(first.errors).toBeUndefined();
    expect(first.errors).toBeUndefined();
    expect(first.data?.createPolicy).toMatchObject({ slug: 'attendance-policy', title: 'Attendance Policy', draft: { number: null, status: 'DRAFT', revision: 1, updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }, currentVersion: { id: first.data?.createPolicy.draft.id } });
    const second = await author.gql<Created>(CREATE, { input: { title: 'Attendance policy' } });
    expect(second.data?.createPolicy.slug).toBe('attendance-policy-2');
    expect(JSON.stringify(second.data?.createPolicy.draft.content)).toContain('"sectionHeading"');
  });

  it('is refused to a viewer, and creates nothing', async () => {
    const { client: viewer } = await signedInTenant(app, { role: 'viewer' });
    const result = await viewer.gql(CREATE, { input: { title: 'Not allowed' } });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  const hostile: [string, unknown][] = [
    ['an unknown node type', { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] }],
    ['a javascript: link', policyDocWithLink('javascript:alert(1)')],
    ['a JaVaScRiPt: link', policyDocWithLink('JaVaScRiPt:alert(1)')],
    ['a tab-split javascript: link', policyDocWithLink('java\tscript:alert(1)')],
    ['an entity-split javascript: link', policyDocWithLink('java&#x09;script:alert(1)')],
    ['an unknown attribute', { type: 'doc', content: [{ type: 'section', attrs: { sectionId: 's', onclick: 'x' }, content: [{ type: 'sectionHeading' }] }] }],
    ['a wrongly typed attribute', { type: 'doc', content: [{ type: 'section', attrs: { sectionId: { nested: true } }, content: [{ type: 'sectionHeading' }] }] }],
    ['a 5 MB text node', policyDoc('x'.repeat(5 * 1024 * 1024))],
  ];

  it.each(hostile)('refuses %s with BAD_USER_INPUT and saves nothing', async (_name, content) => {
    const before = await counts();
    const result = await author.gql(CREATE, { input: { title: 'Hostile', content } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('refuses 10,000-deep nesting with BAD_USER_INPUT, saves nothing, and stays up', async () => {
    const before = await counts();
    const body = `{"query":${JSON.stringify(CREATE)},"variables":{"input":{"title":"Deep","content":${deeplyNestedJson(10_000)}}}}`;
    const response = await author.http.post('/graphql').set('Content-Type', 'application/json').set('Cookie', author.cookieHeader()).send(body);
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    expect((await author.http.get('/health')).status).toBe(200);
  });

  it('refuses a __proto__ key with BAD_USER_INPUT and saves nothing', async () => {
    const before = await counts();
    const body = `{"query":${JSON.stringify(CREATE)},"variables":{"input":{"title":"Proto","content":{"type":"doc","content":[],"__proto__":{"polluted":true}}}}}`;
    const response = await author.http.post('/graphql').set('Content-Type', 'application/json').set('Cookie', author.cookieHeader()).send(body);
    expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await counts()).toEqual(before);
  });
});

function policyDocWithLink(href: string) {
  const doc = policyDoc('see') as { content: { content: { content?: { content?: { marks?: unknown[] }[] }[] }[] }[] };
  doc.content[0].content[1].content![0].content![0].marks = [{ type: 'link', attrs: { href } }];
  return doc;
}

/** 10,000 nested lists as JSON text, built without recursion (JSON.stringify itself would overflow). */
function deeplyNestedJson(depth: number): string {
  const open = '{"type":"bulletList","content":[{"type":"listItem","content":['.repeat(depth);
  const close = ']}]}'.repeat(depth);
  return `{"type":"doc","content":[{"type":"section","attrs":{"sectionId":"s"},"content":[{"type":"sectionHeading"},{"type":"clause","attrs":{"clauseId":"c"},"content":[${open}{"type":"paragraph"}${close}]}]}]}`;
}

describe('saveDraft', () => {
  let policyId: string;
  let draftId: string;

  beforeAll(async () => {
    const created = await author.gql<Created>(CREATE, { input: { title: 'Behaviour Policy', content: policyDoc('Version one.') } });
    policyId = created.data!.createPolicy.id;
    draftId = created.data!.createPolicy.draft.id;
  });

  it('saves on top of the revision it was based on, and moves the revision on', async () => {
    const saved = await author.gql<{ saveDraft: { revision: number; content: unknown } }>(SAVE, { input: { versionId: draftId, expectedRevision: 1, content: policyDoc('Version two.') } });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.saveDraft.revision).toBe(2);
    expect(JSON.stringify(saved.data?.saveDraft.content)).toContain('Version two.');
  });

  it('answers a save based on an old revision with CONFLICT and overwrites nothing', async () => {
    const stale = await author.gql(SAVE, { input: { versionId: draftId, expectedRevision: 1, content: policyDoc('Stale text.') } });
    expect(stale.errors?.[0]).toMatchObject({ message: 'Someone else saved this draft since you opened it.', extensions: { code: 'CONFLICT', details: { currentRevision: 2 } } });
    const stored = await asOwner(async (db) => (await db.query('SELECT content::text AS content, revision FROM policy_version WHERE id = $1', [draftId])).rows[0]);
    expect(stored.revision).toBe(2);
    expect(stored.content).toContain('Version two.');
    expect(stored.content).not.toContain('Stale text.');
  });

  it('lets exactly one of two simultaneous saves of the same revision win', async () => {
    const [a, b] = await Promise.all([
      author.gql(SAVE, { input: { versionId: draftId, expectedRevision: 2, content: policyDoc('Tab A.') } }),
      author.gql(SAVE, { input: { versionId: draftId, expectedRevision: 2, content: policyDoc('Tab B.') } }),
    ]);
    const outcomes = [a, b].map((result) => (result.errors ? result.errors[0].extensions?.code : 'SAVED')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'SAVED']);
  });

  it('re-mints a duplicated clause id (copy and paste), keeping the first', async () => {
    const current = await asOwner(async (db) => (await db.query('SELECT revision FROM policy_version WHERE id = $1', [draftId])).rows[0].revision);
    const doc = policyDoc('First.', 'same-id') as { content: { content: unknown[] }[] };
    doc.content[0].content.push({ type: 'clause', attrs: { clauseId: 'same-id' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pasted copy.' }] }] });
    const saved = await author.gql<{ saveDraft: { content: { content: { content: { attrs?: { clauseId: string } }[] }[] } } }>(SAVE, { input: { versionId: draftId, expectedRevision: current, content: doc } });
    const ids = saved.data!.saveDraft.content.content[0].content.slice(1).map((clause) => clause.attrs!.clauseId);
    expect(ids[0]).toBe('same-id');
    expect(ids[1]).not.toBe('same-id');
  });

  it("gives another tenant's draft the same NOT_FOUND as a missing one", async () => {
    const other = await createTenant();
    const foreignDraft = await asOwner(async (db) => {
      const draft = policyDoc('Their draft.');
      const inserted = await db.query(
        `INSERT INTO policy_version (organisation_id, policy_id, status, revision, content, content_hash) VALUES ($1, $2, 'draft', 1, $3, $4) RETURNING id`,
        [other.organisationId, other.policyId, JSON.stringify(draft), contentHash(draft)],
      );
      return inserted.rows[0].id as string;
    });
    const foreign = await author.gql(SAVE, { input: { versionId: foreignDraft, expectedRevision: 1, content: policyDoc('Hijack.') } });
    const missing = await author.gql(SAVE, { input: { versionId: crypto.randomUUID(), expectedRevision: 1, content: policyDoc('x') } });
    expect(foreign.errors?.[0]).toMatchObject({ message: 'Draft was not found.', extensions: { code: 'NOT_FOUND' } });
    expect(missing.errors?.[0].message).toBe(foreign.errors?.[0].message);
    const untouched = await asOwner(async (db) => (await db.query('SELECT content::text AS content FROM policy_version WHERE id = $1', [foreignDraft])).rows[0].content);
    expect(untouched).not.toContain('Hijack.');
  });

  it('keeps approved text frozen: saving an approved version is a CONFLICT', async () => {
    const result = await author.gql(SAVE, { input: { versionId: tenant.versionId, expectedRevision: 1, content: policyDoc('Rewrite history.') } });
    expect(result.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(result.errors?.[0].message).toMatch(/no longer a draft/);
  });

  it('startDraft opens the existing draft rather than a second one', async () => {
    const opened = await author.gql<{ startDraft: { id: string } }>(START, { id: policyId });
    expect(opened.data?.startDraft.id).toBe(draftId);
  });
});

describe('startDraft on an approved policy', () => {
  it('copies the approved text into one new draft, even when asked twice at once', async () => {
    const [a, b] = await Promise.all([author.gql<{ startDraft: { id: string } }>(START, { id: tenant.policyId }), author.gql<{ startDraft: { id: string } }>(START, { id: tenant.policyId })]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data?.startDraft.id).toBe(b.data?.startDraft.id);
    const draft = await author.gql<{ startDraft: { status: string; number: null; content: unknown } }>(START, { id: tenant.policyId });
    expect(draft.errors).toBeUndefined();
    expect(draft.data?.startDraft).toMatchObject({ status: 'DRAFT', number: null, updatedAt: expect.any(String) });
    expect(JSON.stringify(draft.data?.startDraft.content)).toContain(`Marker ${tenant.slug}`);
    const policy = await author.gql<{ policy: { currentVersion: { number: string }; draft: { id: string } } }>('query ($id: ID!) { policy(id: $id) { currentVersion { number } draft { id } } }', { id: tenant.policyId });
    expect(policy.data?.policy).toEqual({ currentVersion: { number: '1.0' }, draft: { id: a.data?.startDraft.id } });
  });
});
