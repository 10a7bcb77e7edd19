import { describe, expect, it } from 'vitest';
import { wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks the words only one side has', () => {
    expect(wordDiff('Staff keep a distance.', 'Staff keep a professional distance.')).toEqual({
      theirs: [{ text: 'Staff keep a distance.', changed: false }],
      mine: [
        { text: 'Staff keep a ', changed: false },
        { text: 'professional ', changed: true },
        { text: 'distance.', changed: false },
      ],
    });
  });

  it('marks a replaced word on both sides', () => {
    const { theirs, mine } = wordDiff('All staff must comply.', 'All staff should comply.');
    expect(theirs.filter((part) => part.changed).map((part) => part.text)).toEqual(['must ']);
    expect(mine.filter((part) => part.changed).map((part) => part.text)).toEqual(['should ']);
  });

  it('keeps every character of both texts', () => {
    const a = 'One two  three\nfour';
    const b = 'One three\nfive four';
    const { theirs, mine } = wordDiff(a, b);
    expect(theirs.map((part) => part.text).join('')).toBe(a);
    expect(mine.map((part) => part.text).join('')).toBe(b);
  });
});
