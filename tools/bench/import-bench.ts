/**
 * How long the importer takes on a long policy: a ~30-page, ~15,000-word policy made from the
 * fixtures' sentences (varied into many sections and clauses, with a cover table, a history
 * table, a contents list, bullets and a page header every page), written as .txt, .md and
 * .docx, each imported N times through `importPolicy` as the API does.
 *
 *   npx tsx tools/bench/import-bench.ts [--runs 20] [--words 15000] [--out dir]
 *
 * Prints median and p95 milliseconds per format and whether the target (< 500 ms) is met, and
 * checks each import found the sections and clauses that were written.
 * Tests never time things; this is where timing lives.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importPolicy, wordsKept } from '../../libs/importer/src/index';
import { buildDocx, type WordBlock } from '../../libs/importer/src/testing/word-builder';

const TARGET_MS = 500;
const FIXTURES = join(__dirname, '..', '..', 'libs', 'importer', 'test-fixtures');
const HEADER = 'Northern Lights Learning Trust – Staff Conduct and Online Safety Policy';
const WORDS_PER_PAGE = 500;

interface Clause {
  sentences: string[];
  bullets: string[];
}

interface Section {
  heading: string;
  clauses: Clause[];
}

/** A small seeded generator, so every run measures the same document. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/** Sentences and short lines from every fixture, without their markup. */
function readPool(): { sentences: string[]; items: string[]; headings: string[] } {
  const sentences = new Set<string>();
  const items = new Set<string>();
  const headings = new Set<string>();
  for (const file of readdirSync(FIXTURES)) {
    for (const raw of readFileSync(join(FIXTURES, file), 'utf8').split(/\r?\n/)) {
      const line = raw
        .replace(/<[^>]+>/g, '')
        .replace(/\*\*|\\\*/g, '')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .trim();
      const heading = /^#{2,3}\s+(.*)$/.exec(line) ?? /^\d{1,2}\.\s+([A-Z][^.]{2,60})$/.exec(line);
      if (heading) {
        if (!/history|contents|policy$/i.test(heading[1])) headings.add(heading[1].replace(/^\d+\.\s*/, ''));
      }
      else if (/^[-*•]\s+/.test(line) && line.length < 220) items.add(line.replace(/^[-*•]\s+/, '').replace(/^\d+(\.\d+)+\.?\s+/, ''));
      else if (line.length > 60 && !line.includes('\t') && !line.includes('|')) {
        // Whole sentences only: a capital to start, a full stop to end, no list marker.
        for (const sentence of line.replace(/^-?\s*\d+(\.\d+)*\.?\s+/, '').split(/(?<=[.!?])\s+(?=[A-Z])/)) {
          if (/^[A-Z][^\t]{30,}[.!?]$/.test(sentence.trim())) sentences.add(sentence.trim());
        }
      }
    }
  }
  return { sentences: [...sentences], items: [...items], headings: [...headings] };
}

function buildPolicy(targetWords: number): Section[] {
  const pool = readPool();
  const random = seeded(2025);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const sections: Section[] = [];
  let words = 0;
  for (let index = 0; words < targetWords; index++) {
    const clauses: Clause[] = [];
    const clauseCount = 4 + Math.floor(random() * 5);
    for (let c = 0; c < clauseCount && words < targetWords; c++) {
      const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool.sentences));
      const bullets = random() < 0.3 ? Array.from({ length: 3 + Math.floor(random() * 4) }, () => pick(pool.items)) : [];
      if (bullets.length) sentences[sentences.length - 1] = 'Staff should follow these principles:';
      clauses.push({ sentences, bullets });
      words += [...sentences, ...bullets].join(' ').split(/\s+/).length;
    }
    // Each heading once, then numbered variants, so the contents list and the sections stay distinct.
    const base = pool.headings[index % pool.headings.length];
    sections.push({ heading: index < pool.headings.length ? base : `${base} (part ${Math.floor(index / pool.headings.length) + 1})`, clauses });
  }
  return sections;
}

const COVER_ROWS: [string, string][] = [
  ['Date Policy Adopted', '13th January 2025'],
  ['Policy Author', 'Operations Lead'],
  ['Policy Monitored by', 'Finance, Audit & Risk Committee'],
  ['Review Cycle', '2 Years'],
  ['Review Date', 'Term 2, 2026/27'],
];
const HISTORY: string[][] = [
  ['Version', 'Date', 'Page', 'Change', 'Origin of Change'],
  ['v.1', '13 January 2025', 'Whole Document', 'New Policy', 'Adopted from existing LA Policy'],
  ['v.2', '9 December 2025', 'Sections 4 and 7', 'Gaming platforms added', 'Trust review'],
];

