/**
 * A policy's review schedule: its type and cycle, the next review date (from the approval or
 * the last review and the cycle, snapped to the trust's terms; or a term chosen directly), the
 * guidance flags that bring it forward, and completing a review.
 *
 * The live schedule is on `policy` (an approved version is frozen; "reviewed, no change" moves
 * the date without a new version). Each version keeps the next review date it was approved with.
 */
import { Injectable } from '@nestjs/common';
import { academicYearLabel, isIsoDate, nextReviewDate, periodForDue, resolveTerm, reviewTiming, type AcademicYear, type ResolvedPeriod, type ReviewTiming } from '@ratify/calendar';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { formatUkDate } from '../common/dates';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { requestLoader } from '../common/loaders';
import { RequestContext } from '../common/request-context';
import { PublicationService } from '../publication/publication.service';
import { effectiveDue } from './due-dates';
import { Database } from '../database/database.service';
import { DraftService } from '../policy/draft.service';
import type { PolicyVersionEntity } from '../policy/policy-version.entity';
import { PolicyService } from '../policy/policy.service';
import { loadCalendars } from './calendar.service';
import type { CompleteReviewInput, NextReviewInput, SetReviewScheduleInput } from './dto/review.types';

export interface PolicyTypeRow {
  key: string;
  name: string;
  statutory: boolean;
  maxCycleMonths: number | null;
  advisedCycleMonths: number | null;
  basis: string;
  onStatutoryChange: boolean;
}

export interface FlagRow {
  id: string;
  policyId: string;
  editionId: string;
  dueOn: string;
  reason: string;
}

export interface ReviewRow {
  id: string;
  policyId: string;
  outcome: 'no_change' | 'new_draft';
  reviewedOn: string;
  reviewedById: string | null;
  reviewedByName: string | null;
  note: string | null;
  versionNumber: string | null;
  previousDueOn: string | null;
  nextReviewOn: string | null;
}

export interface ScheduleRow {
  policyId: string;
  policyType: PolicyTypeRow | null;
  cycleMonths: number | null;
  onStatutoryChange: boolean;
  scheduledOn: string | null;
  dueOn: string | null;
  term: ResolvedPeriod | null;
  setToTerm: boolean;
  timing: ReviewTiming | null;
  flags: FlagRow[];
  owner: { membershipId: string; personId: string; name: string } | null;
  reviews: ReviewRow[];
  warnings: string[];
}

export const POLICY_TYPE_SQL = `SELECT key, name, statutory, max_cycle_months AS "maxCycleMonths", advised_cycle_months AS "advisedCycleMonths", basis, on_statutory_change AS "onStatutoryChange" FROM policy_type`;

export const OPEN_FLAGS_SQL = `SELECT f.id, f.policy_id AS "policyId", f.edition_id AS "editionId", f.due_on AS "dueOn", e.title || ' ' || e.edition AS reason
  FROM review_flag f JOIN guidance_edition e ON e.organisation_id = f.organisation_id AND e.id = f.edition_id
 WHERE f.organisation_id = $1 AND f.resolved_at IS NULL`;


/** What the catalogue says about a cycle: a refusal above the statutory maximum, a warning above the advised one. */
export function cycleAdvice(type: PolicyTypeRow | null, cycleMonths: number | null): { refusal: string | null; warnings: string[] } {
  if (!type || !cycleMonths) return { refusal: null, warnings: [] };
  if (type.maxCycleMonths && cycleMonths > type.maxCycleMonths) {
    return { refusal: `${type.name} must be reviewed at least every ${months(type.maxCycleMonths)} (${type.basis}); ${months(cycleMonths)} is too long.`, warnings: [] };
  }
  if (type.advisedCycleMonths && cycleMonths > type.advisedCycleMonths) {
    return { refusal: null, warnings: [`${type.basis}: a review every ${months(type.advisedCycleMonths)} is advised; this policy is set to ${months(cycleMonths)}.`] };
  }
  return { refusal: null, warnings: [] };
}

