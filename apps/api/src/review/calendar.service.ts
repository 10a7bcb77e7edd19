/**
 * Term calendars: the trust's academic years and their periods, and an academy's own years
 * where its dates differ. "Term 2, 2026/27" always means the dates of the academy's calendar:
 * its own year when it has one, otherwise the trust's.
 */
import { Injectable } from '@nestjs/common';
import {
  academicYearLabel,
  currentAndNextPeriod,
  parseCalendarCsv,
  parseCalendarIcs,
  presetYear,
  recogniseTermName,
  sortPeriods,
  validateAcademicYear,
  type AcademicYear,
  type CalendarProblem,
  type ResolvedPeriod,
  type TermNaming,
} from '@ratify/calendar';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { OrganisationService } from '../organisation/organisation.service';
import type { ImportTermCalendarInput, SaveAcademicYearInput } from './dto/review.types';

export interface StoredYear extends AcademicYear {
  id: string;
  schoolId: string | null;
}

/** Every calendar of one organisation, loaded with one statement. */
export class CalendarSet {
  private readonly bySchool = new Map<string | null, StoredYear[]>();

  constructor(years: StoredYear[]) {
    for (const year of years) {
      const list = this.bySchool.get(year.schoolId) ?? [];
      list.push(year);
      this.bySchool.set(year.schoolId, list);
    }
  }

  /** The years that apply at an academy (its own, else the trust's for that year), or the trust's for null. */
  forSchool(schoolId: string | null): (StoredYear & { inherited: boolean })[] {
    const trust = this.bySchool.get(null) ?? [];
    if (schoolId === null) return trust.map((year) => ({ ...year, inherited: false }));
    const own = this.bySchool.get(schoolId) ?? [];
    const ownYears = new Set(own.map((year) => year.startYear));
    return [...own.map((year) => ({ ...year, inherited: false })), ...trust.filter((year) => !ownYears.has(year.startYear)).map((year) => ({ ...year, inherited: true }))].sort(
      (a, b) => a.startYear - b.startYear,
    );
  }
}

export async function loadCalendars(manager: EntityManager, organisationId: string): Promise<CalendarSet> {
  const rows: StoredYear[] = await manager.query(
    `SELECT id, school_id AS "schoolId", start_year AS "startYear", naming, periods FROM term_calendar_year WHERE organisation_id = $1 ORDER BY start_year`,
    [organisationId],
  );
  return new CalendarSet(rows);
}

export function calendarRefused(problems: CalendarProblem[]): AppError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new AppError(ErrorCode.BAD_USER_INPUT, `${first?.message ?? 'The calendar is not valid.'}${more}`, { reason: 'INVALID_CALENDAR', problems });
}

/** Keys from the names when the caller gave none ("Term 2" → T2, as the importers read names); P1, P2 … for names of no naming. */
function withKeys(year: AcademicYear): AcademicYear {
  return {
    ...year,
    periods: year.periods.map((period, index) => {
      if (period.key) return period;
      const named = recogniseTermName(period.name);
      return { ...period, key: named?.naming === year.naming ? named.key : `P${index + 1}` };
    }),
  };
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private membership() {
    return RequestContext.require().caller!.membership!;
  }

  /** An academy of the caller's trust (NOT_FOUND otherwise) whose calendar the caller may change, or null for the trust's own. */
  private async editableSchool(schoolId: string | null | undefined): Promise<string | null> {
    return (await this.organisations.editablePlace(this.membership(), schoolId, 'term dates'))?.id ?? null;
  }

  async calendar(schoolId: string | null | undefined): Promise<{ schoolId: string | null; years: (StoredYear & { inherited: boolean })[]; current: ResolvedPeriod | null; next: ResolvedPeriod | null }> {
    const membership = this.membership();
    const school = schoolId ? (await this.organisations.schoolOf(membership.organisationId, schoolId)).id : null;
    const manager = await this.database.manager();
    const years = (await loadCalendars(manager, membership.organisationId)).forSchool(school);
    return { schoolId: school, years, ...currentAndNextPeriod(years, this.clock.today()) };
  }

  preset(startYear: number, naming: TermNaming): AcademicYear {
    if (!Number.isInteger(startYear) || startYear < 1990 || startYear > 2200) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Choose an academic year between 1990/91 and 2200/01.');
    return presetYear(startYear, naming);
  }

  async saveYear(input: SaveAcademicYearInput): Promise<StoredYear> {
    const schoolId = await this.editableSchool(input.schoolId);
    const year = sortPeriods(withKeys({ startYear: input.startYear, naming: input.naming, periods: input.periods.map((period) => ({ ...period, key: period.key ?? '' })) }));
    const problems = validateAcademicYear(year);
    if (problems.length) throw calendarRefused(problems);
    const manager = await this.database.manager();
    const [saved] = await this.store(manager, schoolId, [year]);
    return saved!;
  }

  async importCalendar(input: ImportTermCalendarInput): Promise<StoredYear[]> {
    const schoolId = await this.editableSchool(input.schoolId);
    const parsed = input.format === 'ics' ? parseCalendarIcs(input.content) : parseCalendarCsv(input.content);
    if (parsed.problems.length) throw calendarRefused(parsed.problems);
    if (parsed.years.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'The file has no terms in it.', { reason: 'INVALID_CALENDAR', problems: [] });
    const manager = await this.database.manager();
    return this.store(manager, schoolId, parsed.years.map(sortPeriods));
  }

  async deleteYear(id: string): Promise<boolean> {
    const { organisationId } = this.membership();
    const manager = await this.database.manager();
    const [row]: { schoolId: string | null; startYear: number }[] = await manager.query(
      `SELECT school_id AS "schoolId", start_year AS "startYear" FROM term_calendar_year WHERE organisation_id = $1 AND id = $2`,
      [organisationId, parseId(id, 'Academic year')],
    );
    if (!row) throw AppError.notFound('Academic year');
    await this.editableSchool(row.schoolId);
    await manager.query(`DELETE FROM term_calendar_year WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
    await this.audit.record({ action: 'calendar.year-deleted', details: { schoolId: row.schoolId, academicYear: academicYearLabel(row.startYear) } });
    return true;
  }

  /** Saves years, each replacing the same academic year of the same calendar. */
  private async store(manager: EntityManager, schoolId: string | null, years: AcademicYear[]): Promise<StoredYear[]> {
    const caller = RequestContext.require().caller!;
    const organisationId = caller.membership!.organisationId;
    const saved: StoredYear[] = [];
    for (const year of years) {
      const [row]: { id: string }[] = await manager.query(
        `INSERT INTO term_calendar_year (organisation_id, school_id, start_year, naming, periods, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT term_calendar_year_unique DO UPDATE SET naming = EXCLUDED.naming, periods = EXCLUDED.periods, updated_at = now(), updated_by = EXCLUDED.updated_by
         RETURNING id`,
        [organisationId, schoolId, year.startYear, year.naming, JSON.stringify(year.periods), caller.personId],
      );
      saved.push({ ...year, id: row!.id, schoolId });
    }
    await this.audit.record({
      action: 'calendar.saved',
      details: { schoolId, years: years.map((year) => ({ academicYear: academicYearLabel(year.startYear), naming: year.naming, periods: year.periods.map((period) => `${period.name} ${period.startsOn}–${period.endsOn}`) })) },
    });
    return saved;
  }
}
