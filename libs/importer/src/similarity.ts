/**
 * "The same line with a typo": page headers retyped on each page of a PDF export differ by a
 * letter or two ("Acadaemy" / "Academa"). Edit distance, made cheap enough to run against every
 * short line of a long document: a length check, then a letter-count check, then a banded
 * Levenshtein that gives up as soon as the distance exceeds the allowance.
 */

const ALPHABET = 36;

function histogram(text: string): Int32Array {
  const counts = new Int32Array(ALPHABET + 1);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) counts[code - 97]++;
    else if (code >= 48 && code <= 57) counts[26 + code - 48]++;
    else counts[ALPHABET]++;
  }
  return counts;
}

/** Each edit changes the letter counts by at most 2, so this is a lower bound of 2 × the distance. */
function histogramDistance(a: string, b: string): number {
  const left = histogram(a);
  const right = histogram(b);
  let total = 0;
  for (let i = 0; i <= ALPHABET; i++) total += Math.abs(left[i] - right[i]);
  return total;
}

/** The edit distance of a and b when it is at most `max`; otherwise `max + 1`. O(length × max). */
export function boundedEditDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  let previous = new Int32Array(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, max); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const current = new Int32Array(b.length + 1).fill(over);
    if (i <= max) current[0] = i;
    let best = current[0];
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    for (let j = from; j <= to; j++) {
      const substitution = previous[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1, over);
      if (current[j] < best) best = current[j];
    }
    if (best > max) return over;
    previous = current;
  }
  return Math.min(previous[b.length], over);
}

/**
 * Whether two letter keys are the same line, allowing `tolerance` of their length in edits.
 * Short keys must match exactly: "scope" and "score" are different headings.
 */
export function nearlyEqual(a: string, b: string, tolerance = 0.1): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  if (longest < 20) return false;
  const max = Math.floor(longest * tolerance);
  if (Math.abs(a.length - b.length) > max) return false;
  if (histogramDistance(a, b) > 2 * max) return false;
  return boundedEditDistance(a, b, max) <= max;
}
