import { boundedEditDistance, nearlyEqual } from './similarity';

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

describe('boundedEditDistance', () => {
  it('agrees with the full Levenshtein distance up to its bound, and reports bound + 1 beyond it', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const word = () => Array.from({ length: 5 + Math.floor(random() * 20) }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    for (let round = 0; round < 500; round++) {
      const [a, b, max] = [word(), word(), Math.floor(random() * 8)];
      const exact = editDistance(a, b);
      expect(boundedEditDistance(a, b, max)).toBe(exact <= max ? exact : max + 1);
    }
  });
});

describe('nearlyEqual', () => {
  it('matches a retyped page header, but never two different short lines', () => {
    expect(nearlyEqual('thispoliciesappliesacrossthelifemultiacadaemytrustmat', 'thispoliciesappliesacrossthelifemultiacademytrustmat')).toBe(true);
    expect(nearlyEqual('scope', 'score')).toBe(false);
    expect(nearlyEqual('socialmediapolicy', 'onlinesafetypolicy')).toBe(false);
  });
});
