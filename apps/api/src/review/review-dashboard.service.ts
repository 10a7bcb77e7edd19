/**
 * The review dashboard: every policy at every academy (and trust-wide) with its review status
 * in that academy's term calendar. Set-based: four statements whatever the number of rows
 * (policies with their versions, flags and committee; the academies; the calendars; the
 * current publications), assembled here.
 */
import { Injectable } from '@nestjs/common';
import { currentAndNextPeriod, periodForDue, reviewTiming, type AcademicYear, type ResolvedPeriod } from '@ratify/calendar';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { OrganisationService } from '../organisation/organisation.service';
import { loadCalendars, type CalendarSet } from './calendar.service';
import type { ReviewDashboardFilter } from './dto/review.types';
import { dueAt } from './due-dates';
import { MONITORING_BODY_OF_P } from '../governance/monitoring-body';

export type ReviewStatus = 'overdue' | 'review_required' | 'due_this_term' | 'due_next_term' | 'awaiting_approval' | 'in_draft' | 'not_published' | 'current';

/** Most urgent first: the order a row's one status is chosen in, and the order counts are listed in. */
export const STATUS_ORDER: ReviewStatus[] = ['overdue', 'review_required', 'due_this_term', 'due_next_term', 'awaiting_approval', 'in_draft', 'not_published', 'current'];

export interface DashboardPolicy {
  id: string;
  slug: string;
  title: string;
  statutory: boolean;
  nextReviewOn: string | null;
  nextReviewYear: number | null;
  nextReviewTerm: string | null;
  approvedVersionId: string | null;
  versionNumber: string | null;
  approvedOn: string | null;
  hasDraft: boolean;
  inApproval: boolean;
  committeeId: string | null;
  committee: string | null;
  flags: { dueOn: string; reason: string }[];
}

export interface DashboardRow {
  policy: DashboardPolicy;
  school: OrganisationEntity | null;
  status: ReviewStatus;
  statuses: ReviewStatus[];
  dueOn: string | null;
  dueTerm: string | null;
}

export interface Dashboard {
  today: string;
  currentTerm: ResolvedPeriod | null;
  nextTerm: ResolvedPeriod | null;
  counts: { status: ReviewStatus; count: number }[];
  total: number;
  rows: DashboardRow[];
}

const POLICIES_SQL = `
  SELECT p.id, p.slug, p.title, p.statutory, p.next_review_on AS "nextReviewOn", p.next_review_year AS "nextReviewYear", p.next_review_term AS "nextReviewTerm",
         av.id AS "approvedVersionId", CASE WHEN av.id IS NULL THEN NULL ELSE av.major || '.' || av.minor END AS "versionNumber", av.approved_on AS "approvedOn",
         EXISTS (SELECT 1 FROM policy_version d WHERE d.organisation_id = p.organisation_id AND d.policy_id = p.id AND d.status = 'draft') AS "hasDraft",
         EXISTS (SELECT 1 FROM policy_version d WHERE d.organisation_id = p.organisation_id AND d.policy_id = p.id AND d.status = 'in_approval') AS "inApproval",
         body.id AS "committeeId", body.name AS committee,
         coalesce((SELECT jsonb_agg(jsonb_build_object('dueOn', f.due_on, 'reason', e.title || ' ' || e.edition) ORDER BY f.due_on)
                     FROM review_flag f JOIN guidance_edition e ON e.organisation_id = f.organisation_id AND e.id = f.edition_id
                    WHERE f.organisation_id = p.organisation_id AND f.policy_id = p.id AND f.resolved_at IS NULL), '[]') AS flags
    FROM policy p
    LEFT JOIN policy_version av ON av.organisation_id = p.organisation_id AND av.policy_id = p.id AND av.status = 'approved'
    LEFT JOIN governance_body body ON ${MONITORING_BODY_OF_P}
   WHERE p.organisation_id = $1 AND p.deleted_at IS NULL`;

export function statusesOf(policy: DashboardPolicy, published: boolean, dueOn: string | null, today: string, calendar: AcademicYear[]): ReviewStatus[] {
  const statuses = new Set<ReviewStatus>();
  if (policy.approvedVersionId && dueOn) {
    const timing = reviewTiming(dueOn, today, calendar);
    if (timing !== 'later') statuses.add(timing);
  }
  if (policy.flags.length) statuses.add('review_required');
  if (policy.inApproval) statuses.add('awaiting_approval');
  if (policy.hasDraft || !policy.approvedVersionId) statuses.add('in_draft');
  if (policy.approvedVersionId && !published) statuses.add('not_published');
  if (statuses.size === 0) statuses.add('current');
  return STATUS_ORDER.filter((status) => statuses.has(status));
}

