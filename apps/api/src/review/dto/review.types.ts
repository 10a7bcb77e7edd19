import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DateScalar } from '../../common/scalars';
import { trim } from '../../common/transforms';
import { PersonRef } from '../../governance/dto/governance.types';
import { OrganisationRef } from '../../organisation/dto/organisation.types';
import { PolicyVersion } from '../../policy/dto/policy.types';

export enum TermNamingGql {
  SIX_TERMS = 'six-terms',
  THREE_TERMS = 'three-terms',
  HALF_TERMS = 'half-terms',
}
registerEnumType(TermNamingGql, { name: 'TermNaming', description: 'How a calendar names its periods: Term 1–6; Autumn, Spring and Summer terms; or Autumn 1 … Summer 2.' });

export enum ReviewTimingGql {
  OVERDUE = 'overdue',
  DUE_THIS_TERM = 'due_this_term',
  DUE_NEXT_TERM = 'due_next_term',
  LATER = 'later',
}
registerEnumType(ReviewTimingGql, { name: 'ReviewTiming', description: "When a review falls, seen from today in the school's (or trust's) term calendar." });

export enum ReviewStatusGql {
  OVERDUE = 'overdue',
  REVIEW_REQUIRED = 'review_required',
  DUE_THIS_TERM = 'due_this_term',
  DUE_NEXT_TERM = 'due_next_term',
  AWAITING_APPROVAL = 'awaiting_approval',
  IN_DRAFT = 'in_draft',
  NOT_PUBLISHED = 'not_published',
  CURRENT = 'current',
}
registerEnumType(ReviewStatusGql, {
  name: 'ReviewStatus',
  description: 'A policy at one academy (or trust-wide) on the review dashboard. REVIEW_REQUIRED: a registered guidance edition asks for a review. CURRENT: none of the others.',
});

export enum ReviewOutcomeGql {
  NO_CHANGE = 'no_change',
  NEW_DRAFT = 'new_draft',
}
registerEnumType(ReviewOutcomeGql, { name: 'ReviewOutcome', description: 'Reviewed with no change (the date moves on, no new text), or a new draft started.' });

export enum CalendarFileFormatGql {
  CSV = 'csv',
  ICS = 'ics',
}
registerEnumType(CalendarFileFormatGql, { name: 'CalendarFileFormat' });

@ObjectType('TermPeriod', { description: 'A term or half-term of an academic year.' })
export class TermPeriod {
  @Field({ description: 'T1…T6, AUT/SPR/SUM, or AUT1…SUM2.' }) key!: string;
  @Field({ description: 'As the school says it: "Term 2", "Spring Term", "Autumn 1".' }) name!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}

@ObjectType('AcademicYear', { description: 'One academic year (1 August – 31 July) of a term calendar.' })
export class AcademicYear {
  @Field(() => ID, { nullable: true, description: 'Null for a preset that has not been saved.' }) id!: string | null;
  @Field(() => Int, { description: 'The calendar year it starts in: 2026 for 2026/27.' }) startYear!: number;
  @Field({ description: '"2026/27".' }) label!: string;
  @Field(() => TermNamingGql) naming!: TermNamingGql;
  @Field(() => [TermPeriod]) periods!: TermPeriod[];
  @Field({ description: "For a school's calendar: true when this year is the trust's (the school has no dates of its own for it)." }) inherited!: boolean;
}

@ObjectType('ReviewPeriod', { description: 'A term resolved in a calendar, e.g. "Term 2, 2026/27", 2 November – 18 December 2026.' })
export class ReviewPeriod {
  @Field(() => Int) startYear!: number;
  @Field() key!: string;
  @Field() name!: string;
  @Field({ description: '"Term 2, 2026/27".' }) label!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
}

@ObjectType('TermCalendar')
export class TermCalendar {
  @Field(() => OrganisationRef, { nullable: true, description: "The academy whose calendar this is; null for the trust's." }) school!: OrganisationRef | null;
  @Field(() => [AcademicYear]) years!: AcademicYear[];
  @Field(() => ReviewPeriod, { nullable: true, description: 'This term (the next to start, in a holiday).' }) current!: ReviewPeriod | null;
  @Field(() => ReviewPeriod, { nullable: true }) next!: ReviewPeriod | null;
}

@InputType()
export class TermPeriodInput {
  @Field(() => String, { nullable: true, description: 'Assigned from the name when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  key?: string | null;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;

  @Field(() => DateScalar) @IsString() startsOn!: string;
  @Field(() => DateScalar) @IsString() endsOn!: string;
}

@InputType()
export class SaveAcademicYearInput {
  @Field(() => ID, { nullable: true, description: "The academy whose own dates these are; omit for the trust's calendar." })
  @IsOptional()
  @IsString()
  schoolId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1990)
  @Max(2200)
  startYear!: number;

  @Field(() => TermNamingGql)
  @IsEnum(TermNamingGql)
  naming!: TermNamingGql;

  @Field(() => [TermPeriodInput])
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TermPeriodInput)
  periods!: TermPeriodInput[];
}

