import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar } from '../../common/scalars';
import { RoleGql } from '../../organisation/dto/organisation.types';
import { PersonRef, StageActionGql } from '../../governance/dto/governance.types';
import { PolicyVersion } from '../../policy/dto/policy.types';
import { trim } from '../../common/transforms';

export enum ChangeOriginGql {
  LEGISLATION_OR_GUIDANCE = 'legislation-or-guidance',
  MODEL_PROVIDER_UPDATE = 'model-provider-update',
  TRUST_DECISION = 'trust-decision',
  AUDIT_FINDING = 'audit-finding',
  SCHOOL_REQUEST = 'school-request',
  EDITORIAL = 'editorial',
}
registerEnumType(ChangeOriginGql, { name: 'ChangeOrigin', description: 'Why a version changed, as the history table records it.' });

export enum ChangeKindGql {
  MAJOR = 'major',
  MINOR = 'minor',
}
registerEnumType(ChangeKindGql, { name: 'ChangeKind', description: 'Major changes make the next whole number (2.0); minor ones the next point (1.1).' });

export enum ApprovalStatusGql {
  OPEN = 'open',
  APPROVED = 'approved',
  CHANGES_REQUESTED = 'changes_requested',
  REJECTED = 'rejected',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(ApprovalStatusGql, { name: 'ApprovalStatus' });

export enum DecisionOutcomeGql {
  APPROVED = 'approved',
  APPROVED_WITH_AMENDMENTS = 'approved_with_amendments',
  RECOMMENDED = 'recommended',
  CHANGES_REQUESTED = 'changes_requested',
  REJECTED = 'rejected',
}
registerEnumType(DecisionOutcomeGql, {
  name: 'DecisionOutcome',
  description: 'APPROVED (at the last stage: ratified where it ratifies), APPROVED_WITH_AMENDMENTS (the agreed edits become the text), RECOMMENDED (to the next stage), CHANGES_REQUESTED (back to draft) or REJECTED.',
});

export enum DecisionMethodGql {
  MEETING = 'meeting',
  WRITTEN_RESOLUTION = 'written_resolution',
  CHAIRS_ACTION = 'chairs_action',
  DELEGATED = 'delegated',
}
registerEnumType(DecisionMethodGql, { name: 'DecisionMethod', description: "How the decision was taken: at a meeting, by written resolution, by chair's action, or by a delegated role (minor changes)." });

@ObjectType('ApprovalDecision', { description: 'What a body decided at one stage, pinned to the text it decided on.' })
export class ApprovalDecision {
  @Field(() => ID) id!: string;
  @Field(() => Int) stage!: number;
  @Field(() => DecisionOutcomeGql) outcome!: DecisionOutcomeGql;
  @Field(() => DateScalar) decidedOn!: string;
  @Field(() => DecisionMethodGql) method!: DecisionMethodGql;
  @Field(() => String, { nullable: true }) minuteReference!: string | null;
  @Field(() => Int, { nullable: true }) membersPresent!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => PersonRef, { description: 'Who recorded it.' }) decidedBy!: PersonRef;
  @Field({ description: 'SHA-256 of the text decided on.' }) contentHash!: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the amended text, for APPROVED_WITH_AMENDMENTS.' }) amendedContentHash!: string | null;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}

@ObjectType('ApprovalStage', { description: 'One stage of a request: the body (or, for a minor change, the role) that decides, and its decision once made.' })
export class ApprovalStage {
  @Field(() => Int) position!: number;
  @Field(() => StageActionGql) action!: StageActionGql;
  @Field(() => String, { description: 'The body\'s name, or "Delegated approval (admin)" for a minor change.' }) deciderName!: string;
  @Field(() => ID, { nullable: true }) bodyId!: string | null;
  @Field(() => RoleGql, { nullable: true, description: 'For a delegated minor change: the role that approves.' }) delegatedRole!: RoleGql | null;
  @Field(() => ApprovalDecision, { nullable: true }) decision!: ApprovalDecision | null;
}

@ObjectType('ApprovalComment', { description: "A comment on a request, on one clause or on the whole." })
export class ApprovalComment {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) clauseId!: string | null;
  @Field() body!: string;
  @Field(() => PersonRef) author!: PersonRef;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('ApprovalRequest', { description: 'A version sent for approval, pinned to its id and content hash, moving through the stages of its route.' })
export class ApprovalRequest {
  @Field(() => ID) id!: string;
  @Field(() => ApprovalStatusGql) status!: ApprovalStatusGql;
  @Field({ description: 'Where it stands, in words: "Awaiting approval by Finance, Audit & Risk Committee", "Awaiting ratification by Trust Board", "Approved as version 1.0" …' })
  statusLabel!: string;
  @Field(() => Int, { nullable: true, description: 'The stage awaiting a decision, while open.' }) currentStage!: number | null;
  @Field() changeSummary!: string;
  @Field(() => ChangeOriginGql) changeOrigin!: ChangeOriginGql;
  @Field(() => ChangeKindGql) changeKind!: ChangeKindGql;
  @Field({ description: 'SHA-256 of the text as submitted.' }) submittedContentHash!: string;
  @Field({ description: 'SHA-256 of the text being decided on (differs from the submitted one after approval with amendments). Pass it back when deciding.' })
  contentHash!: string;
  @Field(() => PersonRef) submittedBy!: PersonRef;
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => [ApprovalStage]) stages!: ApprovalStage[];
  policyId!: string;
  versionId!: string;
  submittedById!: string;
  authorMayApprove!: boolean;
  organisationId!: string;
}

