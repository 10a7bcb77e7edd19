import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { academicYearLabel, type AcademicYear as CalendarYear, type ResolvedPeriod } from '@ratify/calendar';
import { Members } from '../common/access';
import { toOrganisationRef } from '../organisation/membership.resolver';
import { OrganisationService } from '../organisation/organisation.service';
import { Policy } from '../policy/dto/policy.types';
import { toPolicyVersion } from '../policy/policy.resolver';
import { CalendarFeedService, type FeedRow } from './calendar-feed.service';
import { CalendarService } from './calendar.service';
import {
  AcademicYear,
  CalendarFeed,
  CompleteReviewInput,
  CompleteReviewResult,
  CreateCalendarFeedInput,
  CreatedCalendarFeed,
  GuidanceEdition,
  ImportTermCalendarInput,
  PolicyReview,
  PolicyType,
  RegisterGuidanceEditionInput,
  ReminderSettings,
  ReminderSettingsInput,
  ReviewDashboard,
  ReviewDashboardFilter,
  ReviewOutcomeGql,
  ReviewPeriod,
  ReviewSchedule,
  ReviewStatusGql,
  ReviewTimingGql,
  SaveAcademicYearInput,
  SetReviewScheduleInput,
  TermCalendar,
  TermNamingGql,
} from './dto/review.types';
import { GuidanceService } from './guidance.service';
import { ReminderService } from './reminder.service';
import { ReviewDashboardService } from './review-dashboard.service';
import { ReviewScheduleService, type ReviewRow, type ScheduleRow } from './review-schedule.service';

/** Who plans and records reviews: the trust's admins and authors (operations leads). */
const REVIEWERS = ['admin', 'author'] as const;

export function toReviewPeriod(period: ResolvedPeriod | null): ReviewPeriod | null {
  return period ? { startYear: period.startYear, key: period.period.key, name: period.period.name, label: period.label, startsOn: period.period.startsOn, endsOn: period.period.endsOn } : null;
}

function toAcademicYear(year: CalendarYear & { id?: string; inherited?: boolean }): AcademicYear {
  return { id: year.id ?? null, startYear: year.startYear, label: academicYearLabel(year.startYear), naming: year.naming as TermNamingGql, periods: year.periods, inherited: year.inherited ?? false };
}

function toPolicyReview(row: ReviewRow): PolicyReview {
  return {
    id: row.id,
    outcome: row.outcome as ReviewOutcomeGql,
    reviewedOn: row.reviewedOn,
    reviewedBy: row.reviewedById ? { id: row.reviewedById, name: row.reviewedByName ?? '' } : null,
    note: row.note,
    versionNumber: row.versionNumber,
    previousDueOn: row.previousDueOn,
    nextReviewOn: row.nextReviewOn,
  };
}

function toReviewSchedule(row: ScheduleRow): ReviewSchedule {
  return {
    policyType: row.policyType,
    cycleMonths: row.cycleMonths,
    onStatutoryChange: row.onStatutoryChange,
    dueOn: row.dueOn,
    scheduledOn: row.scheduledOn,
    term: toReviewPeriod(row.term),
    setToTerm: row.setToTerm,
    timing: row.timing as ReviewTimingGql | null,
    flags: row.flags.map((flag) => ({ id: flag.id, dueOn: flag.dueOn, reason: flag.reason, editionId: flag.editionId })),
    owner: row.owner ? { id: row.owner.personId, name: row.owner.name } : null,
    ownerMembershipId: row.owner?.membershipId ?? null,
    reviews: row.reviews.map(toPolicyReview),
    warnings: row.warnings,
  };
}

function toCalendarFeed(row: FeedRow): CalendarFeed {
  return { id: row.id, label: row.label, createdAt: row.createdAt, revokedAt: row.revokedAt, createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? '' } : null };
}

@Resolver()
@Members()
export class ReviewResolver {
  constructor(
    private readonly calendars: CalendarService,
    private readonly schedules: ReviewScheduleService,
    private readonly dashboards: ReviewDashboardService,
    private readonly guidance: GuidanceService,
    private readonly reminders: ReminderService,
    private readonly feeds: CalendarFeedService,
    private readonly organisations: OrganisationService,
  ) {}

