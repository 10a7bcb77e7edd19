/**
 * Reviews through the real app and Postgres: term calendars (trust and academy), review
 * schedules in the trust's term language, the statutory catalogue, the dashboard (and its
 * statement count), guidance editions, completing a review, and the ICS feed.
 */
import type { INestApplication } from '@nestjs/common';
import ICAL from 'ical.js';
import { Client } from 'pg';
import { contentHash } from '../src/common/content-hash';
import { addMember, asOwner, createTenant, signedInAs, startTestApp, TestClient, type TestTenant, publishAndWait } from './support/harness';

let app: INestApplication;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const KENT_2026 = [
  { name: 'Term 1', startsOn: '2026-09-01', endsOn: '2026-10-23' },
  { name: 'Term 2', startsOn: '2026-11-02', endsOn: '2026-12-18' },
  { name: 'Term 3', startsOn: '2027-01-04', endsOn: '2027-02-12' },
  { name: 'Term 4', startsOn: '2027-02-22', endsOn: '2027-03-25' },
  { name: 'Term 5', startsOn: '2027-04-12', endsOn: '2027-05-28' },
  { name: 'Term 6', startsOn: '2027-06-07', endsOn: '2027-07-21' },
];

const SAVE_YEAR = `mutation ($input: SaveAcademicYearInput!) { saveAcademicYear(input: $input) { id label naming periods { key name startsOn endsOn } } }`;
const SET_SCHEDULE = `mutation ($input: SetReviewScheduleInput!) { setReviewSchedule(input: $input) { dueOn scheduledOn setToTerm timing warnings term { label startsOn endsOn } policyType { key } cycleMonths } }`;
const DASHBOARD = `query ($filter: ReviewDashboardFilter) { reviewDashboard(filter: $filter) {
  today currentTerm { label } nextTerm { label } total counts { status count }
  rows { policyId title school { id name } status statuses dueOn dueTerm versionNumber committee reviewRequired } } }`;

interface Row {
  policyId: string;
  title: string;
  school: { id: string; name: string } | null;
  status: string;
  statuses: string[];
  dueOn: string | null;
  dueTerm: string | null;
  reviewRequired: string[];
}

async function adminOf(tenant: TestTenant): Promise<TestClient> {
  return signedInAs(app, (await addMember(tenant, 'admin', { name: 'Alex Turner' })).email);
}

