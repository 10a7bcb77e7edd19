/**
 * Renders pdfmake document definitions to bytes with every outside resource refused: no URL is
 * ever fetched, and only the shipped font files may be read from disk. Also the two-pass
 * render of a policy, whose history table prints the pages its changed clauses start on.
 */
import { dirname, join, resolve, sep } from 'node:path';
import type { Node, NodeQueries, TDocumentDefinitions, TFontFamilyTypes } from 'pdfmake/interfaces';
// pdfmake 0.3 is CommonJS with a default-less export: the namespace import form breaks it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import pdfmake = require('pdfmake');
import { CLAUSE_ID_PREFIX } from './body';
import { needsPages } from './history';
import { buildPolicyPdf } from './policy-pdf';
import type { FontFamily, PolicyRendition } from './rendition';

const ROBOTO_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const DEJAVU_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** Typed by FontFamily, so offering a family in `FONT_FAMILIES` without its files fails to compile. */
const FONTS: Record<FontFamily, TFontFamilyTypes> = {
  Roboto: {
    normal: join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
    bold: join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
    italics: join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
  },
  'DejaVu Sans': {
    normal: join(DEJAVU_DIR, 'DejaVuSans.ttf'),
    bold: join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf'),
    italics: join(DEJAVU_DIR, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(DEJAVU_DIR, 'DejaVuSans-BoldOblique.ttf'),
  },
  'DejaVu Serif': {
    normal: join(DEJAVU_DIR, 'DejaVuSerif.ttf'),
    bold: join(DEJAVU_DIR, 'DejaVuSerif-Bold.ttf'),
    italics: join(DEJAVU_DIR, 'DejaVuSerif-Italic.ttf'),
    bolditalics: join(DEJAVU_DIR, 'DejaVuSerif-BoldItalic.ttf'),
  },
};

const READABLE_DIRS = [ROBOTO_DIR, DEJAVU_DIR].map((dir) => dir + sep);

pdfmake.setFonts(FONTS);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path: string) => READABLE_DIRS.some((dir) => resolve(path).startsWith(dir)));

/**
 * pdfmake writes its layout state into the definition it is given (and turns header objects into
 * functions), so each render works on its own copy: a definition can be rendered twice, and a
 * caller's object is never changed. Functions, Buffers and other non-plain values are shared.
 */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, copyOf(inner)])) as T;
  return value;
}

/** An object literal, from this realm or another (a worker's, jest's): its prototype's prototype is null. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(copyOf(definition)).getBuffer();
}

/**
 * Renders the definition and notes the page every `clause-<id>` node starts on, through
 * pdfmake's documented `pageBreakBefore(currentNode, …)` hook, which sees each laid-out node
 * once with its `startPosition`. The definition's own hook still decides the page breaks.
 */
async function renderLocating(definition: TDocumentDefinitions): Promise<{ bytes: Buffer; clausePages: Record<string, number> }> {
  const clausePages: Record<string, number> = {};
  const own = definition.pageBreakBefore;
  const pageBreakBefore = (node: Node, queries: NodeQueries): boolean => {
    const breaks = own ? own(node, queries) : false;
    if (node.id?.startsWith(CLAUSE_ID_PREFIX)) {
      // A node the hook moves to a new page is not shown to the hook again: it starts one page on.
      clausePages[node.id.slice(CLAUSE_ID_PREFIX.length)] = node.startPosition.pageNumber + (breaks ? 1 : 0);
    }
    return breaks;
  };
  const bytes = await renderPdf({ ...definition, pageBreakBefore });
  return { bytes, clausePages };
}

/** The page each clause starts on (clause id → page number, from 1), by laying the definition out. */
export async function locateClauses(definition: TDocumentDefinitions): Promise<Record<string, number>> {
  return (await renderLocating(definition)).clausePages;
}

function samePages(printed: Record<string, number>, actual: Record<string, number>, ids: string[]): boolean {
  return ids.every((id) => printed[id] === actual[id]);
}

/**
 * The policy's PDF. When a history row names changed clauses, a first pass finds their pages and
 * a second prints them. The history table is built to take the same room in both passes (the
 * body starts on a fresh page anyway), but if the second pass still moved a listed clause, a third
 * pass prints the pages it really has.
 */
export async function renderPolicyPdf(rendition: PolicyRendition): Promise<Buffer> {
  const listed = rendition.history.filter(needsPages).flatMap((item) => item.changedClauses as string[]);
  if (listed.length === 0) return renderPdf(buildPolicyPdf(rendition));

  let { clausePages } = await renderLocating(buildPolicyPdf(rendition));
  for (let pass = 2; ; pass++) {
    const result = await renderLocating(buildPolicyPdf(rendition, { clausePages }));
    if (pass === 3 || samePages(clausePages, result.clausePages, listed)) return result.bytes;
    clausePages = result.clausePages;
  }
}
