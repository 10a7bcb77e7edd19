/**
 * Text → lines, with the noise of PDF, Word and Markdown exports taken out before any structure
 * is read: line endings, form feeds (kept as page numbers), invisible characters, Symbol-font
 * bullet glyphs, Markdown hard breaks that are really wrapped lines, pipe tables, rules and
 * block quotes.
 */
import { startsStructure } from './classify';
import type { SourceLine } from './types';

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const ODD_SPACE = /[\u00a0\u2002-\u200a\u202f\u205f\u3000]/g;
// Word's Symbol and Wingdings bullets arrive as private-use characters, arrows or boxes.
const GLYPH_BULLET = /^([ \t]*)[\uf0b7\uf0a7\uf0a8\uf076\uf0d8\uf0e0\uf0fc\uf06e\u25aa\u25a0\u25a1\u25cf\u25e6\u2023\u2043\u2219\u27a2\u25ba\u2713\u2714\u2666\u2756]/;

/** Splits text into numbered lines; a form feed starts a new page (and a new line). */
export function splitLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let page = 1;
  source.split(/\r\n?|\n/).forEach((raw, index) => {
    raw.split('\f').forEach((part, k) => {
      if (k > 0) page++;
      lines.push({ text: part, n: index + 1, page });
    });
  });
  return lines;
}

function cleanCharacters(text: string): string {
  const cleaned = text.replace(INVISIBLE, '').replace(ODD_SPACE, ' ').replace(GLYPH_BULLET, '$1•');
  // Whitespace-only lines are blank; trailing spaces go, trailing tabs stay (they end table rows).
  return /^[ \t]*$/.test(cleaned) ? '' : cleaned;
}

/** "| a | b |" or "a | b | c" → tab-separated cells; a "|---|---|" separator → null (drop it). */
function pipeRow(text: string): string | null | undefined {
  if (!text.includes('|') || text.length > 5000) return undefined;
  const trimmed = text.trim();
  const framed = trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1;
  const parts = trimmed.split('|');
  if (!framed && trimmed.split(' | ').length < 3) return undefined;
  const cells = (framed ? parts.slice(1, -1) : parts).map((cell) => cell.trim());
  if (cells.every((cell) => /^:?-{2,}:?$/.test(cell))) return null;
  return cells.join('\t');
}

function isRule(text: string): boolean {
  if (text.length > 200) return false;
  const compact = text.replace(/[ \t]/g, '');
  return /^(?:-{3,}|\*{3,}|_{3,}|={3,})$/.test(compact);
}

/** Drops trailing spaces (not tabs). A loop, because / +$/ is quadratic on a long run of inner spaces. */
function trimTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}

/** Whether a line ends in a Markdown hard break (two spaces): in exports, a wrapped line. */
function endsInHardBreak(text: string): boolean {
  return / {2,}$/.test(text.slice(-8)) && text.trim().length > 0;
}

export function normaliseLines(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let joining = false;
  for (const line of lines) {
    const raw = cleanCharacters(line.text);
    let text = trimTrailingSpaces(raw.replace(/^ {0,3}> ?/, ''));
    if (isRule(text)) text = '';
    const row = pipeRow(text);
    if (row === null) continue;
    if (row !== undefined) text = row;
    const previous = out[out.length - 1];
    if (joining && previous && text && !startsStructure(text) && previous.page === line.page) {
      previous.text = `${previous.text} ${text.trim()}`;
    } else {
      out.push({ ...line, text });
    }
    joining = endsInHardBreak(raw);
  }
  return out;
}

export function toLines(source: string): SourceLine[] {
  return normaliseLines(splitLines(source.replace(/^\ufeff/, '')));
}
