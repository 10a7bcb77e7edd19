import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar } from '../../common/scalars';
import { trim } from '../../common/transforms';

export enum VersionStatusGql {
  DRAFT = 'draft',
  IN_APPROVAL = 'in_approval',
  APPROVED = 'approved',
  SUPERSEDED = 'superseded',
}
registerEnumType(VersionStatusGql, { name: 'VersionStatus' });

export enum NumberingStyleGql {
  NUMBERED = 'numbered',
  UNNUMBERED = 'unnumbered',
}
registerEnumType(NumberingStyleGql, { name: 'NumberingStyle', description: 'How an organisation numbers sections and clauses when a policy is printed.' });

@ObjectType('PolicyVersion', { description: 'A snapshot of a policy: its text and approval facts.' })
export class PolicyVersion {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'major.minor, e.g. "1.0"; null for a draft, which is numbered when approved.' }) number!: string | null;
  @Field(() => VersionStatusGql) status!: VersionStatusGql;
  @Field(() => Int, { description: "A draft's save counter, for optimistic concurrency; starts at 1." }) revision!: number;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => DateScalar, { nullable: true }) approvedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'When an approved version took (or takes) effect.' }) effectiveOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) nextReviewOn!: string | null;
  @Field(() => String, { nullable: true, description: '"major" or "minor", as submitted for approval.' }) changeKind!: string | null;
  @Field({ description: 'SHA-256 of the text (canonical JSON): what an approval is pinned to.' }) contentHash!: string;
  @Field(() => GraphQLJSONObject, { description: 'The document as ProseMirror JSON.' }) content!: object;
  @Field(() => String, { nullable: true, description: 'What changed in this version, as the history table says it.' }) changeSummary!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why it changed: "legislation-or-guidance", "model-provider-update", "trust-decision", "audit-finding", "school-request" or "editorial".',
  })
  changeOrigin!: string | null;
  organisationId!: string;
  policyId!: string;
  upstreamTemplateVersionId!: string | null;
  approvedByBodyId!: string | null;
}

@ObjectType('Policy')
export class Policy {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() slug!: string;
  @Field() statutory!: boolean;
  @Field(() => Int, { nullable: true, description: 'Months between reviews.' }) reviewCycleMonths!: number | null;
  organisationId!: string;
}

@ObjectType('PolicySearchHit', { description: 'A policy matching a search, with its best-matching clause.' })
export class PolicySearchHit {
  @Field(() => ID, { nullable: true }) clauseId!: string | null;
  @Field(() => String, { nullable: true }) sectionHeading!: string | null;
  @Field({ description: 'Escaped HTML of the matching text, with <mark> around the matches.' }) snippet!: string;
  policyId!: string;
  versionId!: string;
}

@InputType()
export class CreatePolicyInput {
  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Give the policy a title.' })
  @MaxLength(200, { message: 'A title can be at most 200 characters.' })
  title!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The first draft as ProseMirror JSON; an empty policy when omitted.' })
  @IsOptional()
  @IsObject()
  content?: Record<string, unknown>;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  statutory?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'A review cycle is at least 1 month.' })
  @Max(120, { message: 'A review cycle is at most 120 months.' })
  reviewCycleMonths?: number;
}

@InputType()
export class SaveDraftInput {
  @Field(() => ID)
  @IsString()
  versionId!: string;

  @Field(() => Int, { description: 'The revision the text was based on.' })
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  @Field(() => GraphQLJSONObject)
  @IsObject()
  content!: Record<string, unknown>;
}
