/**
 * How long the pure parts of template updates and school variants take on a realistic policy:
 * a 200-clause policy (20 sections × 10 clauses) made from the fixtures' sentences; a template
 * update that rewords ~10% of the clauses, adds and removes a few and adds a section; a trust
 * that rewords ~10% itself, a quarter of them the same clauses (so there are conflicts), and
 * adds and removes a few; and 50 schools with a few overrides each.
 *
 *   npx tsx tools/bench/merge-bench.ts [--runs 200]
 *
 * Prints median and p95 milliseconds for mergeDocuments, resolveConflicts, diffDocuments (with
 * word diffs) and, for all 50 schools at once, validateOverrides + applyOverrides and
 * carryForward. The issue's target is cloning and rendering 50 school variants in under 1 s
 * overall; this measures the pure part of that (rendering to PDF/HTML is not included).
 * Tests never time things; this is where timing lives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PolicyDocument } from '../../libs/document/src/index';
import {
  applyOverrides,
  carryForward,
  diffDocuments,
  mergeDocuments,
  resolveConflicts,
  validateOverrides,
  type ClauseLocks,
  type Override,
  type Resolution,
} from '../../libs/merge/src/index';
import { clause, policy, type ClauseSpec, type SectionSpec } from '../../libs/merge/src/testing/policies';

const FIXTURES = join(__dirname, '..', '..', 'libs', 'importer', 'test-fixtures');
const SECTIONS = 20;
const CLAUSES_PER_SECTION = 10;
const SCHOOLS = 50;
const TARGET_MS = 1000;

/** A small seeded generator, so every run measures the same documents. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}
const random = seeded(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Whole sentences and list items from every fixture, without their markup or numbering. */
function readPool(): { sentences: string[]; items: string[] } {
  const sentences = new Set<string>();
  const items = new Set<string>();
  for (const file of readdirSync(FIXTURES)) {
    for (const raw of readFileSync(join(FIXTURES, file), 'utf8').split(/\r?\n/)) {
      const line = raw.replace(/<[^>]+>|\*\*|\\\*/g, '').trim();
      if (/^[-*•]\s+/.test(line) && line.length < 200) items.add(line.replace(/^[-*•]\s+/, '').replace(/^\d+(\.\d+)+\.?\s+/, ''));
      else if (line.length > 60 && !line.includes('\t') && !line.includes('|')) {
        for (const sentence of line.replace(/^-?\s*\d+(\.\d+)*\.?\s+/, '').split(/(?<=[.!?])\s+(?=[A-Z])/)) {
          if (/^[A-Z][^\t]{30,}[.!?]$/.test(sentence.trim())) sentences.add(sentence.trim());
        }
      }
    }
  }
  return { sentences: [...sentences], items: [...items] };
}

const pool = readPool();

function clauseText(): string {
  const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pool.sentences));
  if (random() < 0.15) return [...sentences.slice(0, -1), 'Staff should follow these principles:', ...Array.from({ length: 2 + Math.floor(random() * 3) }, () => `- ${pick(pool.items)}`)].join('\n');
  return sentences.join(' ');
}

/** A reworded clause: a few words swapped, as a publisher's or a trust's edit would. */
function reword(text: string, marker: string): string {
  const words = text.split(' ');
  for (let swaps = 0; swaps < 3; swaps++) words[Math.floor(random() * words.length)] = marker;
  return words.join(' ');
}

function buildBase(): SectionSpec[] {
  return Array.from({ length: SECTIONS }, (_, s) => ({
    id: `s${s}`,
    heading: `Section ${s + 1}`,
    clauses: Array.from({ length: CLAUSES_PER_SECTION }, (_, c): ClauseSpec => [`c${s}-${c}`, clauseText()]),
  }));
}

type Edit = { reword: Set<string>; remove: Set<string>; add: Map<string, ClauseSpec> };