/** Everything to say about a stored cycle (one set before the catalogue's maximum applied, too). */
function cycleWarnings(type: PolicyTypeRow | null, cycleMonths: number | null): string[] {
  const advice = cycleAdvice(type, cycleMonths);
  return advice.refusal ? [advice.refusal] : advice.warnings;
}

/** The warnings for a cycle; BAD_USER_INPUT (CYCLE_ABOVE_STATUTORY_MAXIMUM) when the law does not allow it. */
export function checkCycle(type: PolicyTypeRow | null, cycleMonths: number | null): string[] {
  const advice = cycleAdvice(type, cycleMonths);
  if (advice.refusal) throw new AppError(ErrorCode.BAD_USER_INPUT, advice.refusal, { reason: 'CYCLE_ABOVE_STATUTORY_MAXIMUM', maxCycleMonths: type!.maxCycleMonths });
  return advice.warnings;
}

function months(count: number): string {
  if (count % 12 === 0) return count === 12 ? '12 months (a year)' : `${count / 12} years`;
  return `${count} month${count === 1 ? '' : 's'}`;
}

/**
 * The next review after an approval or a review on `from`: the cycle snapped to the trust's terms.
 * Writes it to the policy (clearing a term chosen by hand) and returns it.
 */
export async function scheduleNextReview(manager: EntityManager, organisationId: string, policyId: string, from: string): Promise<string | null> {
  const [policy]: { cycle: number | null }[] = await manager.query(`SELECT review_cycle_months AS cycle FROM policy WHERE organisation_id = $1 AND id = $2`, [organisationId, policyId]);
  const calendar = (await loadCalendars(manager, organisationId)).forSchool(null);
  const next = policy?.cycle ? nextReviewDate(from, policy.cycle, calendar).dueOn : null;
  await manager.query(`UPDATE policy SET next_review_on = $3, next_review_year = NULL, next_review_term = NULL WHERE organisation_id = $1 AND id = $2`, [organisationId, policyId, next]);
  return next;
}

/** A next review chosen by hand: a date, or a term (kept, so that each academy reads it in its own calendar). */
async function storeChosenReview(manager: EntityManager, organisationId: string, policyId: string, chosen: { on: string; year: number | null; term: string | null }): Promise<string> {
  await manager.query(`UPDATE policy SET next_review_on = $3, next_review_year = $4, next_review_term = $5 WHERE organisation_id = $1 AND id = $2`, [
    organisationId,
    policyId,
    chosen.on,
    chosen.year,
    chosen.term,
  ]);
  return chosen.on;
}

/** Closes the policy's open "review required" flags: an approval or a review answered them. */
export async function resolveFlags(manager: EntityManager, organisationId: string, policyId: string, by: { reviewId?: string; versionId?: string }): Promise<number> {
  const [, count]: [unknown, number] = await manager.query(
    `UPDATE review_flag SET resolved_at = now(), resolved_by_review_id = $3, resolved_by_version_id = $4 WHERE organisation_id = $1 AND policy_id = $2 AND resolved_at IS NULL`,
    [organisationId, policyId, by.reviewId ?? null, by.versionId ?? null],
  );
  return count;
}

interface PolicyScheduleRow {
  policyId: string;
  typeKey: string | null;
  cycleMonths: number | null;
  onStatutoryChange: boolean;
  nextReviewOn: string | null;
  nextReviewYear: number | null;
  nextReviewTerm: string | null;
  ownerMembershipId: string | null;
  ownerPersonId: string | null;
  ownerName: string | null;
}

@Injectable()
export class ReviewScheduleService {
  constructor(
    private readonly database: Database,
    private readonly policies: PolicyService,
    private readonly drafts: DraftService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly publications: PublicationService,
  ) {}

  private caller() {
    const caller = RequestContext.require().caller!;
    return { personId: caller.personId, organisationId: caller.membership!.organisationId };
  }

  async policyTypes(): Promise<PolicyTypeRow[]> {
    const manager = await this.database.manager();
    return manager.query(`${POLICY_TYPE_SQL} ORDER BY statutory DESC, name`);
  }