  @Query(() => TermCalendar, { description: "The trust's term calendar, or an academy's (its own years, and the trust's where it has none)." })
  async termCalendar(@Args('schoolId', { type: () => ID, nullable: true }) schoolId: string | null): Promise<TermCalendar> {
    const calendar = await this.calendars.calendar(schoolId);
    return {
      school: calendar.schoolId ? toOrganisationRef(await this.organisations.load(calendar.schoolId)) : null,
      years: calendar.years.map(toAcademicYear),
      current: toReviewPeriod(calendar.current),
      next: toReviewPeriod(calendar.next),
    };
  }

  @Query(() => AcademicYear, { description: "England's usual dates for a year in a naming, to start from: check them against your local authority's or your own." })
  termCalendarPreset(@Args('startYear', { type: () => Int }) startYear: number, @Args('naming', { type: () => TermNamingGql }) naming: TermNamingGql): AcademicYear {
    return toAcademicYear(this.calendars.preset(startYear, naming));
  }

  @Mutation(() => AcademicYear, {
    description: 'Saves an academic year of the trust\'s calendar (admins) or an academy\'s own (its staff). BAD_USER_INPUT (reason INVALID_CALENDAR, details.problems) for overlapping terms, a term outside the year, an end before a start.',
  })
  @Members('admin', 'author', 'publisher')
  async saveAcademicYear(@Args('input') input: SaveAcademicYearInput): Promise<AcademicYear> {
    return toAcademicYear({ ...(await this.calendars.saveYear(input)), inherited: false });
  }

  @Mutation(() => Boolean, { description: 'Deletes an academic year from a calendar (an academy then follows the trust\'s dates for it).' })
  @Members('admin', 'author', 'publisher')
  deleteAcademicYear(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.calendars.deleteYear(id);
  }

  @Mutation(() => [AcademicYear], {
    description: 'Imports term dates from a CSV or iCalendar file; each year replaces the same year of the calendar. Nothing is saved when any line is wrong: BAD_USER_INPUT with details.problems, each with its line.',
  })
  @Members('admin', 'author', 'publisher')
  async importTermCalendar(@Args('input') input: ImportTermCalendarInput): Promise<AcademicYear[]> {
    return (await this.calendars.importCalendar(input)).map((year) => toAcademicYear({ ...year, inherited: false }));
  }

  @Query(() => [PolicyType], { description: 'The policy-type catalogue, statutory first.' })
  policyTypes(): Promise<PolicyType[]> {
    return this.schedules.policyTypes();
  }

  @Mutation(() => ReviewSchedule, {
    description: "Sets a policy's type, cycle, owner and (optionally) its next review as a date or a term. BAD_USER_INPUT: CYCLE_ABOVE_STATUTORY_MAXIMUM, UNKNOWN_TERM, UNKNOWN_POLICY_TYPE.",
  })
  @Members(...REVIEWERS)
  async setReviewSchedule(@Args('input') input: SetReviewScheduleInput): Promise<ReviewSchedule> {
    const warnings = await this.schedules.setSchedule(input);
    const schedule = toReviewSchedule(await this.schedules.schedule(input.policyId));
    return { ...schedule, warnings: [...new Set([...warnings, ...schedule.warnings])] };
  }

  @Mutation(() => CompleteReviewResult, {
    description: 'Records a review: NO_CHANGE moves the next review on (history records it, no new text); NEW_DRAFT starts a draft whose approval completes the review.',
  })
  @Members(...REVIEWERS)
  async completeReview(@Args('input') input: CompleteReviewInput): Promise<CompleteReviewResult> {
    const { reviewId, draft } = await this.schedules.complete(input);
    const schedule = await this.schedules.schedule(input.policyId);
    return { review: toPolicyReview(schedule.reviews.find((review) => review.id === reviewId)!), schedule: toReviewSchedule(schedule), draft: draft ? toPolicyVersion(draft) : null };
  }