/** Builds, filters, counts and pages the rows (pure: the statements are already run). */
export function assembleDashboard(
  input: { policies: DashboardPolicy[]; schools: OrganisationEntity[]; calendars: CalendarSet; published: Set<string>; today: string; trustWide: boolean },
  filter: ReviewDashboardFilter,
): Omit<Dashboard, 'rows'> & { rows: DashboardRow[] } {
  const sites: (OrganisationEntity | null)[] = [...(input.trustWide ? [null] : []), ...input.schools];
  const calendars = new Map(sites.map((school) => [school?.id ?? null, input.calendars.forSchool(school?.id ?? null)]));
  const words = filter.search?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  const policies = input.policies.filter(
    (policy) =>
      (!filter.committeeId || policy.committeeId === filter.committeeId) &&
      (filter.statutory === undefined || filter.statutory === null || policy.statutory === filter.statutory) &&
      words.every((word) => policy.title.toLowerCase().includes(word)),
  );
  const all: DashboardRow[] = [];
  for (const policy of policies) {
    for (const school of sites) {
      if (filter.schoolId && (filter.schoolId === 'trust' ? school !== null : school?.id !== filter.schoolId)) continue;
      const calendar = calendars.get(school?.id ?? null)!;
      const dueOn = policy.approvedVersionId ? dueAt(policy, calendar) : null;
      const statuses = statusesOf(policy, input.published.has(`${school?.id ?? ''}:${policy.id}:${policy.approvedVersionId}`), dueOn, input.today, calendar);
      all.push({ policy, school, status: statuses[0]!, statuses, dueOn, dueTerm: dueOn ? (periodForDue(calendar, dueOn)?.label ?? null) : null });
    }
  }
  const counts = STATUS_ORDER.map((status) => ({ status, count: all.filter((row) => row.statuses.includes(status)).length }));
  const rows = filter.status ? all.filter((row) => row.statuses.includes(filter.status as ReviewStatus)) : all;
  rows.sort(
    (a, b) =>
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      a.policy.title.localeCompare(b.policy.title) ||
      (a.school?.name ?? '').localeCompare(b.school?.name ?? ''),
  );
  const trustCalendar = input.calendars.forSchool(null);
  const { current, next } = currentAndNextPeriod(trustCalendar, input.today);
  return { today: input.today, currentTerm: current, nextTerm: next, counts, total: rows.length, rows };
}

@Injectable()
export class ReviewDashboardService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
    private readonly clock: Clock,
  ) {}

  /** The rows for the caller: the whole trust for trust staff, one academy for its staff. */
  async dashboard(filter: ReviewDashboardFilter): Promise<Dashboard> {
    const membership = RequestContext.require().caller!.membership!;
    const organisationId = membership.organisationId;
    if (filter.schoolId && filter.schoolId !== 'trust') await this.organisations.schoolOf(organisationId, filter.schoolId);
    if (membership.schoolId && filter.schoolId && filter.schoolId !== membership.schoolId) throw AppError.notFound('School');
    const manager = await this.database.manager();
    // One connection runs one statement at a time: these run in turn, four in all.
    const policies: DashboardPolicy[] = await manager.query(`${POLICIES_SQL} ORDER BY p.title`, [organisationId]);
    const schools = await this.organisations.schoolsOf(organisationId);
    const calendars = await loadCalendars(manager, organisationId);
    const publications: { schoolId: string | null; policyId: string; versionId: string }[] = await manager.query(
      `SELECT school_id AS "schoolId", policy_id AS "policyId", policy_version_id AS "versionId" FROM publication WHERE organisation_id = $1 AND withdrawn_at IS NULL`,
      [organisationId],
    );
    const mine = membership.schoolId ? schools.filter((school) => school.id === membership.schoolId) : schools;
    return assembleDashboard(
      {
        policies,
        schools: mine,
        calendars,
        published: new Set(publications.map((row) => `${row.schoolId ?? ''}:${row.policyId}:${row.versionId}`)),
        today: this.clock.today(),
        trustWide: !membership.schoolId,
      },
      filter,
    );
  }
}
