import fc from 'fast-check';
import { editScript } from './myers';
import { wordDiff, wordTokens, type WordPart } from './word-diff';

const joined = (parts: WordPart[], keep: 'added' | 'removed') => parts.filter((part) => part.change === 'same' || part.change === keep).map((part) => part.text).join('');

/** Length of a longest common subsequence, by the textbook quadratic table (the reference). */
function lcsLength<T>(a: readonly T[], b: readonly T[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const item of a) {
    const row = [0];
    b.forEach((other, j) => row.push(item === other ? (previous[j] as number) + 1 : Math.max(previous[j + 1] as number, row[j] as number)));
    previous = row;
  }
  return previous[b.length] as number;
}

describe('wordTokens', () => {
  it('keeps punctuation with its word and whitespace as its own token', () => {
    expect(wordTokens('Staff must not accept pupils as “friends”,  ever.')).toEqual(['Staff', ' ', 'must', ' ', 'not', ' ', 'accept', ' ', 'pupils', ' ', 'as', ' ', '“friends”,', '  ', 'ever.']);
  });
});

describe('wordDiff', () => {
  it('marks a replaced term and keeps the words around it', () => {
    expect(wordDiff('The Governing Body is committed to ensuring staff safety.', 'The Trust is committed to ensuring staff safety.')).toEqual([
      { text: 'The ', change: 'same' },
      { text: 'Governing Body', change: 'removed' },
      { text: 'Trust', change: 'added' },
      { text: ' is committed to ensuring staff safety.', change: 'same' },
    ]);
  });

  it('shows an addition at the end of a sentence as added words', () => {
    expect(wordDiff('Staff should not use social networking sites.', 'Staff should not use social networking sites, online sources and gaming.')).toEqual([
      { text: 'Staff should not use social networking ', change: 'same' },
      { text: 'sites.', change: 'removed' },
      { text: 'sites, online sources and gaming.', change: 'added' },
    ]);
  });

  it('reads a rewritten stretch as removed words then added words, not interleaved', () => {
    expect(wordDiff('Staff must not post photographs of pupils.', 'Staff should never post photographs of pupils.')).toEqual([
      { text: 'Staff ', change: 'same' },
      { text: 'must not', change: 'removed' },
      { text: 'should never', change: 'added' },
      { text: ' post photographs of pupils.', change: 'same' },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(wordDiff('', 'New clause.')).toEqual([{ text: 'New clause.', change: 'added' }]);
    expect(wordDiff('Old clause.', '')).toEqual([{ text: 'Old clause.', change: 'removed' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('Same text.', 'Same text.')).toEqual([{ text: 'Same text.', change: 'same' }]);
  });

  it('rebuilds both texts exactly and never has two neighbouring parts with the same change', () => {
    const text = fc.array(fc.constantFrom('staff', 'pupils', 'must', 'not', 'share', 'data.', ' ', '  ', '\n', ','), { maxLength: 30 }).map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(joined(parts, 'removed')).toBe(before);
        expect(joined(parts, 'added')).toBe(after);
        expect(parts.every((part) => part.text.length > 0)).toBe(true);
        parts.slice(1).forEach((part, index) => expect(part.change).not.toBe(parts[index]?.change));
      }),
      { numRuns: 200 },
    );
  });
});

describe('editScript (Myers, linear space)', () => {
  it('finds the paper’s example: ABCABBA → CBABAC in 5 edits', () => {
    const script = editScript([...'ABCABBA'], [...'CBABAC']);
    expect(script.filter((op) => op !== 'same')).toHaveLength(5);
  });

  it('is a shortest edit script: what it keeps is a longest common subsequence, in order', () => {
    const sequence = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 });
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const script = editScript(a, b);
        let i = 0;
        let j = 0;
        for (const op of script) {
          if (op === 'same') expect(a[i++]).toBe(b[j++]);
          else if (op === 'removed') i++;
          else j++;
        }
        expect([i, j]).toEqual([a.length, b.length]);
        expect(script.filter((op) => op === 'same')).toHaveLength(lcsLength(a, b));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the common lines of two long sequences that differ in a few places', () => {
    const a = Array.from({ length: 5000 }, (_, index) => index % 97);
    const b = [...a];
    b.splice(1200, 3, -1, -2);
    b.splice(4000, 0, -3);
    const script = editScript(a, b);
    expect(script.filter((op) => op === 'removed')).toHaveLength(3);
    expect(script.filter((op) => op === 'added')).toHaveLength(3);
  });
});