  @Query(() => ReviewDashboard, { description: 'Every policy at every academy (staff of one academy: theirs) with its review status; most urgent first.' })
  async reviewDashboard(
    @Args('filter', { type: () => ReviewDashboardFilter, nullable: true }) filter: ReviewDashboardFilter | null,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<ReviewDashboard> {
    const dashboard = await this.dashboards.dashboard(filter ?? {});
    const page = dashboard.rows.slice(Math.max(offset, 0), Math.max(offset, 0) + Math.min(Math.max(first, 1), 500));
    return {
      today: dashboard.today,
      currentTerm: toReviewPeriod(dashboard.currentTerm),
      nextTerm: toReviewPeriod(dashboard.nextTerm),
      counts: dashboard.counts.map((count) => ({ status: count.status as ReviewStatusGql, count: count.count })),
      total: dashboard.total,
      rows: page.map((row) => ({
        policyId: row.policy.id,
        policySlug: row.policy.slug,
        title: row.policy.title,
        statutory: row.policy.statutory,
        school: row.school ? toOrganisationRef(row.school) : null,
        status: row.status as ReviewStatusGql,
        statuses: row.statuses as ReviewStatusGql[],
        dueOn: row.dueOn,
        dueTerm: row.dueTerm,
        versionNumber: row.policy.versionNumber,
        approvedOn: row.policy.approvedOn,
        committeeId: row.policy.committeeId,
        committee: row.policy.committee,
        reviewRequired: row.policy.flags.map((flag) => flag.reason),
      })),
    };
  }

  @Query(() => [GuidanceEdition], { description: 'Registered guidance editions, newest in force first.' })
  guidanceEditions(): Promise<GuidanceEdition[]> {
    return this.guidance.editions();
  }

  @Mutation(() => GuidanceEdition, { description: 'Registers a guidance edition and flags every policy of the linked types "review required" by its in-force date.' })
  @Members('admin')
  async registerGuidanceEdition(@Args('input') input: RegisterGuidanceEditionInput): Promise<GuidanceEdition> {
    return (await this.guidance.register(input)).edition;
  }

  @Query(() => ReminderSettings)
  reminderSettings(): Promise<ReminderSettings> {
    return this.reminders.settings();
  }

  @Mutation(() => ReminderSettings, { description: 'When review reminders go out. BAD_USER_INPUT for more than 8 lead times or one outside 0–365 days.' })
  @Members('admin')
  setReminderSettings(@Args('input') input: ReminderSettingsInput): Promise<ReminderSettings> {
    return this.reminders.saveSettings(input);
  }

  @Query(() => [CalendarFeed], { description: "The trust's review calendar addresses (their secrets are never shown again)." })
  @Members('admin')
  async calendarFeeds(): Promise<CalendarFeed[]> {
    return (await this.feeds.feeds()).map(toCalendarFeed);
  }

  @Mutation(() => CreatedCalendarFeed, { description: 'A new secret address of the review calendar, for Outlook or Google Calendar.' })
  @Members('admin')
  async createCalendarFeed(@Args('input') input: CreateCalendarFeedInput): Promise<CreatedCalendarFeed> {
    const { feed, url } = await this.feeds.create(input.label);
    return { feed: toCalendarFeed(feed), url };
  }

  @Mutation(() => CalendarFeed, { description: 'Stops a calendar address working: it answers 404 from now on.' })
  @Members('admin')
  async revokeCalendarFeed(@Args('id', { type: () => ID }) id: string): Promise<CalendarFeed> {
    return toCalendarFeed(await this.feeds.revoke(id));
  }
}

@Resolver(() => Policy)
@Members()
export class PolicyReviewResolver {
  constructor(private readonly schedules: ReviewScheduleService) {}

  @ResolveField(() => ReviewSchedule, { description: "The review schedule: next review as a date and in the trust's term language, cycle, type, flags, completed reviews." })
  async review(@Parent() policy: Policy): Promise<ReviewSchedule> {
    return toReviewSchedule(await this.schedules.schedule(policy.id));
  }
}