/** Another approved policy of a type, approved on a date, with its schedule. */
async function addPolicy(tenant: TestTenant, title: string, type: string, options: { approvedOn?: string; nextReviewOn?: string; cycle?: number } = {}): Promise<string> {
  const content = { type: 'doc', content: [] };
  return asOwner(async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.organisation_id', $1, true)`, [tenant.organisationId]);
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const [{ id }] = (
      await db.query(`INSERT INTO policy (organisation_id, slug, title, review_cycle_months, policy_type_key, next_review_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
        tenant.organisationId,
        slug,
        title,
        options.cycle ?? 12,
        type,
        options.nextReviewOn ?? '2027-06-01',
      ])
    ).rows;
    await db.query(
      `INSERT INTO policy_version (organisation_id, policy_id, major, minor, status, content, content_hash, approved_on, next_review_on) VALUES ($1, $2, 1, 0, 'approved', $3, $4, $5, $6)`,
      [tenant.organisationId, id, JSON.stringify(content), contentHash(content as never), options.approvedOn ?? '2026-06-01', options.nextReviewOn ?? '2027-06-01'],
    );
    await db.query('COMMIT');
    return id as string;
  });
}

async function saveKent2026(admin: TestClient, schoolId?: string, periods = KENT_2026) {
  return admin.gql<{ saveAcademicYear: { id: string; periods: { key: string }[] } }>(SAVE_YEAR, { input: { startYear: 2026, naming: 'SIX_TERMS', periods, schoolId } });
}

describe('term calendars', () => {
  it("starts from England's preset, saves the trust's year and keys its terms", async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    const preset = await admin.gql<{ termCalendarPreset: { label: string; periods: { name: string; startsOn: string; endsOn: string }[] } }>(
      '{ termCalendarPreset(startYear: 2026, naming: SIX_TERMS) { label periods { name startsOn endsOn } } }',
    );
    expect(preset.data?.termCalendarPreset).toEqual({ label: '2026/27', periods: KENT_2026 });
    const saved = await saveKent2026(admin);
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.saveAcademicYear.periods.map((period) => period.key)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
    const calendar = await admin.gql<{ termCalendar: { years: { label: string; inherited: boolean }[]; current: { label: string }; next: { label: string } } }>(
      '{ termCalendar { years { label inherited } current { label } next { label } } }',
    );
    expect(calendar.data?.termCalendar).toEqual({ years: [{ label: '2026/27', inherited: false }], current: { label: 'Term 2, 2026/27' }, next: { label: 'Term 3, 2026/27' } });
  });

  it('refuses overlapping terms and a term outside its academic year, with every problem, and saves nothing', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    const overlapping = KENT_2026.map((term) => (term.name === 'Term 3' ? { ...term, startsOn: '2026-12-14' } : term));
    const refused = await saveKent2026(admin, undefined, overlapping);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'INVALID_CALENDAR' } });
    expect(refused.errors?.[0]?.message).toMatch(/Term 2.*overlaps.*Term 3/);
    const outside = await saveKent2026(admin, undefined, [...KENT_2026.slice(0, 5), { name: 'Term 6', startsOn: '2027-06-07', endsOn: '2027-08-05' }]);
    expect((outside.errors?.[0]?.extensions as { details: { problems: { code: string }[] } }).details.problems.map((problem) => problem.code)).toContain('TERM_OUTSIDE_YEAR');
    const years = await asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM term_calendar_year WHERE organisation_id = $1`, [tenant.organisationId])).rows[0].n);
    expect(years).toBe(0);
  });

  it('imports a CSV, and refuses one with a malformed date naming its line, importing none of it', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    const csv = ['academic_year,term,starts_on,ends_on', ...KENT_2026.map((term) => `2026/27,${term.name},${term.startsOn},${term.endsOn}`)].join('\n');
    const bad = csv.replace('2027-01-04', '31/02/2027');
    const IMPORT = `mutation ($input: ImportTermCalendarInput!) { importTermCalendar(input: $input) { label periods { key endsOn } } }`;
    const refused = await admin.gql(IMPORT, { input: { format: 'CSV', content: bad } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (refused.errors?.[0]?.extensions as { details: { problems: { line: number; message: string }[] } }).details.problems;
    expect(problems[0]).toMatchObject({ line: 4 });
    expect(problems[0]!.message).toMatch(/^Line 4: /);
    expect(await asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM term_calendar_year WHERE organisation_id = $1`, [tenant.organisationId])).rows[0].n)).toBe(0);
    const imported = await admin.gql<{ importTermCalendar: { label: string; periods: { key: string; endsOn: string }[] }[] }>(IMPORT, { input: { format: 'CSV', content: csv } });
    expect(imported.errors).toBeUndefined();
    expect(imported.data?.importTermCalendar[0]?.periods[1]).toEqual({ key: 'T2', endsOn: '2026-12-18' });
  });

  it("lets an academy keep its own dates; its year replaces the trust's, the others are inherited; its head cannot change the trust's", async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    await saveKent2026(admin);
    const head = await signedInAs(app, (await addMember(tenant, 'publisher', { schoolId: tenant.schoolId, name: 'Hannah Moss' })).email);
    expect((await saveKent2026(head)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = KENT_2026.map((term) => (term.name === 'Term 2' ? { ...term, endsOn: '2026-12-16' } : term));
    expect((await saveKent2026(head, tenant.schoolId, own)).errors).toBeUndefined();
    const calendar = await head.gql<{ termCalendar: { years: { label: string; inherited: boolean; periods: { endsOn: string }[] }[] } }>(
      'query ($schoolId: ID) { termCalendar(schoolId: $schoolId) { years { label inherited periods { endsOn } } } }',
      { schoolId: tenant.schoolId },
    );
    expect(calendar.data?.termCalendar.years).toEqual([{ label: '2026/27', inherited: false, periods: own.map((term) => ({ endsOn: term.endsOn })) }]);
  });
});

describe('review schedules', () => {
  it('snaps a two-year cycle from 13 January 2025 to the end of Term 2, 2026/27, due this term on 21 November 2026', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    await saveKent2026(admin);
    const result = await admin.gql<{ setReviewSchedule: Record<string, unknown> }>(SET_SCHEDULE, {
      input: { policyId: tenant.policyId, policyTypeKey: 'social-media', cycleMonths: 24, onStatutoryChange: false },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setReviewSchedule).toMatchObject({
      dueOn: '2026-12-18',
      setToTerm: false,
      timing: 'DUE_THIS_TERM',
      term: { label: 'Term 2, 2026/27', startsOn: '2026-11-02', endsOn: '2026-12-18' },
    });
  });

  it("sets the review to a term directly, which each academy reads in its own calendar", async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    await saveKent2026(admin);
    await saveKent2026(admin, tenant.schoolId, KENT_2026.map((term) => (term.name === 'Term 2' ? { ...term, endsOn: '2026-12-16' } : term)));
    const set = await admin.gql<{ setReviewSchedule: { dueOn: string; setToTerm: boolean } }>(SET_SCHEDULE, {
      input: { policyId: tenant.policyId, cycleMonths: 24, onStatutoryChange: false, nextReview: { startYear: 2026, termKey: 'T2' } },
    });
    expect(set.data?.setReviewSchedule).toMatchObject({ dueOn: '2026-12-18', setToTerm: true });
    const dashboard = await admin.gql<{ reviewDashboard: { rows: Row[] } }>(DASHBOARD);
    const rows = dashboard.data!.reviewDashboard.rows.filter((row) => row.policyId === tenant.policyId);
    expect(rows.map((row) => [row.school?.id ?? 'trust', row.dueOn, row.dueTerm])).toEqual([
      [tenant.schoolId, '2026-12-16', 'Term 2, 2026/27'],
      ['trust', '2026-12-18', 'Term 2, 2026/27'],
    ]);
    const unknown = await admin.gql(SET_SCHEDULE, { input: { policyId: tenant.policyId, cycleMonths: 24, onStatutoryChange: false, nextReview: { startYear: 2030, termKey: 'T2' } } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'UNKNOWN_TERM' } });
  });

  it('refuses a cycle above the statutory maximum and changes nothing; warns above the advised one', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    const refused = await admin.gql(SET_SCHEDULE, { input: { policyId: tenant.policyId, policyTypeKey: 'safeguarding', cycleMonths: 24, onStatutoryChange: true } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'CYCLE_ABOVE_STATUTORY_MAXIMUM', maxCycleMonths: 12 } });
    expect(refused.errors?.[0]?.message).toMatch(/Safeguarding and child protection must be reviewed at least every 12 months/);
    const stored = await asOwner(async (db) => (await db.query(`SELECT policy_type_key, review_cycle_months FROM policy WHERE id = $1`, [tenant.policyId])).rows[0]);
    expect(stored).toEqual({ policy_type_key: null, review_cycle_months: 24 });
    const warned = await admin.gql<{ setReviewSchedule: { warnings: string[]; cycleMonths: number } }>(SET_SCHEDULE, {
      input: { policyId: tenant.policyId, policyTypeKey: 'data-protection', cycleMonths: 36, onStatutoryChange: true },
    });
    expect(warned.data?.setReviewSchedule.cycleMonths).toBe(36);
    expect(warned.data?.setReviewSchedule.warnings).toEqual([expect.stringMatching(/every 2 years is advised/)]);
  });

  it('records "reviewed, no change" in the history and moves the review on; "start a new draft" gives the draft', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    await saveKent2026(admin);
    const COMPLETE = `mutation ($input: CompleteReviewInput!) { completeReview(input: $input) { review { outcome reviewedOn versionNumber previousDueOn nextReviewOn reviewedBy { name } } schedule { dueOn } draft { id status } } }`;
    const future = await admin.gql(COMPLETE, { input: { policyId: tenant.policyId, outcome: 'NO_CHANGE', reviewedOn: '2026-12-01' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'DATE_IN_FUTURE' } });
    const done = await admin.gql<{ completeReview: { review: Record<string, unknown>; schedule: { dueOn: string }; draft: null } }>(COMPLETE, {
      input: { policyId: tenant.policyId, outcome: 'NO_CHANGE', reviewedOn: '2026-11-20', note: 'FAR reviewed: no change needed' },
    });
    expect(done.errors).toBeUndefined();
    // 20 November 2026 + 24 months = 20 November 2028, outside the calendar: the exact date.
    expect(done.data?.completeReview).toEqual({
      review: { outcome: 'NO_CHANGE', reviewedOn: '2026-11-20', versionNumber: '1.0', previousDueOn: '2027-01-13', nextReviewOn: '2028-11-20', reviewedBy: { name: 'Alex Turner' } },
      schedule: { dueOn: '2028-11-20' },
      draft: null,
    });
    const history = await admin.gql<{ policy: { history: { version: string; date: string; change: string; reviewed: boolean }[]; versions: { id: string }[] } }>(
      'query ($id: ID!) { policy(id: $id) { history { version date change reviewed } versions { id } } }',
      { id: tenant.policyId },
    );
    expect(history.data?.policy.history.map(({ version, date, reviewed }) => ({ version, date, reviewed }))).toEqual([
      { version: '1.0', date: '2025-01-13', reviewed: false },
      { version: '1.0', date: '2026-11-20', reviewed: true },
    ]);
    expect(history.data?.policy.history[1]?.change).toBe('Reviewed – no change. FAR reviewed: no change needed');
    expect(history.data?.policy.versions).toHaveLength(1);
    const draft = await admin.gql<{ completeReview: { draft: { status: string } } }>(COMPLETE, { input: { policyId: tenant.policyId, outcome: 'NEW_DRAFT', reviewedOn: '2026-11-21' } });
    expect(draft.data?.completeReview.draft).toMatchObject({ status: 'DRAFT' });
  });
});

describe('guidance editions', () => {
  it('flag exactly the policies of the linked types, bringing their review forward to the in-force date', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    const safeguarding = await addPolicy(tenant, 'Safeguarding and Child Protection Policy', 'safeguarding');
    const online = await addPolicy(tenant, 'Online Safety Policy', 'online-safety');
    const pay = await addPolicy(tenant, 'Pay Policy', 'teachers-pay');
    const other = await createTenant();
    await addPolicy(other, 'Safeguarding Policy', 'safeguarding');
    const registered = await admin.gql<{ registerGuidanceEdition: { flaggedCount: number; openCount: number; policyTypes: { key: string }[] } }>(
      'mutation ($input: RegisterGuidanceEditionInput!) { registerGuidanceEdition(input: $input) { flaggedCount openCount policyTypes { key } } }',
      { input: { title: 'Keeping children safe in education', edition: '2027', inForceOn: '2027-09-01', policyTypeKeys: ['safeguarding', 'online-safety', 'staff-code-of-conduct'] } },
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerGuidanceEdition).toMatchObject({ flaggedCount: 2, openCount: 2 });
    const flagged = await asOwner(async (db) => (await db.query(`SELECT policy_id FROM review_flag ORDER BY policy_id`)).rows.map((row) => row.policy_id));
    expect(flagged.filter((id) => [safeguarding, online, pay, tenant.policyId].includes(id)).sort()).toEqual([safeguarding, online].sort());
    expect(await asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM review_flag WHERE organisation_id = $1`, [other.organisationId])).rows[0].n)).toBe(0);
    const rows = (await admin.gql<{ reviewDashboard: { rows: Row[] } }>(DASHBOARD, { filter: { status: 'REVIEW_REQUIRED', schoolId: 'trust' } })).data!.reviewDashboard.rows;
    expect(rows.map((row) => [row.title, row.dueOn, row.reviewRequired])).toEqual([
      ['Online Safety Policy', '2027-06-01', ['Keeping children safe in education 2027']],
      ['Safeguarding and Child Protection Policy', '2027-06-01', ['Keeping children safe in education 2027']],
    ]);
  });
});