  private async policyType(manager: EntityManager, key: string | null | undefined): Promise<PolicyTypeRow | null> {
    if (!key) return null;
    const [type]: PolicyTypeRow[] = await manager.query(`${POLICY_TYPE_SQL} WHERE key = $1`, [key]);
    if (!type) throw new AppError(ErrorCode.BAD_USER_INPUT, `There is no policy type "${key}".`, { reason: 'UNKNOWN_POLICY_TYPE' });
    return type;
  }

  /** The trust's calendar, once per request. */
  private trustCalendar(): Promise<AcademicYear[]> {
    const { organisationId } = this.caller();
    return requestLoader<string, AcademicYear[]>('review.trustCalendar', async (keys) => {
      const manager = await this.database.manager();
      const calendar = (await loadCalendars(manager, organisationId)).forSchool(null);
      return keys.map(() => calendar);
    }).load(organisationId);
  }

  /** Policies' schedules, batched: a list of policies costs the same few statements as one. */
  schedule(policyId: string): Promise<ScheduleRow> {
    return requestLoader<string, ScheduleRow>('review.schedule', async (ids) => {
      const { organisationId } = this.caller();
      const manager = await this.database.manager();
      const rows: PolicyScheduleRow[] = await manager.query(
          `SELECT p.id AS "policyId", p.policy_type_key AS "typeKey", p.review_cycle_months AS "cycleMonths", p.review_on_statutory_change AS "onStatutoryChange",
                  p.next_review_on AS "nextReviewOn", p.next_review_year AS "nextReviewYear", p.next_review_term AS "nextReviewTerm",
                  m.id AS "ownerMembershipId", m.person_id AS "ownerPersonId", person.display_name AS "ownerName"
             FROM policy p
             LEFT JOIN membership m ON m.organisation_id = p.organisation_id AND m.id = p.owner_id
             LEFT JOIN person ON person.id = m.person_id
            WHERE p.organisation_id = $1 AND p.id = ANY($2::uuid[])`,
          [organisationId, [...ids]],
        );
      const types: PolicyTypeRow[] = await manager.query(POLICY_TYPE_SQL);
      const flags: FlagRow[] = await manager.query(`${OPEN_FLAGS_SQL} AND f.policy_id = ANY($2::uuid[]) ORDER BY f.due_on`, [organisationId, [...ids]]);
      const reviews: ReviewRow[] = await manager.query(
          `SELECT r.id, r.policy_id AS "policyId", r.outcome, r.reviewed_on AS "reviewedOn", r.reviewed_by AS "reviewedById", person.display_name AS "reviewedByName", r.note,
                  CASE WHEN v.id IS NULL THEN NULL ELSE v.major || '.' || v.minor END AS "versionNumber", r.previous_due_on AS "previousDueOn", r.next_review_on AS "nextReviewOn"
             FROM policy_review r
             LEFT JOIN person ON person.id = r.reviewed_by
             LEFT JOIN policy_version v ON v.organisation_id = r.organisation_id AND v.id = r.version_id
            WHERE r.organisation_id = $1 AND r.policy_id = ANY($2::uuid[]) ORDER BY r.reviewed_on DESC, r.created_at DESC`,
          [organisationId, [...ids]],
        );
      const calendar = await this.trustCalendar();
      const typeByKey = new Map(types.map((type) => [type.key, type]));
      const today = this.clock.today();
      return ids.map((id) => {
        const row = rows.find((candidate) => candidate.policyId === id);
        if (!row) return AppError.notFound('Policy');
        const policyType = row.typeKey ? (typeByKey.get(row.typeKey) ?? null) : null;
        const policyFlags = flags.filter((flag) => flag.policyId === id);
        const dueOn = effectiveDue(row.nextReviewOn, policyFlags);
        return {
          policyId: id,
          policyType,
          cycleMonths: row.cycleMonths,
          onStatutoryChange: row.onStatutoryChange,
          scheduledOn: row.nextReviewOn,
          dueOn,
          term: dueOn ? periodForDue(calendar, dueOn) : null,
          setToTerm: row.nextReviewTerm !== null,
          timing: dueOn ? reviewTiming(dueOn, today, calendar) : null,
          flags: policyFlags,
          owner: row.ownerMembershipId ? { membershipId: row.ownerMembershipId, personId: row.ownerPersonId!, name: row.ownerName! } : null,
          reviews: reviews.filter((review) => review.policyId === id),
          warnings: cycleWarnings(policyType, row.cycleMonths),
        };
      });
    }).load(policyId);
  }

