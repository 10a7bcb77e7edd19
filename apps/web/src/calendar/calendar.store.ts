/**
 * Term dates: the trust's calendar and each academy's (its own years, the trust's where it has
 * none). Admins change the trust's; an academy's staff their academy's. Every change loads the
 * calendar again.
 */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { request } from '../graphql/client';
import {
  DeleteAcademicYearDocument,
  ImportTermCalendarDocument,
  SaveAcademicYearDocument,
  TermCalendarDocument,
  TermCalendarPresetDocument,
  type AcademicYearFieldsFragment,
  type ImportTermCalendarInput,
  type SaveAcademicYearInput,
  type TermCalendarQuery,
  type TermNaming,
} from '../graphql/operations.generated';
import { loadRemote, type Remote } from '../graphql/remote';
import { attempt } from '../reviews/review-failures';

export type TermCalendar = TermCalendarQuery['termCalendar'];
export type AcademicYearDetail = AcademicYearFieldsFragment;

/** The calendar's key: an academy's id, or "trust". */
export const calendarKey = (schoolId: string | null) => schoolId ?? 'trust';

export const useCalendarStore = defineStore('calendar', () => {
  const calendars = ref<Record<string, Remote<TermCalendar>>>({});

  async function load(schoolId: string | null): Promise<void> {
    await loadRemote(toRef(calendars.value, calendarKey(schoolId)), async () => (await request(TermCalendarDocument, { schoolId })).termCalendar);
  }

  const preset = (startYear: number, naming: TermNaming) =>
    attempt(async () => ({ year: (await request(TermCalendarPresetDocument, { startYear, naming })).termCalendarPreset }));

  /** Runs a change, then loads the calendar again. */
  const changing = <T extends object>(schoolId: string | null, change: () => Promise<T>) => attempt(change, () => load(schoolId));

  const save = (input: SaveAcademicYearInput) => changing(input.schoolId ?? null, async () => ({ year: (await request(SaveAcademicYearDocument, { input })).saveAcademicYear }));
  const remove = (schoolId: string | null, id: string) => changing(schoolId, async () => ({ deleted: (await request(DeleteAcademicYearDocument, { id })).deleteAcademicYear }));
  const importFile = (input: ImportTermCalendarInput) =>
    changing(input.schoolId ?? null, async () => ({ years: (await request(ImportTermCalendarDocument, { input })).importTermCalendar }));

  function clear(): void {
    calendars.value = {};
  }

  return { calendars, load, preset, save, remove, importFile, clear };
});
