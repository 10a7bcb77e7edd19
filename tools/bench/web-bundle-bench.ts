/**
 * The web app's initial JavaScript: what a browser must download before the first screen, read
 * from the built app (apps/web/dist): the entry script and the modules index.html preloads,
 * gzipped as a server sends them. Also which packages each initial file holds (from the source
 * maps), to show the editor (tiptap/ProseMirror) is not among them. Target: < 250 kB gzip.
 *
 *   npx nx run web:build && npx tsx tools/bench/web-bundle-bench.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './api-bench';

const DIST = join(ROOT, 'apps', 'web', 'dist');
const TARGET_KB = 250;
const EDITOR_PACKAGES = /^(@tiptap\/|prosemirror-)/;

/** The package a source file belongs to: "@tiptap/core", "vue", "libs/document", or "app". */
function packageOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return source.includes('libs/') ? `libs/${source.split('libs/')[1]!.split('/')[0]}` : 'app';
  const [first, second] = source.slice(at + 'node_modules/'.length).split('/');
  return first!.startsWith('@') ? `${first}/${second}` : first!;
}

function packagesIn(file: string): string[] {
  const map = JSON.parse(readFileSync(join(DIST, `${file}.map`), 'utf8')) as { sources: string[] };
  return [...new Set(map.sources.map(packageOf))].sort();
}

function gzipKb(file: string): { raw: number; gzip: number } {
  const bytes = readFileSync(join(DIST, file));
  return { raw: bytes.length / 1000, gzip: gzipSync(bytes).length / 1000 };
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const initial = [
  ...[...html.matchAll(/<script type="module"[^>]*src="\/([^"]+)"/g)].map((match) => match[1]!),
  ...[...html.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map((match) => match[1]!),
];
const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((match) => match[1]!);
if (initial.length === 0) throw new Error('No entry script in apps/web/dist/index.html: build the web app first (npx nx run web:build).');

console.log('Initial JavaScript of the web app (apps/web/dist), gzip as served\n');
console.log('| file | raw | gzip | packages |');
console.log('|---|---|---|---|');
let total = 0;
let editorInInitial = false;
for (const file of initial) {
  const size = gzipKb(file);
  total += size.gzip;
  const packages = packagesIn(file);
  editorInInitial ||= packages.some((name) => EDITOR_PACKAGES.test(name));
  console.log(`| ${file} | ${size.raw.toFixed(1)} kB | ${size.gzip.toFixed(1)} kB | ${packages.join(', ')} |`);
}
const css = styles.reduce((sum, file) => sum + gzipKb(file).gzip, 0);
console.log(`\nInitial JavaScript: ${total.toFixed(1)} kB gzip (target < ${TARGET_KB} kB: ${total < TARGET_KB ? 'met' : 'NOT met'}); CSS ${css.toFixed(1)} kB gzip.`);

const editorChunks = readdirSync(join(DIST, 'assets'))
  .filter((file) => file.endsWith('.js') && !initial.includes(`assets/${file}`))
  .filter((file) => packagesIn(`assets/${file}`).some((name) => EDITOR_PACKAGES.test(name)))
  .map((file) => `${file} (${gzipKb(`assets/${file}`).gzip.toFixed(1)} kB gzip)`);
console.log(`The editor (tiptap/ProseMirror) in the initial files: ${editorInInitial ? 'YES — it should load only where it is used' : 'no'}.`);
console.log(`Loaded on demand, with the editor: ${editorChunks.join(', ') || 'none'}.`);
if (editorInInitial || total >= TARGET_KB) process.exitCode = 1;
