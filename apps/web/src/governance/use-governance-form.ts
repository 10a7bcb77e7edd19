/**
 * What the body and route forms share: focus on the name when they open, the check before
 * sending (focus on the first field with a problem), the save with its failure, rows removed with
 * focus kept in the list, and a question before unsaved changes are left behind.
 */
import { nextTick, onMounted, reactive, ref, type Ref } from 'vue';
import type { ActionFailure, ActionResult } from '../graphql/remote';
import { useLeaveGuard } from '../layout/use-leave-guard';
import { hasProblems, type FormProblems } from './governance-rules';

export function useGovernanceForm<Draft extends { name: string }, Input>(options: {
  /** The form's id, and the start of its fields' ids. */
  base: string;
  /** "body" or "route", for the question before leaving. */
  what: string;
  draft: Ref<Draft>;
  check: (draft: Draft) => FormProblems;
  toInput: (draft: Draft) => Input;
  save: (input: Input) => Promise<ActionResult>;
  saved: (name: string) => void;
  /** Where focus goes when a problem is not on a field (a list with no rows). */
  otherwiseFocus?: string;
}) {
  const problems = ref<FormProblems>({ fields: {}, rows: {} });
  const failure = ref<ActionFailure | null>(null);
  const saving = ref(false);

  const focus = async (id: string) => {
    await nextTick();
    document.getElementById(id)?.focus();
  };

  const initial = JSON.stringify(options.toInput(options.draft.value));
  useLeaveGuard(
    () => !saving.value && JSON.stringify(options.toInput(options.draft.value)) !== initial,
    `You have changes to this ${options.what} that are not saved. Leave without saving them?`,
  );
  onMounted(() => focus(`${options.base}-name`));

  async function submit(): Promise<void> {
    if (saving.value) return;
    failure.value = null;
    problems.value = options.check(options.draft.value);
    if (hasProblems(problems.value)) {
      await nextTick();
      const invalid = document.querySelector<HTMLElement>(`#${options.base} [aria-invalid="true"]`);
      (invalid ?? (options.otherwiseFocus ? document.getElementById(options.otherwiseFocus) : null))?.focus();
      return;
    }
    saving.value = true;
    const result = await options.save(options.toInput(options.draft.value));
    saving.value = false;
    if (result.ok) options.saved(options.draft.value.name.trim());
    else failure.value = result;
  }

  /** Removes a row; focus goes to the row that took its place, else the one before, else `whenEmpty`. */
  async function removeRow<Row extends { key: number }>(rows: Row[], index: number, fieldOf: (row: Row) => string, whenEmpty: string): Promise<void> {
    const [removed] = rows.splice(index, 1);
    if (removed) delete problems.value.rows[removed.key];
    const next = rows[index] ?? rows[index - 1];
    await focus(next ? fieldOf(next) : whenEmpty);
  }

  return reactive({ base: options.base, what: options.what, problems, failure, saving, submit, removeRow, focus });
}

export type GovernanceFormState = ReturnType<typeof useGovernanceForm>;
