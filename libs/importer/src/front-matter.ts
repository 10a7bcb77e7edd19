/**
 * The cover: everything before the policy's first section. Its title, the facts a cover
 * carries (organisation, strapline, subtitle, "Statutory", "supersedes all previous versions",
 * the document-control table), the history table and the contents list.
 *
 * Nothing on the cover is dropped: a line that is none of these is returned as a leftover, and
 * becomes a clause of an untitled opening section with a warning.
 */
import { isControlCaption, isProse, labelValue, looksLikeOrganisation, looksLikeTitle, startsLowercase } from './classify';
import { cleanInline, letterKey, wordCount } from './inline';
import { nearlyEqual } from './similarity';
import type { SpecialBlocks } from './special-blocks';
import { readPairs } from './tables';
import type { Token } from './tokens';

export interface FrontMatter {
  title: string;
  metadata: Record<string, string>;
  /** Index of the first body token. */
  bodyStart: number;
  /** Cover tokens that are none of the recognised facts. */
  leftovers: Token[];
  /** Indexes of tokens the cover has used (title, facts, history, contents), for the body to skip. */
  used: Set<number>;
  /** Captions left out on purpose. */
  dropped: string[];
}

/** More unplaced lines than this after the title, and they are the policy's text, not its cover. */
const MAX_COVER_LEFTOVERS = 8;
const POLICY_WORD = /\b(?:policy|policies|procedures?|statement|guidance|code of conduct|plan|charter|protocol|arrangements)\b/i;
const STATUTORY = /^(non[- ]?)?statutory(?: policy)?$/i;
const SUPERSEDES = /\bsupersedes?\b/i;
/** "Part of the Northern Lights Learning Trust", "A member of …": the school's trust. */
const PART_OF = /^(?:part of|a member of|member of|in partnership with)\s+(.{3,120})$/i;
const VERSION_SUFFIX = /\s*\(\s*v(?:ersion)?\.?\s*([\d.]+)\s*\)\s*$/i;

/** Appends to a metadata value rather than overwriting one the file gave earlier. */
export function addMetadata(metadata: Record<string, string>, key: string, value: string, separator = '; '): void {
  const label = key.replace(/\s+/g, ' ').replace(/:$/, '').trim();
  if (!label) return;
  const existing = metadata[label];
  if (existing === undefined || existing === '') metadata[label] = value;
  else if (existing !== value && !existing.split(separator).includes(value)) metadata[label] = `${existing}${separator}${value}`;
}

function isCoverFact(text: string): boolean {
  return STATUTORY.test(text) || (SUPERSEDES.test(text) && text.length < 300) || labelValue(text) !== undefined;
}

/** A token that can only be the policy's text, never its cover. */
function isCertainlyBody(token: Token): boolean {
  if (token.kind === 'clause' || token.kind === 'item') return true;
  if (token.kind === 'heading') return token.numbered;
  return token.kind === 'paragraph' && isProse(token.text) && !isCoverFact(token.text);
}

function isSectionHeading(token: Token): boolean {
  return token.kind === 'heading' && (token.markdown || token.numbered) && !isControlCaption(token.text);
}

/**
 * The title: the first Markdown heading, unless it is plainly a section (a sibling heading
 * follows after text of its own); otherwise the best title-like line before the text starts,
 * preferring one that names a policy, then one that is not an organisation or a page header.
 */
function findTitle(tokens: Token[], isRepeatedHeader: (text: string) => boolean): number {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (isCertainlyBody(token)) break;
    if (token.kind !== 'heading' || !token.markdown) continue;
    let next = index + 1;
    while (next < tokens.length && !isSectionHeading(tokens[next])) next++;
    // A heading with text of its own is a section, unless the headings after it sit deeper
    // (or, for "# ", there are none): Markdown's title may have an introduction under it.
    const following = tokens[next];
    const hasText = tokens.slice(index + 1, next).some((candidate) => candidate.kind === 'clause' || candidate.kind === 'item' || (candidate.kind === 'paragraph' && !isCoverFact(candidate.text)));
    if (!hasText) return index;
    if (following?.kind === 'heading' ? following.level > token.level : token.level === 1) return index;
    break;
  }
  const candidates: number[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (isCertainlyBody(token) || isSectionHeading(token)) break;
    if ((token.kind === 'heading' || token.kind === 'paragraph') && looksLikeTitle(token.raw) && !isCoverFact(token.text)) candidates.push(index);
  }
  const ranked = [
    (index: number) => POLICY_WORD.test(tokens[index].text) && !isRepeatedHeader(tokens[index].text),
    (index: number) => !looksLikeOrganisation(tokens[index].text) && !isRepeatedHeader(tokens[index].text),
    (index: number) => !isRepeatedHeader(tokens[index].text),
    () => true,
  ];
  for (const rank of ranked) {
    const found = candidates.find(rank);
    if (found !== undefined) return found;
  }
  return -1;
}