@InputType()
export class ImportTermCalendarInput {
  @Field(() => ID, { nullable: true, description: "The academy whose own dates these are; omit for the trust's calendar." })
  @IsOptional()
  @IsString()
  schoolId?: string | null;

  @Field(() => CalendarFileFormatGql)
  @IsEnum(CalendarFileFormatGql)
  format!: CalendarFileFormatGql;

  @Field({ description: 'The file as text (CSV with academic_year, term, starts_on, ends_on columns; or an iCalendar file).' })
  @IsString()
  @MaxLength(1_000_000)
  content!: string;
}

@ObjectType('PolicyType', { description: 'A kind of policy in the catalogue, with its statutory review maximum where the law or guidance sets one.' })
export class PolicyType {
  @Field(() => ID) key!: string;
  @Field() name!: string;
  @Field() statutory!: boolean;
  @Field(() => Int, { nullable: true, description: 'A longer review cycle is refused.' }) maxCycleMonths!: number | null;
  @Field(() => Int, { nullable: true, description: 'The DfE advises reviewing at least this often: a longer cycle is allowed with a warning.' }) advisedCycleMonths!: number | null;
  @Field({ description: 'Where the rule comes from.' }) basis!: string;
  @Field({ description: 'Reviewed whenever the statutory guidance changes, whatever the cycle.' }) onStatutoryChange!: boolean;
}

@ObjectType('GuidanceEdition', { description: 'An edition of statutory guidance (KCSIE 2026, in force 1 September 2026) and the policy types it affects.' })
export class GuidanceEdition {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() edition!: string;
  @Field(() => DateScalar) inForceOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [PolicyType]) policyTypes!: PolicyType[];
  @Field(() => Int, { description: 'Policies it flagged "review required".' }) flaggedCount!: number;
  @Field(() => Int, { description: 'Of those, still waiting for their review.' }) openCount!: number;
  @Field(() => GraphQLISODateTime) registeredAt!: Date;
}

@InputType()
export class RegisterGuidanceEditionInput {
  @Field({ description: '"Keeping children safe in education".' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @Field({ description: '"2026".' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  edition!: string;

  @Field(() => DateScalar) @IsString() inForceOn!: string;

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  policyTypeKeys!: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType('ReviewFlag', { description: '"Review required": a guidance edition asks for this policy to be reviewed by its in-force date.' })
export class ReviewFlag {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) dueOn!: string;
  @Field({ description: '"Keeping children safe in education 2026".' }) reason!: string;
  editionId!: string;
}

@ObjectType('PolicyReview', { description: 'A completed review.' })
export class PolicyReview {
  @Field(() => ID) id!: string;
  @Field(() => ReviewOutcomeGql) outcome!: ReviewOutcomeGql;
  @Field(() => DateScalar) reviewedOn!: string;
  @Field(() => PersonRef, { nullable: true }) reviewedBy!: PersonRef | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'The version reviewed.' }) versionNumber!: string | null;
  @Field(() => DateScalar, { nullable: true }) previousDueOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) nextReviewOn!: string | null;
}

@ObjectType('ReviewSchedule', { description: "When a policy is next reviewed, and why: its type, cycle, any guidance flags, in the trust's term language." })
export class ReviewSchedule {
  @Field(() => PolicyType, { nullable: true }) policyType!: PolicyType | null;
  @Field(() => Int, { nullable: true }) cycleMonths!: number | null;
  @Field({ description: '"and on statutory change".' }) onStatutoryChange!: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'The next review date: the earlier of the scheduled date and any guidance flag.' }) dueOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The scheduled date from the cycle or the chosen term, before guidance flags.' }) scheduledOn!: string | null;
  @Field(() => ReviewPeriod, { nullable: true, description: "The term the due date falls in, in the trust's calendar." }) term!: ReviewPeriod | null;
  @Field({ description: 'True when the review was set to a term directly (each academy resolves it in its own calendar).' }) setToTerm!: boolean;
  @Field(() => ReviewTimingGql, { nullable: true }) timing!: ReviewTimingGql | null;
  @Field(() => [ReviewFlag]) flags!: ReviewFlag[];
  @Field(() => PersonRef, { nullable: true, description: 'Who gets the reminders, with the admins.' }) owner!: PersonRef | null;
  @Field(() => ID, { nullable: true }) ownerMembershipId!: string | null;
  @Field(() => [PolicyReview], { description: 'Completed reviews, newest first.' }) reviews!: PolicyReview[];
  @Field(() => [String], { description: 'Advice that does not stop the schedule, e.g. a cycle longer than the DfE advises.' }) warnings!: string[];
}

@InputType({ description: 'The next review: a date, or a term (startYear + termKey); omit both to work it out from the last approval and the cycle.' })
export class NextReviewInput {
  @Field(() => DateScalar, { nullable: true }) @IsOptional() @IsString() on?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2200)
  startYear?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  termKey?: string | null;
}

@InputType()
export class SetReviewScheduleInput {
  @Field(() => ID) @IsString() policyId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  policyTypeKey?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  cycleMonths?: number | null;

  @Field() @IsBoolean() onStatutoryChange!: boolean;