  /** After a change: the next read of a schedule in this request goes to the database again. */
  private forgetSchedules(): void {
    RequestContext.require().loaders.delete('review.schedule');
  }

  /** A date or a term → the date and, for a term, what to keep so that each academy resolves it in its own calendar. */
  private async chosenNextReview(next: NextReviewInput): Promise<{ on: string; year: number | null; term: string | null } | null> {
    if (next.on) {
      if (next.startYear || next.termKey) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Give the next review as a date or as a term, not both.', { reason: 'DATE_OR_TERM' });
      return { on: next.on, year: null, term: null };
    }
    if (next.startYear === undefined && next.termKey === undefined) return null;
    if (!next.startYear || !next.termKey) throw new AppError(ErrorCode.BAD_USER_INPUT, 'A term needs both its academic year and which term it is.', { reason: 'INCOMPLETE_TERM' });
    const period = resolveTerm(await this.trustCalendar(), next.startYear, next.termKey);
    if (!period) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `The trust's term calendar has no ${next.termKey} in ${academicYearLabel(next.startYear)}: add that year's term dates first.`, {
        reason: 'UNKNOWN_TERM',
      });
    }
    return { on: period.period.endsOn, year: next.startYear, term: period.period.key };
  }

  async setSchedule(input: SetReviewScheduleInput): Promise<string[]> {
    const { organisationId } = this.caller();
    const policy = await this.policies.get(input.policyId);
    const manager = await this.database.manager();
    const type = await this.policyType(manager, input.policyTypeKey);
    const warnings = checkCycle(type, input.cycleMonths ?? null);
    const ownerId = input.ownerMembershipId ? parseId(input.ownerMembershipId, 'Member') : null;
    if (ownerId) {
      const [owner] = await manager.query(`SELECT 1 FROM membership WHERE organisation_id = $1 AND id = $2`, [organisationId, ownerId]);
      if (!owner) throw new AppError(ErrorCode.BAD_USER_INPUT, 'The owner must be a member of this organisation.', { reason: 'UNKNOWN_MEMBER' });
    }
    const chosen = input.nextReview ? await this.chosenNextReview(input.nextReview) : null;
    await manager.query(
      `UPDATE policy SET policy_type_key = $3, review_cycle_months = $4, review_on_statutory_change = $5, owner_id = $6, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
      [organisationId, policy.id, type?.key ?? null, input.cycleMonths ?? null, input.onStatutoryChange, ownerId],
    );
    let nextReviewOn: string | null;
    if (chosen) {
      nextReviewOn = await storeChosenReview(manager, organisationId, policy.id, chosen);
    } else {
      const from = await this.lastReviewedOn(manager, organisationId, policy.id);
      nextReviewOn = from ? await scheduleNextReview(manager, organisationId, policy.id, from) : null;
    }
    this.forgetSchedules();
    await this.audit.record({
      action: 'review.schedule-set',
      policyId: policy.id,
      details: { policyType: type?.key ?? null, cycleMonths: input.cycleMonths ?? null, onStatutoryChange: input.onStatutoryChange, nextReviewOn, term: chosen?.term ?? null, ownerMembershipId: ownerId },
    });
    return warnings;
  }

  /** The last approval or completed review: where the cycle counts from. */
  private async lastReviewedOn(manager: EntityManager, organisationId: string, policyId: string): Promise<string | null> {
    const [row]: { on: string | null }[] = await manager.query(
      `SELECT greatest(
          (SELECT max(approved_on) FROM policy_version WHERE organisation_id = $1 AND policy_id = $2 AND status IN ('approved', 'superseded')),
          (SELECT max(reviewed_on) FROM policy_review WHERE organisation_id = $1 AND policy_id = $2 AND outcome = 'no_change')) AS on`,
      [organisationId, policyId],
    );
    return row?.on ?? null;
  }

  async complete(input: CompleteReviewInput): Promise<{ reviewId: string; draft: PolicyVersionEntity | null }> {
    const { organisationId, personId } = this.caller();
    const policy = await this.policies.get(input.policyId);
    const manager = await this.database.manager();
    await manager.query(`SELECT 1 FROM policy WHERE organisation_id = $1 AND id = $2 FOR UPDATE`, [organisationId, policy.id]);
    const [current]: { id: string; approvedOn: string }[] = await manager.query(
      `SELECT id, approved_on AS "approvedOn" FROM policy_version WHERE organisation_id = $1 AND policy_id = $2 AND status = 'approved'`,
      [organisationId, policy.id],
    );
    if (!current) throw new AppError(ErrorCode.CONFLICT, 'This policy has no approved version to review yet: send its draft for approval instead.', { reason: 'NOT_APPROVED' });
    if (!isIsoDate(input.reviewedOn)) throw new AppError(ErrorCode.BAD_USER_INPUT, 'The review date is not a date.', { reason: 'INVALID_DATE' });
    if (input.reviewedOn > this.clock.today()) throw new AppError(ErrorCode.BAD_USER_INPUT, 'A review cannot be recorded for a date in the future.', { reason: 'DATE_IN_FUTURE' });
    if (input.reviewedOn < current.approvedOn) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `The review date is before the current version was approved (${formatUkDate(current.approvedOn)}).`, { reason: 'DATE_BEFORE_APPROVAL' });
    }
    const schedule = await this.schedule(policy.id);
    if (input.outcome === 'new_draft') {
      const draft = await this.drafts.startDraft(policy.id);
      const reviewId = await this.insertReview(manager, { organisationId, personId, policyId: policy.id, versionId: current.id, input, previousDueOn: schedule.dueOn, nextReviewOn: null });
      this.forgetSchedules();
      await this.audit.record({ action: 'review.completed', policyId: policy.id, versionId: current.id, details: { outcome: 'new_draft', reviewedOn: input.reviewedOn, draftId: draft.id } });
      return { reviewId, draft };
    }
    const chosen = input.nextReview ? await this.chosenNextReview(input.nextReview) : null;
    if (!chosen && !policy.reviewCycleMonths) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'This policy has no review cycle: choose the date or term of its next review.', { reason: 'NO_CYCLE' });
    }
    if (chosen && chosen.on <= input.reviewedOn) throw new AppError(ErrorCode.BAD_USER_INPUT, 'The next review must come after this one.', { reason: 'NEXT_REVIEW_NOT_AFTER' });
    const nextReviewOn = chosen
      ? await storeChosenReview(manager, organisationId, policy.id, chosen)
      : (await scheduleNextReview(manager, organisationId, policy.id, input.reviewedOn))!;
    const reviewId = await this.insertReview(manager, { organisationId, personId, policyId: policy.id, versionId: current.id, input, previousDueOn: schedule.dueOn, nextReviewOn });
    const flagsResolved = await resolveFlags(manager, organisationId, policy.id, { reviewId });
    this.forgetSchedules();
    // The public copies state the review date and the history: publish them again with the new ones.
    await this.publications.republishPublic(manager, organisationId, policy.id, 'reviewed', personId);
    await this.audit.record({
      action: 'review.completed',
      policyId: policy.id,
      versionId: current.id,
      details: { outcome: 'no_change', reviewedOn: input.reviewedOn, previousDueOn: schedule.dueOn, nextReviewOn, flagsResolved, note: input.note ?? null },
    });
    return { reviewId, draft: null };
  }

  private async insertReview(
    manager: EntityManager,
    row: { organisationId: string; personId: string; policyId: string; versionId: string; input: CompleteReviewInput; previousDueOn: string | null; nextReviewOn: string | null },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO policy_review (organisation_id, policy_id, version_id, outcome, reviewed_on, reviewed_by, note, previous_due_on, next_review_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [row.organisationId, row.policyId, row.versionId, row.input.outcome, row.input.reviewedOn, row.personId, row.input.note || null, row.previousDueOn, row.nextReviewOn],
    );
    return id;
  }
}
