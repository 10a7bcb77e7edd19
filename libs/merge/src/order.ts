/**
 * Order of ids: which items "stayed in place" between two orderings, and how to slot items
 * into a list relative to another ordering. Ids are unique, so the longest common
 * subsequence of two orderings is a longest increasing subsequence, found in O(n log n).
 */

/**
 * The ids common to both orderings that kept their relative order: one longest common
 * subsequence. Every other common id is one that moved. Inserting a clause before others
 * does not "move" them; swapping two clauses moves one of them (the smaller change).
 */
export function stableIds(before: readonly string[], after: readonly string[]): Set<string> {
  const beforeIndex = new Map(before.map((id, index) => [id, index]));
  const common = after.filter((id) => beforeIndex.has(id));
  const ranks = common.map((id) => beforeIndex.get(id) as number);
  // Patience sorting: tails[k] is the index (into ranks) of the smallest tail of an increasing
  // run of length k + 1; previous[] links each element to its predecessor in its run.
  const tails: number[] = [];
  const previous = new Array<number>(ranks.length).fill(-1);
  ranks.forEach((rank, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((ranks[tails[middle] as number] as number) < rank) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[position] = tails[low - 1] as number;
    tails[low] = position;
  });
  const stable = new Set<string>();
  for (let position = tails.length > 0 ? (tails[tails.length - 1] as number) : -1; position >= 0; position = previous[position] as number) {
    stable.add(common[position] as string);
  }
  return stable;
}

/**
 * Slots `incoming` ids into `list`, each right after the nearest id that precedes it in
 * `order` and is already in the list, or at the start of the list when none is. Taking the
 * incoming ids in `order`'s order means a run of new ids keeps its own order, and when `list`
 * holds the rest of `order` in order, the result is exactly `order` (what the "one side did
 * not change anything" properties rely on).
 */
export function weave(list: readonly string[], order: readonly string[], incoming: ReadonlySet<string>): string[] {
  const result = [...list];
  const placed = new Set(result);
  order.forEach((id, position) => {
    if (!incoming.has(id) || placed.has(id)) return;
    let at = 0;
    for (let back = position - 1; back >= 0; back--) {
      const candidate = order[back] as string;
      if (placed.has(candidate)) {
        at = result.indexOf(candidate) + 1;
        break;
      }
    }
    result.splice(at, 0, id);
    placed.add(id);
  });
  return result;
}