  @Field(() => NextReviewInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NextReviewInput)
  nextReview?: NextReviewInput | null;

  @Field(() => ID, { nullable: true, description: 'The membership of the person who owns the policy (gets its reminders).' })
  @IsOptional()
  @IsString()
  ownerMembershipId?: string | null;
}

@InputType()
export class CompleteReviewInput {
  @Field(() => ID) @IsString() policyId!: string;
  @Field(() => ReviewOutcomeGql) @IsEnum(ReviewOutcomeGql) outcome!: ReviewOutcomeGql;
  @Field(() => DateScalar) @IsString() reviewedOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @Field(() => NextReviewInput, { nullable: true, description: 'For NO_CHANGE: the next review; omitted, it follows from the review date and the cycle.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NextReviewInput)
  nextReview?: NextReviewInput | null;
}

@ObjectType('CompleteReviewResult')
export class CompleteReviewResult {
  @Field(() => PolicyReview) review!: PolicyReview;
  @Field(() => ReviewSchedule) schedule!: ReviewSchedule;
  @Field(() => PolicyVersion, { nullable: true, description: 'For NEW_DRAFT: the draft to edit.' }) draft!: PolicyVersion | null;
}

@ObjectType('ReviewStatusCount')
export class ReviewStatusCount {
  @Field(() => ReviewStatusGql) status!: ReviewStatusGql;
  @Field(() => Int) count!: number;
}

@ObjectType('ReviewDashboardRow', { description: 'One policy at one academy (or trust-wide).' })
export class ReviewDashboardRow {
  @Field(() => ID) policyId!: string;
  @Field() policySlug!: string;
  @Field() title!: string;
  @Field() statutory!: boolean;
  @Field(() => OrganisationRef, { nullable: true, description: 'Null for the trust-wide row.' }) school!: OrganisationRef | null;
  @Field(() => ReviewStatusGql, { description: 'The one to show: the most urgent of statuses.' }) status!: ReviewStatusGql;
  @Field(() => [ReviewStatusGql]) statuses!: ReviewStatusGql[];
  @Field(() => DateScalar, { nullable: true }) dueOn!: string | null;
  @Field(() => String, { nullable: true, description: '"Term 2, 2026/27" in this academy\'s calendar.' }) dueTerm!: string | null;
  @Field(() => String, { nullable: true }) versionNumber!: string | null;
  @Field(() => DateScalar, { nullable: true }) approvedOn!: string | null;
  @Field(() => ID, { nullable: true }) committeeId!: string | null;
  @Field(() => String, { nullable: true, description: 'The committee responsible: the monitoring body, else the first body of its approval route.' }) committee!: string | null;
  @Field(() => [String], { description: 'Guidance editions asking for a review.' }) reviewRequired!: string[];
}

@ObjectType('ReviewDashboard')
export class ReviewDashboard {
  @Field(() => DateScalar) today!: string;
  @Field(() => ReviewPeriod, { nullable: true, description: "This term in the trust's calendar." }) currentTerm!: ReviewPeriod | null;
  @Field(() => ReviewPeriod, { nullable: true }) nextTerm!: ReviewPeriod | null;
  @Field(() => [ReviewStatusCount], { description: 'Rows having each status, over the filters other than status.' }) counts!: ReviewStatusCount[];
  @Field(() => Int, { description: 'Rows matching every filter.' }) total!: number;
  @Field(() => [ReviewDashboardRow], { description: 'Most urgent first: by due date, then title and academy.' }) rows!: ReviewDashboardRow[];
}

@InputType()
export class ReviewDashboardFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() committeeId?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() statutory?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'One academy; "trust" for the trust-wide rows only.' }) @IsOptional() @IsString() schoolId?: string | null;
  @Field(() => ReviewStatusGql, { nullable: true }) @IsOptional() @IsEnum(ReviewStatusGql) status?: ReviewStatusGql | null;

  @Field(() => String, { nullable: true, description: 'Words in the title.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ObjectType('ReminderSettings', { description: 'When review reminders go to the policy owner and the admins.' })
export class ReminderSettings {
  @Field(() => [Int], { description: 'Days before the due date, e.g. 60, 30, 7 and 0 (on the day).' }) leadDays!: number[];
  @Field({ description: 'Every week while a review is overdue.' }) overdueWeekly!: boolean;
}

@InputType()
export class ReminderSettingsInput {
  @Field(() => [Int])
  @IsArray()
  @ArrayMaxSize(8)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(365, { each: true })
  leadDays!: number[];

  @Field() @IsBoolean() overdueWeekly!: boolean;
}

@ObjectType('CalendarFeed', { description: 'A secret address of the review calendar (ICS) for Outlook or Google Calendar.' })
export class CalendarFeed {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => PersonRef, { nullable: true }) createdBy!: PersonRef | null;
}

@ObjectType('CreatedCalendarFeed')
export class CreatedCalendarFeed {
  @Field(() => CalendarFeed) feed!: CalendarFeed;
  @Field({ description: 'Shown once: the address to subscribe to. Only its hash is kept.' }) url!: string;
}

@InputType()
export class CreateCalendarFeedInput {
  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  label!: string;
}
