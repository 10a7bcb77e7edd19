/** The import CLI: a dry run prints the outline; a real run creates drafts in the named organisation. */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../src/cli';
import { asOwner, createTenant, OWNER_URL } from './support/harness';

const FIXTURES = join(__dirname, '..', '..', '..', 'libs', 'importer', 'test-fixtures');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await runCli(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

it('prints the outline as JSON on a dry run, and saves nothing', async () => {
  const { code, stdout, stderr } = await run(['import', join(FIXTURES, 'la-model-social-media-policy.txt'), '--dry-run', '--format', 'outline']);
  expect(code).toBe(0);
  const outline = JSON.parse(stdout);
  expect(Object.keys(outline)).toEqual(expect.arrayContaining(['title', 'metadata', 'sections', 'warnings']));
  expect(outline.sections).toHaveLength(6);
  expect(outline.sections[0]).toEqual({ heading: 'Introduction', clauses: expect.arrayContaining([{ text: expect.stringContaining('committed') }]) });
  expect(stderr).toMatch(/\[1\/1\] la-model-social-media-policy\.txt: read/);
});

const THREE = ['la-model-social-media-policy.txt', 'leaf-trust-use-of-social-media-policy-v1.0.txt', 'life-mat-social-media-policy.txt'];

it('imports a folder into drafts of the organisation, showing progress', async () => {
  const tenant = await createTenant();
  const folder = mkdtempSync(join(tmpdir(), 'ratify-cli-'));
  for (const name of THREE) copyFileSync(join(FIXTURES, name), join(folder, name));
  writeFileSync(join(folder, 'minutes.pdf'), 'not a policy');
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = OWNER_URL();
  try {
    const { code, stdout, stderr } = await run(['import', folder, '--org', tenant.slug]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[1\/3\] la-model-social-media-policy\.txt: created draft/);
    expect(stderr).toMatch(/\[3\/3\] life-mat-social-media-policy\.txt: created draft/);
    expect(stdout).toBe('3 of 3 imported.\n');
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
  const drafts = await asOwner(async (db) =>
    (await db.query(`SELECT p.title FROM policy p JOIN policy_version v ON v.policy_id = p.id AND v.status = 'draft' WHERE p.organisation_id = $1 ORDER BY p.title`, [tenant.organisationId])).rows.map(
      (row) => row.title,
    ),
  );
  expect(drafts).toEqual(['Raysfield Schools Social Media', 'Social Media Policy', 'Use of Social Media Policy']);
});

it('explains misuse with exit status 2', async () => {
  expect((await run(['import', 'nope.txt', '--dry-run'])).code).toBe(2);
  const noOrg = await run(['import', FIXTURES]);
  expect(noOrg.code).toBe(2);
  expect(noOrg.stderr).toContain('--org SLUG');
  expect((await run(['frobnicate'])).stderr).toContain('Unknown command "frobnicate"');
});