@ObjectType('DecisionRight', { description: 'Whether you may record the decision at the current stage, and if not, why not.' })
export class DecisionRight {
  @Field() allowed!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@InputType()
export class SubmitForApprovalInput {
  @Field(() => ID) @IsString() versionId!: string;
  @Field(() => Int, { description: "The draft's revision you reviewed: a CONFLICT if it has been saved since." }) @IsInt() @Min(1) expectedRevision!: number;

  @Field({ description: 'What changed, as the history table will say it.' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Say what changed: it goes in the history table.' })
  @MaxLength(500, { message: 'A change summary can be at most 500 characters.' })
  changeSummary!: string;

  @Field(() => ChangeOriginGql) @IsEnum(ChangeOriginGql, { message: 'Choose why the policy changed.' }) changeOrigin!: ChangeOriginGql;
  @Field(() => ChangeKindGql) @IsEnum(ChangeKindGql, { message: 'Choose whether the change is major or minor.' }) changeKind!: ChangeKindGql;
}

@InputType()
export class DecideApprovalInput {
  @Field(() => ID) @IsString() requestId!: string;
  @Field(() => Int, { description: 'The stage you are deciding (ApprovalRequest.currentStage).' }) @IsInt() @Min(1) stage!: number;
  @Field({ description: 'ApprovalRequest.contentHash: the text you decided on.' }) @IsString() @Matches(/^[0-9a-f]{64}$/, { message: 'contentHash must be a SHA-256 in hex.' }) contentHash!: string;
  @Field(() => DecisionOutcomeGql) @IsEnum(DecisionOutcomeGql) outcome!: DecisionOutcomeGql;
  @Field(() => DateScalar, { description: 'The date of the meeting, resolution or action.' }) @IsString() decidedOn!: string;
  @Field(() => DecisionMethodGql) @IsEnum(DecisionMethodGql) method!: DecisionMethodGql;

  @Field({ nullable: true, description: 'The minute reference, e.g. "FAR/25-26/03/7". Required for a decision at a meeting.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: 'A minute reference can be at most 100 characters.' })
  minuteReference?: string;

  @Field(() => Int, { nullable: true, description: 'For a meeting: how many members were present (checked against the quorum).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  membersPresent?: number;

  @Field({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(4000, { message: 'A note can be at most 4000 characters.' })
  note?: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'For APPROVED_WITH_AMENDMENTS: the text as amended (ProseMirror JSON).' })
  @IsOptional()
  @IsObject()
  amendedContent?: Record<string, unknown>;

  @Field(() => DateScalar, { nullable: true, description: 'When the approved version takes effect; the decision date when omitted.' })
  @IsOptional()
  @IsString()
  effectiveOn?: string;
}

@InputType()
export class CommentOnApprovalInput {
  @Field(() => ID) @IsString() requestId!: string;
  @Field(() => ID, { nullable: true, description: 'The clause commented on; the whole policy when omitted.' }) @IsOptional() @IsString() @MaxLength(200) clauseId?: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Write a comment.' })
  @MaxLength(4000, { message: 'A comment can be at most 4000 characters.' })
  body!: string;
}

@ObjectType('WordPart')
export class WordPartGql {
  @Field({ description: '"same", "added" or "removed"' }) change!: string;
  @Field() text!: string;
}

@ObjectType('RedlineClause', { description: 'A clause that differs between the two versions.' })
export class RedlineClause {
  @Field(() => ID) clauseId!: string;
  @Field({ description: '"changed", "added" or "removed"; a clause that only moved is "unchanged" with moved set.' }) change!: string;
  @Field({ description: '"none", "within-section" or "to-another-section"' }) moved!: string;
  @Field(() => String, { nullable: true, description: 'The heading of the section it is in (in the later version, else the earlier).' }) sectionHeading!: string | null;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
  @Field({ description: 'For a changed clause: whether its words changed (false: only formatting, links or variables).' }) textChanged!: boolean;
  @Field(() => [WordPartGql], { nullable: true, description: 'For a changed clause: the word-level redline.' }) words!: WordPartGql[] | null;
}

@ObjectType('RedlineSection', { description: 'A section whose heading changed, or that was added, removed or moved.' })
export class RedlineSection {
  @Field(() => ID) sectionId!: string;
  @Field() change!: string;
  @Field() moved!: boolean;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
  @Field(() => [WordPartGql], { nullable: true }) words!: WordPartGql[] | null;
}

@ObjectType('RedlineCounts')
export class RedlineCounts {
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) changed!: number;
  @Field(() => Int) added!: number;
  @Field(() => Int) removed!: number;
  @Field(() => Int) moved!: number;
}

@ObjectType('Redline', { description: 'Two versions of a policy compared clause by clause, word by word inside a clause. Only what differs is listed.' })
export class Redline {
  @Field(() => PolicyVersion, { nullable: true, description: 'The earlier version; null when there is none (a first version: everything is added).' }) from!: PolicyVersion | null;
  @Field(() => PolicyVersion) to!: PolicyVersion;
  @Field(() => [RedlineSection]) sections!: RedlineSection[];
  @Field(() => [RedlineClause], { description: 'In reading order.' }) clauses!: RedlineClause[];
  @Field(() => RedlineCounts) counts!: RedlineCounts;
}

@ObjectType('HistoryEntry', { description: 'One row of the "History of policy changes" table, generated from an approved version.' })
export class HistoryEntry {
  @Field(() => ID) versionId!: string;
  @Field() version!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => String, { nullable: true }) change!: string | null;
  @Field(() => ChangeOriginGql, { nullable: true }) origin!: ChangeOriginGql | null;
  @Field(() => String, { nullable: true, description: 'The body that approved it.' }) approvedBy!: string | null;
  @Field({ description: 'A review that kept the version unchanged ("Reviewed – no change"), not a new version.' }) reviewed!: boolean;
  @Field(() => [ID], { description: 'The clauses this version changed or added since the one before (all of them for the first): where the PDF finds its page numbers.' })
  changedClauseIds!: string[];
}

@ObjectType('AuditEvent', { description: 'One entry of the append-only audit trail.' })
export class AuditEvent {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: "Its place in the organisation's chain, from 1." }) seq!: number;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => String, { nullable: true }) actor!: string | null;
  @Field({ description: 'e.g. "approval.submitted", "approval.decided", "version.approved", "policy.published".' }) action!: string;
  @Field(() => String, { nullable: true }) policyTitle!: string | null;
  @Field(() => ID, { nullable: true }) versionId!: string | null;
  @Field(() => String, { nullable: true }) versionNumber!: string | null;
  @Field(() => String, { nullable: true }) contentHash!: string | null;
  @Field(() => GraphQLJSONObject) details!: object;
}

@ObjectType('AuditChainCheck', { description: "The organisation's audit chain re-computed." })
export class AuditChainCheck {
  @Field(() => Int) events!: number;
  @Field() intact!: boolean;
  @Field(() => Int, { nullable: true, description: 'The first event that does not follow from the one before.' }) brokenAt!: number | null;
}
