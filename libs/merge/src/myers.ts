/**
 * A shortest edit script between two sequences: Myers' O((N+M)·D) difference algorithm in
 * its linear-space form ("An O(ND) Difference Algorithm and Its Variations", 1986, §4b).
 * The search for the middle snake runs from both ends at once; the halves either side of it
 * are solved recursively, so only two diagonal vectors of length 2·min(N,M)+2 are alive at a
 * time instead of the D vectors the simple form keeps. The middle-snake loop follows Robert
 * Elder's careful reading of the paper (diagonal ranges clipped to the edit graph, modular
 * vector indices).
 *
 * Items are compared with ===, so callers intern their tokens (strings or numbers) first.
 */
export type EditOp = 'same' | 'removed' | 'added';

interface Snake {
  /** Length of the shortest edit script of the whole (sub)problem. */
  edits: number;
  /** The snake runs from (x, y) to (u, v), relative to the subproblem's start. */
  x: number;
  y: number;
  u: number;
  v: number;
}

function middleSnake<T>(a: readonly T[], aStart: number, n: number, b: readonly T[], bStart: number, m: number): Snake {
  const total = n + m;
  const size = 2 * Math.min(n, m) + 2;
  const ends = [new Int32Array(size), new Int32Array(size)] as const;
  const slot = (k: number) => ((k % size) + size) % size;
  const delta = n - m;
  for (let h = 0; h <= Math.ceil(total / 2); h++) {
    for (const forward of [true, false]) {
      const [mine, theirs] = forward ? [ends[0], ends[1]] : [ends[1], ends[0]];
      const odd = forward ? 1 : 0;
      for (let k = -(h - 2 * Math.max(0, h - m)); k <= h - 2 * Math.max(0, h - n); k += 2) {
        let x = k === -h || (k !== h && (mine[slot(k - 1)] as number) < (mine[slot(k + 1)] as number)) ? (mine[slot(k + 1)] as number) : (mine[slot(k - 1)] as number) + 1;
        let y = x - k;
        const startX = x;
        const startY = y;
        if (forward) {
          while (x < n && y < m && a[aStart + x] === b[bStart + y]) {
            x++;
            y++;
          }
        } else {
          while (x < n && y < m && a[aStart + n - 1 - x] === b[bStart + m - 1 - y]) {
            x++;
            y++;
          }
        }
        mine[slot(k)] = x;
        const opposite = delta - k;
        if (total % 2 === odd && opposite >= -(h - odd) && opposite <= h - odd && x + (theirs[slot(opposite)] as number) >= n) {
          return forward ? { edits: 2 * h - 1, x: startX, y: startY, u: x, v: y } : { edits: 2 * h, x: n - x, y: m - y, u: n - startX, v: m - startY };
        }
      }
    }
  }
  // Unreachable: the two searches always meet by h = ceil((N+M)/2).
  throw new Error('middleSnake: the forward and backward searches did not meet');
}

function markEdits<T>(a: readonly T[], aLow: number, aHigh: number, b: readonly T[], bLow: number, bHigh: number, removed: Uint8Array, added: Uint8Array): void {
  // A common prefix and suffix are never edits; stripping them first is cheap and means the
  // middle snake is only searched for when at least two edits remain.
  while (aLow < aHigh && bLow < bHigh && a[aLow] === b[bLow]) {
    aLow++;
    bLow++;
  }
  while (aLow < aHigh && bLow < bHigh && a[aHigh - 1] === b[bHigh - 1]) {
    aHigh--;
    bHigh--;
  }
  if (aLow === aHigh || bLow === bHigh) {
    removed.fill(1, aLow, aHigh);
    added.fill(1, bLow, bHigh);
    return;
  }
  const snake = middleSnake(a, aLow, aHigh - aLow, b, bLow, bHigh - bLow);
  if (snake.edits < 2) {
    // Cannot happen after stripping (one edit leaves one side empty); fall back to a correct,
    // if not shortest, script rather than risk recursing on the same problem.
    removed.fill(1, aLow, aHigh);
    added.fill(1, bLow, bHigh);
    return;
  }
  markEdits(a, aLow, aLow + snake.x, b, bLow, bLow + snake.y, removed, added);
  markEdits(a, aLow + snake.u, aHigh, b, bLow + snake.v, bHigh, removed, added);
}

/**
 * The shortest edit script turning `a` into `b`: 'same' consumes one item of each, 'removed'
 * one of `a`, 'added' one of `b`. Where removals and additions meet, removals come first.
 */
export function editScript<T>(a: readonly T[], b: readonly T[]): EditOp[] {
  const removed = new Uint8Array(a.length);
  const added = new Uint8Array(b.length);
  markEdits(a, 0, a.length, b, 0, b.length, removed, added);
  const script: EditOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && removed[i]) {
      script.push('removed');
      i++;
    } else if (j < b.length && added[j]) {
      script.push('added');
      j++;
    } else {
      script.push('same');
      i++;
      j++;
    }
  }
  return script;
}