describe('the dashboard', () => {
  it('counts each status, filters by status and school, and shows an academy only its own rows', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    await saveKent2026(admin);
    // The social media policy is public at the academy only; the charging policy nowhere.
    await publishAndWait(app, admin, tenant.policyId, [tenant.schoolId]);
    await addPolicy(tenant, 'Charging Policy', 'charging-and-remissions', { nextReviewOn: '2026-03-01' });
    const all = (await admin.gql<{ reviewDashboard: { total: number; counts: { status: string; count: number }[]; rows: Row[]; currentTerm: { label: string } } }>(DASHBOARD)).data!.reviewDashboard;
    expect(all.currentTerm.label).toBe('Term 2, 2026/27');
    expect(all.total).toBe(4);
    const count = (status: string) => all.counts.find((entry) => entry.status === status)!.count;
    expect(count('OVERDUE')).toBe(2);
    expect(count('NOT_PUBLISHED')).toBe(3);
    expect(all.rows.map((row) => [row.title, row.school ? 'school' : 'trust', row.status])).toEqual([
      ['Charging Policy', 'trust', 'OVERDUE'],
      ['Charging Policy', 'school', 'OVERDUE'],
      [expect.stringMatching(/^Social Media Policy/), 'trust', 'DUE_NEXT_TERM'],
      [expect.stringMatching(/^Social Media Policy/), 'school', 'DUE_NEXT_TERM'],
    ]);
    const head = await signedInAs(app, (await addMember(tenant, 'publisher', { schoolId: tenant.schoolId })).email);
    const own = (await head.gql<{ reviewDashboard: { rows: Row[] } }>(DASHBOARD)).data!.reviewDashboard.rows;
    expect(own.map((row) => row.school?.id)).toEqual([tenant.schoolId, tenant.schoolId]);
    const csv = await head.http.get('/api/reviews/dashboard.csv?status=overdue').set('Cookie', head.cookieHeader());
    expect(csv.status).toBe(200);
    expect(csv.text.split('\r\n')[1]).toMatch(/^Charging Policy,School school-[0-9a-f]+,Overdue,Overdue; Not published,1\.0,1 June 2026,1 March 2026,/);
  });

  it('costs the same number of SQL statements for 2 rows as for 60', async () => {
    const small = await createTenant();
    const large = await createTenant();
    await asOwner(async (db) => {
      for (let n = 0; n < 4; n++) await db.query(`INSERT INTO organisation (kind, slug, name, parent_id) VALUES ('school', $1, $2, $3)`, [`${large.slug}-s${n}`, `Academy ${n}`, large.organisationId]);
    });
    for (let n = 0; n < 9; n++) await addPolicy(large, `Policy ${n}`, 'other');
    const statements = async (tenant: TestTenant) => {
      const admin = await adminOf(tenant);
      const query = jest.spyOn(Client.prototype, 'query');
      try {
        const result = await admin.gql<{ reviewDashboard: { total: number } }>(DASHBOARD);
        return { total: result.data!.reviewDashboard.total, statements: query.mock.calls.length };
      } finally {
        query.mockRestore();
      }
    };
    const few = await statements(small);
    const many = await statements(large);
    expect(few.total).toBe(2);
    expect(many.total).toBe(60);
    expect(many.statements).toBe(few.statements);
  });
});