function edited(base: SectionSpec[], edit: Edit, marker: string): SectionSpec[] {
  return base.map((part) => ({
    ...part,
    clauses: part.clauses.flatMap(([id, text]): ClauseSpec[] => {
      const kept: ClauseSpec[] = edit.remove.has(id) ? [] : [[id, edit.reword.has(id) ? reword(text, marker) : text]];
      const added = edit.add.get(id);
      return added ? [...kept, added] : kept;
    }),
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function time(runs: number, work: () => unknown): { median: number; p95: number } {
  for (let warm = 0; warm < 5; warm++) work();
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    timings.push(performance.now() - start);
  }
  timings.sort((a, b) => a - b);
  return { median: percentile(timings, 50), p95: percentile(timings, 95) };
}

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' } } });
  const runs = Number(values.runs);

  const baseSpec = buildBase();
  const ids = baseSpec.flatMap((part) => part.clauses.map(([id]) => id));
  const shuffled = [...ids].sort(() => random() - 0.5);
  // Template: 20 reworded, 3 removed, 5 added, and a new section of 3 clauses.
  const theirsReworded = shuffled.slice(0, 20);
  const theirsEdit: Edit = {
    reword: new Set(theirsReworded),
    remove: new Set(shuffled.slice(20, 23)),
    add: new Map(shuffled.slice(23, 28).map((id, n): [string, ClauseSpec] => [id, [`t-new${n}`, clauseText()]])),
  };
  const theirsSpec = edited(baseSpec, theirsEdit, 'TEMPLATE');
  theirsSpec.splice(12, 0, { id: 't-section', heading: 'Artificial intelligence', clauses: [0, 1, 2].map((n): ClauseSpec => [`t-ai${n}`, clauseText()]) });
  // Trust: 20 reworded (5 of them also reworded by the template), 2 removed (one the template reworded), 3 added.
  const oursEdit: Edit = {
    reword: new Set([...theirsReworded.slice(0, 5), ...shuffled.slice(40, 55)]),
    remove: new Set([theirsReworded[5] as string, shuffled[60] as string]),
    add: new Map(shuffled.slice(61, 64).map((id, n): [string, ClauseSpec] => [id, [`o-new${n}`, clauseText()]])),
  };
  const oursSpec = edited(baseSpec, oursEdit, 'TRUST');

  const base = policy(baseSpec);
  const theirs = policy(theirsSpec);
  const ours = policy(oursSpec);
  const words = baseSpec.flatMap((part) => part.clauses.map(([, text]) => text)).join(' ').split(/\s+/).length;

  const merge = mergeDocuments({ base, theirs, ours });
  const tally = new Map<string, number>();
  for (const outcome of merge.clauses) tally.set(outcome.kind, (tally.get(outcome.kind) ?? 0) + 1);
  const allTheirs = Object.fromEntries(merge.conflicts.map((conflict): [string, Resolution] => [conflict.id, { take: 'theirs' }]));
  const trustV2: PolicyDocument = resolveConflicts(merge, allTheirs);

  // 50 schools with 2–6 overrides each of the trust's current version (ours), none on the 20 locked clauses.
  const oursIds = oursSpec.flatMap((part) => part.clauses.map(([id]) => id));
  const locked = new Set(oursIds.filter((_, n) => n % 10 === 0));
  const locks: ClauseLocks = Object.fromEntries([...locked].map((id) => [id, 'locked' as const]));
  const editable = oursIds.filter((id) => !locked.has(id));
  const schools: Override[][] = Array.from({ length: SCHOOLS }, (_, school) => {
    const targets = [...editable].sort(() => random() - 0.5).slice(0, 2 + Math.floor(random() * 5));
    return targets.map((id, n): Override => {
      const kind = n % 3;
      if (kind === 0) return { kind: 'replace', clauseId: id, clause: clause(id, clauseText()) };
      if (kind === 1) return { kind: 'omit', clauseId: id };
      return { kind: 'add-after', clauseId: id, clause: clause(`school${school}-${n}`, clauseText()) };
    });
  });
  const overrideCount = schools.reduce((total, list) => total + list.length, 0);
  const carried = schools.map((overrides) => carryForward(ours, trustV2, overrides));
  const flagged = carried.reduce((total, result) => total + result.needsReconfirmation.length, 0);

  console.log(`Policy: ${SECTIONS} sections, ${ids.length} clauses, ~${words} words. Template update: 20 reworded, 3 removed, 5 added, 1 new section (3 clauses).`);
  console.log('Trust: 20 reworded (5 also reworded by the template), 2 removed (1 reworded by the template), 3 added.');
  console.log(`Merge outcomes: ${[...tally].map(([kind, count]) => `${kind} ${count}`).join(', ')}; ${merge.conflicts.length} conflicts.`);
  console.log(`Schools: ${SCHOOLS}, ${overrideCount} overrides in all; carried to the merged version, ${flagged} need reconfirming.`);
  console.log(`${runs} runs each after 5 warm-up runs; Node ${process.version}, ${process.platform}/${process.arch}.\n`);

  const rows: [string, { median: number; p95: number }][] = [
    ['mergeDocuments (base, theirs, ours)', time(runs, () => mergeDocuments({ base, theirs, ours }))],
    ['resolveConflicts (every conflict)', time(runs, () => resolveConflicts(merge, allTheirs))],
    ['diffDocuments (base → theirs, word diffs)', time(runs, () => diffDocuments(base, theirs))],
    [`validate + applyOverrides × ${SCHOOLS} schools`, time(runs, () => schools.map((overrides) => validateOverrides(ours, locks, overrides).length === 0 && applyOverrides(ours, overrides)))],
    [`carryForward × ${SCHOOLS} schools`, time(runs, () => schools.map((overrides) => carryForward(ours, trustV2, overrides)))],
    [`applyOverrides × ${SCHOOLS} on the new version`, time(runs, () => carried.map((result) => applyOverrides(trustV2, result.overrides)))],
  ];
  console.log('operation                                      median ms   p95 ms');
  for (const [name, { median, p95 }] of rows) console.log(`${name.padEnd(46)} ${median.toFixed(2).padStart(9)} ${p95.toFixed(2).padStart(8)}`);
  const schoolsP95 = (rows[4]?.[1].p95 ?? 0) + (rows[5]?.[1].p95 ?? 0);
  console.log(`\n${SCHOOLS} school variants of a new trust version (carryForward + applyOverrides), p95 sum: ${schoolsP95.toFixed(1)} ms of the ${TARGET_MS} ms budget for cloning and rendering them.`);
}

main();
