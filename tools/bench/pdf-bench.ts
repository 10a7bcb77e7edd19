/**
 * The Leaf Trust policy PDF: libs/pdf (pdfmake, in process) against Chromium printing the same
 * policy's accessible HTML rendition to PDF, both from one rendition (libs/pdf's Leaf fixture:
 * the real text of Leaf Trust's policy and its cover facts, with the demo's logo as an upload
 * leaves it). Target: p50 under 100 ms.
 *
 *   npx nx run-many -t build --projects=api && npx tsx tools/bench/pdf-bench.ts [--runs 30]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { leafRendition } from '../../libs/pdf/src/fixtures/leaf';
import { renderPolicyPdf } from '../../libs/pdf/src/render';
import { median, option, ROOT } from './api-bench';

/* eslint-disable @typescript-eslint/no-require-imports -- the built API is CommonJS */
const pages = require(join(ROOT, 'apps', 'api', 'dist', 'publication', 'public-pages.js')) as typeof import('../../apps/api/src/publication/public-pages');
const logos = require(join(ROOT, 'apps', 'api', 'dist', 'branding', 'logo.js')) as typeof import('../../apps/api/src/branding/logo');
/* eslint-enable @typescript-eslint/no-require-imports */

const runs = option('runs', 30);
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

async function time(label: string, work: () => Promise<number>): Promise<{ label: string; times: number[]; bytes: number }> {
  for (let i = 0; i < 3; i++) await work();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = await work();
    times.push(performance.now() - start);
  }
  return { label, times, bytes };
}

async function main(): Promise<void> {
  // Leaf Trust's demo logo, uploaded as the app would take it (validated, re-encoded, flattened).
  const uploaded = await logos.reencodeLogo(readFileSync(join(ROOT, 'apps', 'api', 'demo', 'leaf-trust-logo.png')));
  const logo = uploaded.png;
  const fixture = leafRendition();
  const rendition = { ...fixture, branding: { ...fixture.branding, logo: { dataUrl: `data:image/png;base64,${logo.toString('base64')}`, width: uploaded.width, height: uploaded.height } } };
  const hash = 'a'.repeat(64);
  const site = { id: 's', slug: 'oakfield-primary', name: rendition.schoolName!, kind: 'school', parentId: 't', numberingStyle: rendition.numbering, createdAt: new Date() };
  const trust = { ...site, id: 't', slug: 'leaf-trust', name: 'Leaf Trust', kind: 'trust', parentId: null };
  const branding = {
    schoolId: 's',
    primaryColour: rendition.branding.primaryColour,
    accentColour: rendition.branding.accentColour,
    font: rendition.branding.font,
    strapline: rendition.branding.strapline,
    logo: { id: 'logo', sha256: hash, width: uploaded.width, height: uploaded.height },
    coverFields: rendition.branding.coverFields,
    contactEmail: 'office@leaftrust.example',
    keepArchive: false,
    overrides: [],
  };
  const html = pages.policyPage({ chrome: { site, trust, branding } as never, policySlug: 'use-of-social-media-policy', rendition });
  const server = createServer((request, response) => {
    if (request.url === '/p/_/public.css') return void response.writeHead(200, { 'content-type': 'text/css' }).end(pages.PUBLIC_CSS);
    if (request.url?.startsWith('/p/_/logo/')) return void response.writeHead(200, { 'content-type': 'image/png' }).end(logo);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/p/oakfield-primary/use-of-social-media-policy`;

  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => path && existsSync(path));
  if (!executablePath) throw new Error("No chromium found: apt-get install chromium (or set CHROMIUM_PATH)");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const page = await browser.newPage();
  try {
    const pdfmake = await time('libs/pdf (pdfmake), rendition → PDF', async () => (await renderPolicyPdf(rendition)).length);
    const printed = await time('Chromium, HTML rendition → PDF (load + print)', async () => {
      await page.goto(url, { waitUntil: 'load' });
      return (await page.pdf({ format: 'A4', printBackground: true })).length;
    });
    const ratio = median(printed.times) / median(pdfmake.times);
    console.log(`Leaf Trust policy PDF, ${runs} runs each after 3 warm-up runs (Node ${process.version}, Chromium ${browser.version()})\n`);
    console.log('| renderer | p50 | p95 | PDF size |');
    console.log('|---|---|---|---|');
    for (const result of [pdfmake, printed]) {
      console.log(`| ${result.label} | ${median(result.times).toFixed(1)} ms | ${p95(result.times).toFixed(1)} ms | ${(result.bytes / 1024).toFixed(0)} KiB |`);
    }
    console.log(`\nChromium / pdfmake (p50): ${ratio.toFixed(2)}×`);
    console.log(`Target p50 < 100 ms for libs/pdf: ${median(pdfmake.times) < 100 ? 'met' : 'NOT met'}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
