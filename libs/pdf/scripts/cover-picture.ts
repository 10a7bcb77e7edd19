/**
 * Draws the cover of the Leaf Trust fixture's PDF as docs/images/leaf-trust-cover.png (100 dpi),
 * the picture the docs show of what a published policy looks like. Needs pdftoppm
 * (apt-get install poppler-utils). Run from anywhere: npx tsx libs/pdf/scripts/cover-picture.ts
 * Pass a page number to draw another page instead (to /tmp), e.g. `… cover-picture.ts 3`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { leafRendition } from '../src/fixtures/leaf';
import { renderPolicyPdf } from '../src/render';

const ROOT = resolve(__dirname, '../../..');
const COVER = join(ROOT, 'docs/images/leaf-trust-cover.png');
const DPI = 100;

async function main(): Promise<void> {
  const page = Number(process.argv[2] ?? 1);
  const scratch = mkdtempSync(join(tmpdir(), 'ratify-cover-'));
  const pdf = join(scratch, 'leaf.pdf');
  writeFileSync(pdf, await renderPolicyPdf(leafRendition()));
  const base = join(scratch, `page-${page}`);
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const target = page === 1 ? COVER : `${base}.png`;
  mkdirSync(resolve(target, '..'), { recursive: true });
  if (page === 1) renameSync(`${base}.png`, target);
  console.log(`Wrote ${page === 1 ? relative(process.cwd(), target) : target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
