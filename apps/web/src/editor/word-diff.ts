/**
 * Which words of two versions of a clause differ, for highlighting in the Compare view. A
 * longest-common-subsequence over words (whitespace kept with the word before it); texts too
 * long to compare cheaply are shown without highlights rather than slowly.
 */
export interface DiffPart {
  text: string;
  changed: boolean;
}

const MAX_CELLS = 400_000;

function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.changed === part.changed) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

export function wordDiff(theirs: string, mine: string): { theirs: DiffPart[]; mine: DiffPart[] } {
  const a = words(theirs);
  const b = words(mine);
  if (a.length * b.length > MAX_CELLS) return { theirs: [{ text: theirs, changed: false }], mine: [{ text: mine, changed: false }] };
  const key = (word: string) => word.trimEnd();
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = key(a[i]!) === key(b[j]!) ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && key(a[i]!) === key(b[j]!)) {
      left.push({ text: a[i++]!, changed: false });
      right.push({ text: b[j++]!, changed: false });
    } else if (j < b.length && (i === a.length || lengths[i]![j + 1]! >= lengths[i + 1]![j]!)) {
      right.push({ text: b[j++]!, changed: true });
    } else {
      left.push({ text: a[i++]!, changed: true });
    }
  }
  return { theirs: merge(left), mine: merge(right) };
}
