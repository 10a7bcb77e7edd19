/**
 * Branding: a trust's look and an academy's overrides; logos validated by their bytes, decoded
 * with limits and re-encoded (nothing uploaded is kept as it came); colours readable on white.
 */
import type { INestApplication } from '@nestjs/common';
import sharp from 'sharp';
import { addMember, asOwner, signedInAs, signedInTenant, startTestApp, TestClient, type TestTenant } from './support/harness';

let app: INestApplication;
let tenant: TestTenant;
let admin: TestClient;

const BRANDING = 'query ($schoolId: ID) { branding(schoolId: $schoolId) { schoolId primaryColour accentColour font strapline logo { id width height url } coverFields contactEmail keepArchive overrides } }';
const SET = 'mutation ($input: SetBrandingInput!) { setBranding(input: $input) { schoolId primaryColour font strapline logo { id width height } coverFields contactEmail keepArchive overrides } }';

function upload(client: TestClient, bytes: Buffer, name: string, schoolId?: string) {
  const call = client.http
    .post(`/api/branding/logo${schoolId ? `?schoolId=${schoolId}` : ''}`)
    .set('Cookie', client.cookieHeader())
    .set('apollo-require-preflight', 'true');
  return call.attach('file', bytes, name);
}

const assets = (organisationId = tenant.organisationId) =>
  asOwner(async (db) => (await db.query(`SELECT count(*)::int AS n FROM asset WHERE organisation_id = $1`, [organisationId])).rows[0].n as number);

beforeAll(async () => {
  app = await startTestApp();
  ({ tenant, client: admin } = await signedInTenant(app, { role: 'admin' }));
});
afterAll(() => app.close());

it('starts from the defaults, and a trust sets its own look', async () => {
  const initial = await admin.gql<{ branding: Record<string, unknown> }>(BRANDING, {});
  expect(initial.data!.branding).toMatchObject({ schoolId: null, primaryColour: '#1d5b2c', font: 'ROBOTO', strapline: null, logo: null, keepArchive: false, overrides: [] });
  const set = await admin.gql<{ setBranding: Record<string, unknown> }>(SET, {
    input: { primaryColour: '#0B3D91', font: 'DEJAVU_SERIF', strapline: '  Growing together  ', coverFields: ['APPROVED_ON', 'REVIEW_DATE'], contactEmail: 'Office@Trust.example', keepArchive: true },
  });
  expect(set.errors).toBeUndefined();
  expect(set.data!.setBranding).toMatchObject({ primaryColour: '#0b3d91', font: 'DEJAVU_SERIF', strapline: 'Growing together', coverFields: ['APPROVED_ON', 'REVIEW_DATE'], contactEmail: 'office@trust.example', keepArchive: true });
});

it('refuses a colour too light to read on white, saying by how much, and changes nothing', async () => {
  const refused = await admin.gql(SET, { input: { primaryColour: '#ffdd00', strapline: 'Never saved' } });
  expect(refused.errors?.[0]).toMatchObject({
    message: '#ffdd00 is too light to read against white (contrast 1.3:1; at least 4.5:1 is needed). Choose a darker shade.',
    extensions: { code: 'BAD_USER_INPUT', details: { field: 'primaryColour', reason: 'LOW_CONTRAST' } },
  });
  expect((await admin.gql(SET, { input: { accentColour: 'green' } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await admin.gql<{ branding: { strapline: string } }>(BRANDING, {})).data!.branding.strapline).toBe('Growing together');
});

it("lets an academy override some settings and inherit the rest; only the trust chooses the archive", async () => {
  const head = await addMember(tenant, 'publisher', { schoolId: tenant.schoolId });
  const school = await signedInAs(app, head.email);
  const own = await school.gql<{ setBranding: Record<string, unknown> }>(SET, { input: { schoolId: tenant.schoolId, strapline: 'Small school, big hearts' } });
  expect(own.errors).toBeUndefined();
  expect(own.data!.setBranding).toMatchObject({ schoolId: tenant.schoolId, strapline: 'Small school, big hearts', primaryColour: '#0b3d91', font: 'DEJAVU_SERIF', keepArchive: true, overrides: ['STRAPLINE'] });
  expect((await school.gql(SET, { input: { schoolId: tenant.schoolId, keepArchive: false } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await school.gql(SET, { input: { strapline: 'The whole trust' } })).errors?.[0]).toMatchObject({ message: "Only the trust's admins can change the trust's branding.", extensions: { code: 'FORBIDDEN' } });
  const back = await school.gql<{ setBranding: { strapline: string; overrides: string[] } }>(SET, { input: { schoolId: tenant.schoolId, strapline: null } });
  expect(back.data!.setBranding).toMatchObject({ strapline: 'Growing together', overrides: [] });
});

it('re-encodes an uploaded logo: a JPEG with EXIF comes back a PNG without it, scaled to fit', async () => {
  const jpeg = await sharp({ create: { width: 2400, height: 800, channels: 3, background: '#2f6b3a' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret-exif-marker', Artist: 'someone' } })
    .toBuffer();
  expect(jpeg.includes(Buffer.from('secret-exif-marker'))).toBe(true);
  const response = await upload(admin, jpeg, 'logo.jpg');
  expect(response.status).toBe(201);
  expect(response.body).toMatchObject({ width: 1200, height: 400, url: `/api/assets/${response.body.id}.png` });
  const stored = await admin.getBytes(response.body.url);
  const bytes = stored.body as Buffer;
  expect((await sharp(bytes).metadata()).format).toBe('png');
  expect(bytes.includes(Buffer.from('secret-exif-marker'))).toBe(false);
  const used = await admin.gql<{ setBranding: { logo: { id: string; width: number } } }>(SET, { input: { logoId: response.body.id } });
  expect(used.data!.setBranding.logo).toEqual({ id: response.body.id, width: 1200, height: 400 });
});

it('refuses what is not a PNG or JPEG by its bytes, whatever its name, and stores nothing', async () => {
  const before = await assets();
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>');
  const cases: [Buffer, string, string][] = [
    [svg, 'logo.png', 'NOT_AN_IMAGE'],
    [Buffer.from('GIF89a....'), 'logo.gif', 'NOT_AN_IMAGE'],
    [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png at all')]), 'broken.png', 'UNREADABLE'],
    [await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000000' } }).png().toBuffer(), 'dot.png', 'TOO_SMALL'],
  ];
  for (const [bytes, name, reason] of cases) {
    const response = await upload(admin, bytes, name);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason } });
  }
  expect((await upload(admin, Buffer.alloc(2 * 1024 * 1024 + 10, 0xff), 'huge.jpg')).status).toBe(413);
  expect(await assets()).toBe(before);
});

it("never lets one trust use or see another trust's logo", async () => {
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123456' } }).png().toBuffer();
  const theirs = (await upload(admin, png, 'logo.png')).body.id as string;
  const { client: other } = await signedInTenant(app, { role: 'admin' });
  expect((await other.gql(SET, { input: { logoId: theirs } })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  expect((await other.http.get(`/api/assets/${theirs}.png`).set('Cookie', other.cookieHeader())).status).toBe(404);
});