describe('the calendar feed', () => {
  it('is valid iCalendar with the due reviews, at a secret address that answers 404 once revoked', async () => {
    const tenant = await createTenant();
    const admin = await adminOf(tenant);
    await saveKent2026(admin);
    await admin.gql(SET_SCHEDULE, { input: { policyId: tenant.policyId, cycleMonths: 24, onStatutoryChange: false, nextReview: { startYear: 2026, termKey: 'T2' } } });
    const created = await admin.gql<{ createCalendarFeed: { url: string; feed: { id: string } } }>(
      'mutation { createCalendarFeed(input: { label: "Clerk\'s Outlook" }) { url feed { id } } }',
    );
    const url = new URL(created.data!.createCalendarFeed.url);
    const anonymous = new TestClient(app);
    const response = await anonymous.http.get(url.pathname);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(response.text));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events.map((event) => [event.summary, event.startDate.toString(), event.startDate.isDate])).toEqual([
      [expect.stringMatching(/^Review due: Social Media Policy of /), '2026-12-18', true],
    ]);
    expect(events[0]!.description).toMatch(/due for review in Term 2, 2026\/27, by 18 December 2026/);
    expect((await anonymous.http.get(url.pathname.replace(/.{6}\.ics$/, 'AAAAAA.ics'))).status).toBe(404);
    await admin.gql('mutation ($id: ID!) { revokeCalendarFeed(id: $id) { revokedAt } }', { id: created.data!.createCalendarFeed.feed.id });
    expect((await anonymous.http.get(url.pathname)).status).toBe(404);
  });
});
