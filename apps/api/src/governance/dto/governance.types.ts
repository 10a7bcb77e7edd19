import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { OrganisationRef, RoleGql } from '../../organisation/dto/organisation.types';
import { trim } from '../../common/transforms';

export enum GovernanceBodyKindGql {
  BOARD = 'board',
  COMMITTEE = 'committee',
  LOCAL_GOVERNING_BODY = 'local_governing_body',
}
registerEnumType(GovernanceBodyKindGql, { name: 'GovernanceBodyKind' });

export enum BodyPositionGql {
  CHAIR = 'chair',
  CLERK = 'clerk',
  MEMBER = 'member',
}
registerEnumType(BodyPositionGql, { name: 'BodyPosition', description: "A person's place on a governance body." });

export enum StageActionGql {
  APPROVE = 'approve',
  RATIFY = 'ratify',
}
registerEnumType(StageActionGql, { name: 'StageAction', description: 'What a body does at a stage of a route: approves, or ratifies what an earlier stage recommended.' });

export enum StageAppliesToGql {
  ALL_CHANGES = 'all',
  MAJOR_CHANGES = 'major',
}
registerEnumType(StageAppliesToGql, { name: 'StageAppliesTo', description: 'Whether a stage applies to every change or only to major ones.' });

export enum LocalAdoptionGql {
  NONE = 'none',
  NOTE = 'note',
  ADOPT = 'adopt',
}
registerEnumType(LocalAdoptionGql, { name: 'LocalAdoption', description: "What a school's local governing body does with its copy once the trust approves." });

@ObjectType('PersonRef', { description: 'Someone in the organisation, by name (never their email).' })
export class PersonRef {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType('OrganisationMember', { description: "A person's membership of the active organisation." })
export class OrganisationMember {
  @Field(() => ID) membershipId!: string;
  @Field(() => PersonRef) person!: PersonRef;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => OrganisationRef, { nullable: true, description: 'The academy the membership is at, if it is at one.' }) school!: OrganisationRef | null;
}

@ObjectType('GovernanceBodyMember')
export class GovernanceBodyMember {
  @Field(() => ID) membershipId!: string;
  @Field(() => PersonRef) person!: PersonRef;
  @Field(() => BodyPositionGql) position!: BodyPositionGql;
}

@ObjectType('GovernanceBody', { description: 'A board, committee or local governing body, under the organisation\'s own name for it.' })
export class GovernanceBody {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => GovernanceBodyKindGql) kind!: GovernanceBodyKindGql;
  @Field(() => Int, { nullable: true, description: 'How many members must be present for a meeting to decide.' }) quorum!: number | null;
  @Field(() => [GovernanceBodyMember]) members!: GovernanceBodyMember[];
  schoolId!: string | null;
}

@ObjectType('ApprovalRouteStage')
export class ApprovalRouteStage {
  @Field(() => Int, { description: 'From 1, in the order the stages decide.' }) position!: number;
  @Field(() => StageActionGql) action!: StageActionGql;
  @Field(() => StageAppliesToGql) appliesTo!: StageAppliesToGql;
  bodyId!: string;
}

@ObjectType('ApprovalRoute', { description: 'A line of the scheme of delegation: who approves a policy, in order.' })
export class ApprovalRoute {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The route of every policy that has not been given one.' }) isDefault!: boolean;
  @Field({ description: 'Whether the author of a version may decide on it.' }) authorMayApprove!: boolean;
  @Field(() => RoleGql, { nullable: true, description: 'Who may approve a minor change (contact details, typos) without a committee; null when every change goes through the stages.' })
  minorChangeRole!: RoleGql | null;
  @Field(() => LocalAdoptionGql) localAdoption!: LocalAdoptionGql;
  @Field(() => [ApprovalRouteStage]) stages!: ApprovalRouteStage[];
}

@InputType()
export class BodyMemberInput {
  @Field(() => ID) @IsString() membershipId!: string;
  @Field(() => BodyPositionGql) @IsEnum(BodyPositionGql) position!: BodyPositionGql;
}

@InputType()
export class SaveGovernanceBodyInput {
  @Field(() => ID, { nullable: true, description: 'The body to change; a new body when omitted.' }) @IsOptional() @IsString() id?: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Give the body a name.' })
  @MaxLength(120, { message: 'A name can be at most 120 characters.' })
  name!: string;

  @Field(() => GovernanceBodyKindGql) @IsEnum(GovernanceBodyKindGql) kind!: GovernanceBodyKindGql;

  @Field(() => ID, { nullable: true, description: "For a local governing body: the academy it governs." }) @IsOptional() @IsString() schoolId?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'A quorum is at least 1.' })
  @Max(100, { message: 'A quorum is at most 100.' })
  quorum?: number;

  @Field(() => [BodyMemberInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BodyMemberInput)
  members!: BodyMemberInput[];
}

@InputType()
export class RouteStageInput {
  @Field(() => ID) @IsString() bodyId!: string;
  @Field(() => StageActionGql) @IsEnum(StageActionGql) action!: StageActionGql;
  @Field(() => StageAppliesToGql, { defaultValue: StageAppliesToGql.ALL_CHANGES }) @IsEnum(StageAppliesToGql) appliesTo!: StageAppliesToGql;
}

@InputType()
export class SaveApprovalRouteInput {
  @Field(() => ID, { nullable: true, description: 'The route to change; a new route when omitted.' }) @IsOptional() @IsString() id?: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Give the route a name.' })
  @MaxLength(120, { message: 'A name can be at most 120 characters.' })
  name!: string;

  @Field({ defaultValue: false }) @IsBoolean() isDefault!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() authorMayApprove!: boolean;
  @Field(() => RoleGql, { nullable: true }) @IsOptional() @IsEnum(RoleGql) minorChangeRole?: RoleGql;
  @Field(() => LocalAdoptionGql, { defaultValue: LocalAdoptionGql.NONE }) @IsEnum(LocalAdoptionGql) localAdoption!: LocalAdoptionGql;

  @Field(() => [RouteStageInput])
  @IsArray()
  @ArrayMaxSize(10, { message: 'A route has at most 10 stages.' })
  @ValidateNested({ each: true })
  @Type(() => RouteStageInput)
  stages!: RouteStageInput[];
}
