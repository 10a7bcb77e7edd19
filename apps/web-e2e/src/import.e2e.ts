import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, usePage } from './support/browser';
import { signIn } from './support/ratify-pages';


// The line before the first section heading is not policy text the importer can place: it says so.
const MARKDOWN = `# Staff Code of Conduct

A caring school at the heart of the village.

## Introduction

This code sets out the standards of behaviour expected of all staff.

Staff must act with integrity at all times.

## Scope

This code applies to all staff, volunteers and trustees.
`;

const page = usePage();

it('an author uploads a Markdown file, checks the preview and its warnings, creates the draft and lands in the editor', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'ratify-import-')), 'staff-code-of-conduct.md');
  writeFileSync(file, MARKDOWN);
  await signIn(page);

  await page.getByRole('link', { name: 'Import a policy' }).click();
  await page.getByRole('heading', { name: 'Import a policy', level: 1 }).waitFor();
  await page.getByLabel('Policy file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and preview' }).click();

  await page.getByRole('heading', { name: 'What Ratify read from staff-code-of-conduct.md' }).waitFor();
  expect(await page.getByLabel('Title').inputValue()).toBe('Staff Code of Conduct');
  const warnings = page.getByRole('region', { name: /before you create the draft/ });
  expect(await warnings.getByRole('listitem').count()).toBeGreaterThan(0);
  const outline = await page.locator('.outline').innerText();
  expect(outline).toContain('Introduction');
  expect(outline).toContain('This code applies to all staff, volunteers and trustees.');
  await page.screenshot({ path: join(ARTIFACTS, 'import-preview.png'), fullPage: true });

  await page.getByRole('button', { name: 'Create draft' }).click();

  await page.getByRole('textbox', { name: 'Text of Staff Code of Conduct' }).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/policies\/[^/]+\/edit$/);
  expect(await page.locator('.ProseMirror').innerText()).toContain('Staff must act with integrity at all times.');
});