/** A cover line that opens the policy: a section heading, or a heading-like line with text under it. */
function isBodyStart(tokens: Token[], index: number): boolean {
  const token = tokens[index];
  if (isCertainlyBody(token) || isSectionHeading(token)) return true;
  if (token.kind !== 'heading') return false;
  const next = tokens[index + 1];
  return next !== undefined && (next.kind === 'paragraph' || next.kind === 'clause' || next.kind === 'item') && !isCoverFact(next.text);
}

function isStrapline(text: string): boolean {
  return wordCount(text, 8) <= 8 && !/\d/.test(text) && !POLICY_WORD.test(text) && !labelValue(text);
}

export function readFrontMatter(
  tokens: Token[],
  special: SpecialBlocks,
  options: { headerKeys: string[]; fallbackTitle?: string },
): FrontMatter {
  const isRepeatedHeader = (text: string) => {
    const key = letterKey(text);
    return key.length >= 6 && options.headerKeys.some((header) => header === key || nearlyEqual(header, key, 0.12));
  };
  const titleIndex = findTitle(tokens, isRepeatedHeader);
  const metadata: Record<string, string> = {};
  const leftovers: Token[] = [];

  let title = titleIndex >= 0 ? tokens[titleIndex].text : (options.fallbackTitle ?? '');
  const version = title.length <= 300 ? VERSION_SUFFIX.exec(title) : null;
  if (version) {
    metadata['Version'] = version[1];
    title = title.slice(0, version.index).trim();
  }

  let bodyStart = tokens.length;
  const unplacedAfterTitle: number[] = [];
  const used = new Set<number>([titleIndex]);
  const dropped: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    if (index === titleIndex) continue;
    const token = tokens[index];
    if (special.consume(token)) {
      used.add(index);
      continue;
    }
    if (index > titleIndex && isBodyStart(tokens, index)) {
      bodyStart = index;
      break;
    }
    const placed = placeCoverToken(token, {
      metadata,
      dropped,
      beforeTitle: index < titleIndex,
      justAfterTitle: titleIndex >= 0 && index === titleIndex + 1,
      isRepeatedHeader,
    });
    if (placed) {
      used.add(index);
      continue;
    }
    leftovers.push(token);
    if (index > titleIndex) unplacedAfterTitle.push(index);
    if (unplacedAfterTitle.length > MAX_COVER_LEFTOVERS) break;
  }
  // No clear start (a file of prose, or of nothing but short lines), or more unplaced lines
  // than a cover has: the text starts with the first line after the title that is not a cover
  // fact, and stays where it stands.
  if ((bodyStart === tokens.length || unplacedAfterTitle.length > MAX_COVER_LEFTOVERS) && unplacedAfterTitle.length > 0) {
    bodyStart = unplacedAfterTitle[0];
    leftovers.splice(leftovers.indexOf(tokens[bodyStart]));
  }
  return { title, metadata, bodyStart, leftovers, used, dropped };
}

interface CoverContext {
  metadata: Record<string, string>;
  /** Captions left out on purpose ("Documentation Information"). */
  dropped: string[];
  beforeTitle: boolean;
  justAfterTitle: boolean;
  isRepeatedHeader: (text: string) => boolean;
}

/** Files a cover token under the metadata key it belongs to; false when it is none of them. */
function placeCoverToken(token: Token, context: CoverContext): boolean {
  const { metadata } = context;
  if (token.kind === 'row' && token.cells.length > 1) {
    const pairs = readPairs(token.cells);
    pairs.forEach((pair) => addMetadata(metadata, pair.label, pair.value));
    return pairs.length > 0;
  }
  const text = token.kind === 'row' ? token.cells[0] : token.text;
  if (isControlCaption(text)) {
    context.dropped.push(text);
    return true;
  }
  const statutory = STATUTORY.exec(text);
  if (statutory) {
    addMetadata(metadata, 'Statutory', statutory[1] ? 'No' : 'Yes');
    return true;
  }
  if (SUPERSEDES.test(text) && text.length < 300) {
    addMetadata(metadata, 'Supersedes', cleanInline(text.replace(/^\((.*)\)$/, '$1')));
    return true;
  }
  const pairs = readPairs([text]);
  if (pairs.length > 0) {
    pairs.forEach((pair) => addMetadata(metadata, pair.label, pair.value));
    return true;
  }
  const umbrella = PART_OF.exec(text);
  if (umbrella) {
    addMetadata(metadata, 'Part of', umbrella[1]);
    return true;
  }
  if (looksLikeOrganisation(text) && metadata['Organisation'] === undefined) {
    metadata['Organisation'] = text;
    return true;
  }
  if (context.justAfterTitle && looksLikeTitle(text) && !startsLowercase(text) && !context.isRepeatedHeader(text)) {
    metadata['Subtitle'] = text;
    return true;
  }
  if (context.beforeTitle && isStrapline(text) && metadata['Strapline'] === undefined) {
    metadata['Strapline'] = text;
    return true;
  }
  if (context.isRepeatedHeader(text)) {
    addMetadata(metadata, 'Page header', text, ' / ');
    return true;
  }
  return false;
}