/** Plain text as a PDF export gives it: numbered headings and clauses, "•" bullets, tab tables, form feeds with a header and page numbers. */
function asText(sections: Section[]): string {
  const out: string[] = ['Northern Lights Learning Trust', '', 'Staff Conduct and Online Safety Policy', '', 'Non-statutory', ''];
  out.push(...COVER_ROWS.map(([label, value]) => `${label}:\t${value}`), '', 'History of Most Recent Policy Changes', '');
  out.push(...HISTORY.map((row) => row.join('\t')), '', 'Contents', '');
  out.push(...sections.map((section, index) => `${index + 1}. ${section.heading} .....\t${2 + Math.floor(index / 2)}`), '');
  let words = 0;
  let page = 1;
  sections.forEach((section, index) => {
    out.push(`${index + 1}. ${section.heading}`, '');
    section.clauses.forEach((clause, c) => {
      out.push(`${index + 1}.${c + 1} ${clause.sentences.join(' ')}`, '');
      if (clause.bullets.length) out.push(...clause.bullets.map((item) => `• ${item}`), '');
      words += [...clause.sentences, ...clause.bullets].join(' ').split(/\s+/).length;
      if (words > page * WORDS_PER_PAGE) {
        out.push(`Page ${page}`, `\f${HEADER}`, '');
        page++;
      }
    });
  });
  return out.join('\n');
}

/** Markdown: "##" headings, plain paragraphs, "-" bullets, pipe tables. */
function asMarkdown(sections: Section[]): string {
  const out: string[] = ['# Staff Conduct and Online Safety Policy (v 2.0)', '', '**Northern Lights Learning Trust**', '', '| Document control | |', '|---|---|'];
  out.push(...COVER_ROWS.map(([label, value]) => `| ${label} | ${value} |`), '', '## History of Most Recent Policy Changes', '');
  out.push(`| ${HISTORY[0].join(' | ')} |`, `|${HISTORY[0].map(() => '---').join('|')}|`, ...HISTORY.slice(1).map((row) => `| ${row.join(' | ')} |`), '');
  for (const section of sections) {
    out.push(`## ${section.heading}`, '');
    for (const clause of section.clauses) {
      out.push(clause.sentences.join(' '), '');
      if (clause.bullets.length) out.push(...clause.bullets.map((item) => `- ${item}`), '');
    }
  }
  return out.join('\n');
}

/** Word: Title style, numbered Heading 1, automatically numbered clauses, bullet lists, real tables, a page header. */
function asWord(sections: Section[]): WordBlock[] {
  const blocks: WordBlock[] = [
    { kind: 'paragraph', text: 'Northern Lights Learning Trust' },
    { kind: 'title', text: 'Staff Conduct and Online Safety Policy' },
    { kind: 'paragraph', text: 'Non-statutory' },
    { kind: 'table', rows: COVER_ROWS.map(([label, value]) => [`${label}:`, value]) },
    { kind: 'heading', level: 2, text: 'History of Most Recent Policy Changes' },
    { kind: 'table', rows: HISTORY },
  ];
  for (const section of sections) {
    blocks.push({ kind: 'heading', level: 1, text: section.heading, numbered: true });
    for (const clause of section.clauses) {
      blocks.push({ kind: 'clause', text: clause.sentences.join(' ') });
      blocks.push(...clause.bullets.map((item): WordBlock => ({ kind: 'bullet', text: item })));
    }
  }
  return blocks;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, words: { type: 'string', default: '15000' }, out: { type: 'string' } } });
  const runs = Number(values.runs);
  const sections = buildPolicy(Number(values.words));
  const text = asText(sections);
  const files: { format: string; fileName: string; data: Buffer; source: string }[] = [
    { format: '.txt', fileName: 'bench-policy.txt', data: Buffer.from(text), source: text },
    { format: '.md', fileName: 'bench-policy.md', data: Buffer.from(asMarkdown(sections)), source: asMarkdown(sections) },
    { format: '.docx', fileName: 'bench-policy.docx', data: await buildDocx({ header: [HEADER], blocks: asWord(sections) }), source: text },
  ];
  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    for (const file of files) writeFileSync(join(values.out, file.fileName), file.data);
  }

  const clauses = sections.reduce((total, section) => total + section.clauses.length, 0);
  const words = text.split(/\s+/).length;
  console.log(`Policy: ${sections.length} sections, ${clauses} clauses, ~${words} words (~${Math.round(words / WORDS_PER_PAGE)} pages); ${runs} runs per format after 2 warm-up runs.`);
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}\n`);
  console.log('format   size      sections  clauses  structure  words kept   median ms   p95 ms   target < 500 ms');
  let allMet = true;
  for (const file of files) {
    const timings: number[] = [];
    let last = await importPolicy(file);
    await importPolicy(file);
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      last = await importPolicy(file);
      timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    const median = percentile(timings, 50);
    const p95 = percentile(timings, 95);
    const met = p95 < TARGET_MS;
    allMet &&= met;
    const kept = wordsKept(file.source, last).ratio;
    const importedClauses = last.sections.reduce((total, section) => total + section.clauses.length, 0);
    console.log(
      [
        file.format.padEnd(8),
        `${(file.data.length / 1024).toFixed(0)} KB`.padEnd(9),
        String(last.sections.length).padStart(8),
        String(importedClauses).padStart(8),
        (last.sections.length === sections.length && importedClauses === clauses ? 'as written' : 'DIFFERS').padStart(10),
        `${(kept * 100).toFixed(1)}%`.padStart(11),
        median.toFixed(1).padStart(11),
        p95.toFixed(1).padStart(8),
        `   ${met ? 'met' : 'NOT met'}`,
      ].join(' '),
    );
  }
  console.log(`\n${allMet ? 'Target met' : 'Target NOT met'} for every format (p95 < ${TARGET_MS} ms).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
