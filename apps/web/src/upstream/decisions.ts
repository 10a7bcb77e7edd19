/**
 * The words and the decisions of an upstream update: what each change and outcome is called,
 * and the resolutions the API takes (take theirs / keep ours / an edited clause or heading).
 */
export type Decision = { take: 'theirs' | 'ours' } | { edit: string };

export const CHANGE_LABELS: Record<string, string> = {
  changed: 'Reworded',
  added: 'Added',
  removed: 'Removed',
  moved: 'Moved',
};

export const OUTCOME_LABELS: Record<string, string> = {
  applied: 'Taken into your draft automatically',
  conflict: 'You changed this too: choose below',
  'already-in-your-text': 'Already in your text',
  'not-in-your-text': 'Not taken: you had removed it',
};

interface ConflictRef {
  id: string;
  target: string;
  targetId: string;
}

/** The edited text as the API's JSON: a clause keeps its id, one paragraph per line; a heading is one line. */
export function editedContent(conflict: ConflictRef, text: string): Record<string, unknown> {
  const inline = (line: string) => (line ? [{ type: 'text', text: line }] : []);
  if (conflict.target === 'heading') return { type: 'sectionHeading', content: inline(text.replace(/\s+/g, ' ').trim()) };
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return { type: 'clause', attrs: { clauseId: conflict.targetId }, content: lines.map((line) => ({ type: 'paragraph', content: inline(line) })) };
}

/** The resolutions for the API, or the conflicts still undecided (an edit left empty counts as undecided). */
export function resolutionsFor(
  conflicts: readonly ConflictRef[],
  decisions: Readonly<Record<string, Decision | undefined>>,
): { resolutions: { conflictId: string; take?: string; edited?: Record<string, unknown> }[]; undecided: string[] } {
  const resolutions = [];
  const undecided = [];
  for (const conflict of conflicts) {
    const decision = decisions[conflict.id];
    if (!decision || ('edit' in decision && !decision.edit.trim())) undecided.push(conflict.id);
    else resolutions.push('take' in decision ? { conflictId: conflict.id, take: decision.take } : { conflictId: conflict.id, edited: editedContent(conflict, decision.edit) });
  }
  return { resolutions, undecided };
}
