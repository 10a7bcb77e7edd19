/**
 * A word-level diff of two texts, for redlines: which words were kept, removed and added.
 *
 * Tokens are runs of non-space characters and runs of whitespace. Punctuation stays with the
 * word it touches ("staff," is one token), as a reader sees it, so changing "staff," to
 * "pupils," marks one word rather than a word and a stray comma. Whitespace is its own token,
 * so the spaces around a changed word stay in the unchanged text and a redline never loses or
 * doubles a space.
 *
 * The tokens go through Myers' linear-space algorithm (myers.ts), so the kept words are a
 * longest common subsequence. The result is then tidied for reading: a lone space between two
 * changes is folded into them, and each changed stretch is shown as all its removed text then
 * all its added text ("~~must not~~ should never", not "~~must~~ should ~~not~~ never").
 */
import { editScript } from './myers';

export type WordChange = 'same' | 'added' | 'removed';

export interface WordPart {
  text: string;
  change: WordChange;
}

export function wordTokens(text: string): string[] {
  return text.match(/\s+|\S+/g) ?? [];
}

type Segment = { kind: 'same'; text: string } | { kind: 'change'; removed: string; added: string };

/**
 * Parts whose 'same' and 'removed' texts joined give `before`, and whose 'same' and 'added'
 * texts joined give `after`. Adjacent parts never share a change.
 */
export function wordDiff(before: string, after: string): WordPart[] {
  const beforeTokens = wordTokens(before);
  const afterTokens = wordTokens(after);
  // Interned to numbers so the diff compares small integers.
  const ids = new Map<string, number>();
  const intern = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) ids.set(token, (id = ids.size));
    return id;
  };
  const script = editScript(beforeTokens.map(intern), afterTokens.map(intern));

  const segments: Segment[] = [];
  let i = 0;
  let j = 0;
  for (const op of script) {
    const last = segments[segments.length - 1];
    if (op === 'same') {
      const token = beforeTokens[i++] as string;
      j++;
      if (last?.kind === 'same') last.text += token;
      else segments.push({ kind: 'same', text: token });
    } else {
      let change = last?.kind === 'change' ? last : undefined;
      if (!change) segments.push((change = { kind: 'change', removed: '', added: '' }));
      if (op === 'removed') change.removed += beforeTokens[i++] as string;
      else change.added += afterTokens[j++] as string;
    }
  }

  // Fold a whitespace-only gap between two changes into one change.
  const tidy: Segment[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as Segment;
    const previous = tidy[tidy.length - 1];
    const next = segments[index + 1];
    if (segment.kind === 'same' && /^\s+$/.test(segment.text) && previous?.kind === 'change' && next?.kind === 'change') {
      previous.removed += segment.text + next.removed;
      previous.added += segment.text + next.added;
      index++;
    } else if (segment.kind === 'change') {
      tidy.push({ ...segment });
    } else {
      tidy.push(segment);
    }
  }

  return tidy.flatMap((segment): WordPart[] => {
    if (segment.kind === 'same') return [{ text: segment.text, change: 'same' }];
    const parts: WordPart[] = [];
    if (segment.removed) parts.push({ text: segment.removed, change: 'removed' });
    if (segment.added) parts.push({ text: segment.added, change: 'added' });
    return parts;
  });
}
